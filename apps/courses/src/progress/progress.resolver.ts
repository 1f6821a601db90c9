import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Authenticated, CurrentUser, hasRole, Role, type CallerIdentity } from '@mestres/auth';
import { requestLoader, setCacheHint } from '@mestres/graphql';
import { courseLoader } from '../courses/course.loader';
import { CourseModel, toCourseModel } from '../courses/course.model';
import { CoursesService } from '../courses/courses.service';
import { EnrollmentModel } from '../enrollments/enrollment.model';
import { EnrollmentsService } from '../enrollments/enrollments.service';
import { LessonModel, toLessonModel } from '../lessons/lesson.model';
import { canTeach } from '../shared/access';
import { INHERIT_CACHE_HINT, PRIVATE_CACHE_HINT, PUBLIC_CACHE_HINT } from '../shared/cache-hints';
import { userReference, UserReference } from '../shared/user-reference.model';
import type { CertificateEntity } from './certificate.entity';
import { CertificateModel, CourseProgressModel, LessonCompletionModel, toCertificateModel, toProgressModel } from './progress.models';
import { ProgressService } from './progress.service';

const pairKey = (userId: string, courseId: string) => `${userId}/${courseId}`;
const pairOf = (key: string) => {
  const [userId, courseId] = key.split('/');
  return { userId, courseId };
};

@Resolver(() => CertificateModel)
export class ProgressResolver {
  constructor(
    private readonly progress: ProgressService,
    private readonly courses: CoursesService,
  ) {}

  @Mutation(() => LessonCompletionModel, {
    description:
      'Marks a lesson complete for the signed-in student, who needs a confirmed seat in its course (FORBIDDEN otherwise). ' +
      'Completing the last lesson issues the certificate. Idempotent.',
  })
  @Authenticated()
  async completeLesson(
    @CurrentUser() caller: CallerIdentity,
    @Args('lessonId', { type: () => ID, description: 'The lesson finished.' }) lessonId: string,
  ): Promise<LessonCompletionModel> {
    const completion = await this.progress.completeLesson(caller, lessonId);
    return {
      lesson: toLessonModel(completion.lesson),
      progress: toProgressModel(completion.completedLessonIds, completion.totalLessons),
      certificate: completion.certificate ? toCertificateModel(completion.certificate) : null,
    };
  }

  @Query(() => CertificateModel, {
    nullable: true,
    description: 'Public verification of a certificate by its code (case, spaces and hyphens ignored); null when no certificate has it.',
  })
  async certificate(
    @Args('code', { description: 'The code printed on the certificate, e.g. `MZXW-6YTB-OI2D-K7QA`.' }) code: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CertificateModel | null> {
    setCacheHint(info, PUBLIC_CACHE_HINT);
    const certificate = await this.progress.certificateByCode(code);
    return certificate ? toCertificateModel(certificate) : null;
  }

  @ResolveField(() => UserReference, { ...INHERIT_CACHE_HINT, description: 'Who completed the course (their `name` is public).' })
  holder(@Parent() certificate: CertificateModel): UserReference {
    return userReference(certificate.userId);
  }

  @ResolveField(() => CourseModel, { ...INHERIT_CACHE_HINT, description: 'The course completed.' })
  async course(@Parent() certificate: CertificateModel, @Context() context: object): Promise<CourseModel> {
    const course = await courseLoader(context, this.courses).load(certificate.courseId);
    if (!course) throw new Error(`certificate ${certificate.code} points at missing course ${certificate.courseId}`);
    return toCourseModel(course);
  }
}

/** Progress and certificate of an enrollment (private, like the enrollment). */
@Resolver(() => EnrollmentModel)
export class EnrollmentProgressResolver {
  constructor(private readonly progressService: ProgressService) {}

  @ResolveField(() => CourseProgressModel, { description: 'The student’s progress through the course’s lessons.' })
  async progress(@Parent() enrollment: EnrollmentModel, @Context() context: object): Promise<CourseProgressModel> {
    const loader = requestLoader<string, { completedLessonIds: string[]; totalLessons: number }>(context, 'courses.progress', (keys) =>
      this.progressService.progressFor(keys.map(pairOf)),
    );
    const { completedLessonIds, totalLessons } = await loader.load(pairKey(enrollment.userId, enrollment.courseId));
    return toProgressModel(completedLessonIds, totalLessons);
  }

  @ResolveField(() => CertificateModel, { nullable: true, description: 'The certificate, once every lesson is completed.' })
  async certificate(@Parent() enrollment: EnrollmentModel, @Context() context: object): Promise<CertificateModel | null> {
    const loader = requestLoader<string, CertificateEntity | null>(context, 'courses.certificate', (keys) =>
      this.progressService.certificatesFor(keys.map(pairOf)),
    );
    const certificate = await loader.load(pairKey(enrollment.userId, enrollment.courseId));
    return certificate ? toCertificateModel(certificate) : null;
  }
}

/** Lesson content is for the course's students, its instructor and admins. */
@Resolver(() => LessonModel)
export class LessonContentResolver {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly courses: CoursesService,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'The lesson in Markdown. Null unless the caller has a confirmed seat in the course, teaches it, or is an admin.',
  })
  async content(
    @Parent() lesson: LessonModel,
    @CurrentUser() caller: CallerIdentity | null,
    @Context() context: object,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string | null> {
    setCacheHint(info, PRIVATE_CACHE_HINT);
    if (!caller) return null;
    if (hasRole(caller, Role.ADMIN)) return lesson.content;
    const course = await courseLoader(context, this.courses).load(lesson.courseId);
    if (course && canTeach(caller, course)) return lesson.content;
    const enrolled = await requestLoader<string, boolean>(context, 'courses.callerConfirmedIn', (courseIds) =>
      this.enrollments.confirmedIn(caller.userId, courseIds),
    ).load(lesson.courseId);
    return enrolled ? lesson.content : null;
  }
}
