import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '@mestres/auth';
import { CreateCourseInput, UpdateCourseInput } from './course.inputs';
import { CourseModel, toCourseModel } from './course.model';
import { CoursesService } from './courses.service';

/** Course management: admins only. */
@Resolver(() => CourseModel)
export class CourseAdminResolver {
  constructor(private readonly courses: CoursesService) {}

  @Mutation(() => CourseModel, { description: 'Admin only: adds a course. Add classes with `createSession` and lessons with `createLesson`.' })
  @Roles(Role.ADMIN)
  async createCourse(@Args('input', { description: 'The new course.' }) input: CreateCourseInput): Promise<CourseModel> {
    return toCourseModel(await this.courses.create(input));
  }

  @Mutation(() => CourseModel, { description: 'Admin only: changes a course.' })
  @Roles(Role.ADMIN)
  async updateCourse(
    @Args('id', { type: () => ID, description: 'Course id.' }) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateCourseInput,
  ): Promise<CourseModel> {
    return toCourseModel(await this.courses.update(id, input));
  }

  @Mutation(() => CourseModel, { description: 'Admin only: stops offering a course. Its page, enrollments and certificates remain. Idempotent.' })
  @Roles(Role.ADMIN)
  async archiveCourse(@Args('id', { type: () => ID, description: 'Course id.' }) id: string): Promise<CourseModel> {
    return toCourseModel(await this.courses.archive(id));
  }
}
