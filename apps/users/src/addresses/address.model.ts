import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AddressEntity } from './address.entity';

@ObjectType('Address', { description: 'A shipping address of a user. Visible to its owner and to admins.' })
export class Address {
  @Field(() => ID, { description: 'Address id.' })
  id: string;

  @Field({ description: 'Who receives the parcel.' })
  recipient: string;

  @Field({ description: 'Street (logradouro).' })
  street: string;

  @Field({ description: 'House number or "s/n".' })
  number: string;

  @Field(() => String, { nullable: true, description: 'Apartment, block, reference point.' })
  complement: string | null;

  @Field({ description: 'District (bairro).' })
  district: string;

  @Field({ description: 'City.' })
  city: string;

  @Field({ description: 'Two-letter state code (UF), e.g. "SP".' })
  state: string;

  @Field({ description: 'CEP as 8 digits, e.g. "01310100".' })
  postalCode: string;

  @Field({ description: 'Contact phone in E.164, e.g. "+5511987654321".' })
  phone: string;

  @Field({ description: 'True for the default shipping address; a user with addresses has exactly one.' })
  isDefault: boolean;
}

export function toAddressModel(entity: AddressEntity): Address {
  const address = new Address();
  address.id = entity.id;
  address.recipient = entity.recipient;
  address.street = entity.street;
  address.number = entity.number;
  address.complement = entity.complement;
  address.district = entity.district;
  address.city = entity.city;
  address.state = entity.state;
  address.postalCode = entity.postalCode;
  address.phone = entity.phone;
  address.isDefault = entity.isDefault;
  return address;
}
