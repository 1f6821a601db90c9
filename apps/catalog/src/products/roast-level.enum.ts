import { registerEnumType } from '@nestjs/graphql';

export enum RoastLevel {
  LIGHT = 'LIGHT',
  MEDIUM_LIGHT = 'MEDIUM_LIGHT',
  MEDIUM = 'MEDIUM',
  MEDIUM_DARK = 'MEDIUM_DARK',
  DARK = 'DARK',
}

registerEnumType(RoastLevel, {
  name: 'RoastLevel',
  description: 'How far the beans were roasted.',
  valuesMap: {
    LIGHT: { description: 'Torra clara.' },
    MEDIUM_LIGHT: { description: 'Torra média-clara.' },
    MEDIUM: { description: 'Torra média.' },
    MEDIUM_DARK: { description: 'Torra média-escura.' },
    DARK: { description: 'Torra escura.' },
  },
});
