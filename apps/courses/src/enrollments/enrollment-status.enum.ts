import { registerEnumType } from '@nestjs/graphql';

export enum EnrollmentStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(EnrollmentStatus, {
  name: 'EnrollmentStatus',
  description: 'Where an enrollment stands.',
  valuesMap: {
    CONFIRMED: { description: 'The student has a seat in the class.' },
    WAITLISTED: { description: 'The class was full; the student gets the next seat that frees up, in order of arrival.' },
    CANCELLED: { description: 'The order was cancelled or refunded; the seat went back to the class.' },
  },
});
