import { registerEnumType } from '@nestjs/graphql';

export enum ProductStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(ProductStatus, {
  name: 'ProductStatus',
  description: 'Lifecycle of a product.',
  valuesMap: {
    DRAFT: { description: 'Being prepared; visible to admins only.' },
    ACTIVE: { description: 'Listed and for sale.' },
    ARCHIVED: { description: 'No longer sold; its page still resolves so old links and orders keep working.' },
  },
});
