import { registerEnumType } from '@nestjs/graphql';

export enum CoffeeProcess {
  NATURAL = 'NATURAL',
  WASHED = 'WASHED',
  HONEY = 'HONEY',
  PULPED_NATURAL = 'PULPED_NATURAL',
  ANAEROBIC = 'ANAEROBIC',
  WET_HULLED = 'WET_HULLED',
}

registerEnumType(CoffeeProcess, {
  name: 'CoffeeProcess',
  description: 'How the coffee cherry was processed after harvest.',
  valuesMap: {
    NATURAL: { description: 'Natural (dried in the cherry).' },
    WASHED: { description: 'Lavado (fully washed).' },
    HONEY: { description: 'Honey (pulped, dried with part of the mucilage).' },
    PULPED_NATURAL: { description: 'Cereja descascado (pulped natural).' },
    ANAEROBIC: { description: 'Fermentação anaeróbica.' },
    WET_HULLED: { description: 'Wet hulled (giling basah).' },
  },
});
