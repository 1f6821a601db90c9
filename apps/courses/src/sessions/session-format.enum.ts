import { registerEnumType } from '@nestjs/graphql';

export enum SessionFormat {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
}

registerEnumType(SessionFormat, {
  name: 'SessionFormat',
  description: 'Where a class happens.',
  valuesMap: {
    IN_PERSON: { description: 'At a Mestres Café school; `location` says where.' },
    ONLINE: { description: 'Live online, with the lessons of the course.' },
  },
});
