import { registerEnumType } from '@nestjs/graphql';

export enum ProductSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NAME = 'NAME',
  SCORE = 'SCORE',
}

registerEnumType(ProductSort, {
  name: 'ProductSort',
  description: 'Order of a product list. Every order is stable: ties are broken by product id.',
  valuesMap: {
    RELEVANCE: { description: 'Best match first; only with a search query (the default of `search`).' },
    NEWEST: { description: 'Most recently added first (the default of `products`).' },
    PRICE_ASC: { description: 'Cheapest starting price first.' },
    PRICE_DESC: { description: 'Most expensive starting price first.' },
    NAME: { description: 'By name, A to Z, ignoring accents and case.' },
    SCORE: { description: 'Highest SCA cupping score first; products without a score last.' },
  },
});
