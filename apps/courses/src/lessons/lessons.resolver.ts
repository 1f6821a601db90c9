import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Role, Roles, type CallerIdentity } from '@mestres/auth';
import { requestLoader } from '@mestres/graphql';
import { CourseModel } from '../courses/course.model';
import { INHERIT_CACHE_HINT } from '../shared/cache-hints';
import { CreateLessonInput, UpdateLessonInput } from './lesson.inputs';
import type { LessonEntity } from './lesson.entity';
import { LessonModel, toLessonModel } from './lesson.model';
import { LessonsService } from './lessons.service';

/** Lesson management: admins, and the instructor of the lesson's course. */
@Resolver(() => LessonModel)
export class LessonsResolver {
  constructor(private readonly lessons: LessonsService) {}

  @Mutation(() => LessonModel, { description: 'Admins, or the instructor of the course: adds a lesson.' })
  @Roles(Role.ADMIN, Role.INSTRUCTOR)
  async createLesson(
    @CurrentUser() caller: CallerIdentity,
    @Args('input', { description: 'The new lesson.' }) input: CreateLessonInput,
  ): Promise<LessonModel> {
    return toLessonModel(await this.lessons.create(caller, input));
  }

  @Mutation(() => LessonModel, { description: 'Admins, or the instructor of the course: changes a lesson.' })
  @Roles(Role.ADMIN, Role.INSTRUCTOR)
  async updateLesson(
    @CurrentUser() caller: CallerIdentity,
    @Args('id', { type: () => ID, description: 'Lesson id.' }) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateLessonInput,
  ): Promise<LessonModel> {
    return toLessonModel(await this.lessons.update(caller, id, input));
  }

  @Mutation(() => LessonModel, { description: 'Admins, or the instructor of the course: withdraws a lesson (no longer needed for completion). Idempotent.' })
  @Roles(Role.ADMIN, Role.INSTRUCTOR)
  async archiveLesson(
    @CurrentUser() caller: CallerIdentity,
    @Args('id', { type: () => ID, description: 'Lesson id.' }) id: string,
  ): Promise<LessonModel> {
    return toLessonModel(await this.lessons.archive(caller, id));
  }
}

@Resolver(() => CourseModel)
export class CourseLessonsResolver {
  constructor(private readonly lessonService: LessonsService) {}

  @ResolveField(() => [LessonModel], { ...INHERIT_CACHE_HINT, description: 'The online lessons of the course, in order. Empty for purely in-person courses.' })
  async lessons(@Parent() course: CourseModel, @Context() context: object): Promise<LessonModel[]> {
    const loader = requestLoader<string, LessonEntity[]>(context, 'courses.lessonsByCourse', (ids) => this.lessonService.forCourses(ids));
    return (await loader.load(course.id)).map(toLessonModel);
  }
}
