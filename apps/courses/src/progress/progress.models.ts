import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LessonModel } from '../lessons/lesson.model';
import type { CertificateEntity } from './certificate.entity';

@ObjectType('CourseProgress', { description: 'How far a student is through a course’s lessons. Private.' })
export class CourseProgressModel {
  @Field(() => Int, { description: 'Lessons completed (of those still in the course).' })
  completedLessons: number;

  @Field(() => Int, { description: 'Lessons in the course.' })
  totalLessons: number;

  @Field(() => [ID], { description: 'Ids of the completed lessons, in course order.' })
  completedLessonIds: string[];

  @Field({ description: 'True once every lesson is completed (a certificate was issued).' })
  completed: boolean;
}

@ObjectType('Certificate', { description: 'Proof that a student completed a course. Anyone holding the code can verify it.' })
export class CertificateModel {
  @Field({ description: 'Verification code: 16 characters, A-Z and 2-7. Printed on the certificate, often in groups of four.' })
  code: string;

  @Field({ description: 'When it was issued.' })
  issuedAt: Date;

  userId: string;
  courseId: string;
}

export function toCertificateModel(entity: CertificateEntity): CertificateModel {
  return { code: entity.code, issuedAt: entity.issuedAt, userId: entity.userId, courseId: entity.courseId };
}

@ObjectType('LessonCompletion', { description: 'The result of completing a lesson.' })
export class LessonCompletionModel {
  @Field(() => LessonModel, { description: 'The lesson completed.' })
  lesson: LessonModel;

  @Field(() => CourseProgressModel, { description: 'The student’s progress in the course, this lesson included.' })
  progress: CourseProgressModel;

  @Field(() => CertificateModel, { nullable: true, description: 'The certificate, once every lesson is completed; null before.' })
  certificate: CertificateModel | null;
}

export function toProgressModel(completedLessonIds: string[], totalLessons: number): CourseProgressModel {
  return {
    completedLessons: completedLessonIds.length,
    totalLessons,
    completedLessonIds,
    completed: totalLessons > 0 && completedLessonIds.length >= totalLessons,
  };
}
