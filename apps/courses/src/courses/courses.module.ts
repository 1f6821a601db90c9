import { Module } from '@nestjs/common';
import { CourseAdminResolver } from './course-admin.resolver';
import { CoursesRepository } from './courses.repository';
import { CoursesResolver } from './courses.resolver';
import { CoursesService } from './courses.service';
import { ProductCourseResolver } from './product-course.resolver';

@Module({
  providers: [CoursesRepository, CoursesService, CoursesResolver, ProductCourseResolver, CourseAdminResolver],
  exports: [CoursesService, CoursesRepository],
})
export class CoursesModule {}
