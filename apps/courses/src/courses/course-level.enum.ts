import { registerEnumType } from '@nestjs/graphql';

export enum CourseLevel {
  BEGINNER = 'BEGINNER',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
}

registerEnumType(CourseLevel, {
  name: 'CourseLevel',
  description: 'How much experience a course expects.',
  valuesMap: {
    BEGINNER: { description: 'No experience needed.' },
    INTERMEDIATE: { description: 'For baristas who already pull shots daily.' },
    ADVANCED: { description: 'For professionals (competition, Q-grader preparation).' },
  },
});
