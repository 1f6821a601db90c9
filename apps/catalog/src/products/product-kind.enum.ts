import { registerEnumType } from '@nestjs/graphql';

export enum ProductKind {
  COFFEE = 'COFFEE',
  EQUIPMENT = 'EQUIPMENT',
  COURSE_SEAT = 'COURSE_SEAT',
}

registerEnumType(ProductKind, {
  name: 'ProductKind',
  description: 'What a product is sold as.',
  valuesMap: {
    COFFEE: { description: 'Coffee beans or ground coffee.' },
    EQUIPMENT: { description: 'Grinders, brewers, kettles, filters, scales and accessories.' },
    COURSE_SEAT: { description: 'A seat in a barista course; the course itself comes from the courses subgraph.' },
  },
});
