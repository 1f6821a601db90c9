import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'A Brazilian shipping address.' })
export class AddressInput {
  @Field({ description: 'Who receives the parcel, 1 to 100 characters.' })
  recipient: string;

  @Field({ description: 'Street (logradouro), 1 to 200 characters.' })
  street: string;

  @Field({ description: 'House number, or "s/n" when there is none. Up to 20 characters.' })
  number: string;

  @Field(() => String, { nullable: true, description: 'Apartment, block, reference point. Up to 100 characters.' })
  complement?: string | null;

  @Field({ description: 'District (bairro), 1 to 100 characters.' })
  district: string;

  @Field({ description: 'City, 1 to 100 characters.' })
  city: string;

  @Field({ description: 'State as its two-letter UF code, e.g. "SP".' })
  state: string;

  @Field({ description: 'CEP: 8 digits, with or without the dash ("01310-100").' })
  postalCode: string;

  @Field({ description: 'Contact phone with area code (DDD), e.g. "(11) 98765-4321"; +55 optional.' })
  phone: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True makes this the default shipping address. The first address is always the default.',
  })
  isDefault?: boolean | null;
}
