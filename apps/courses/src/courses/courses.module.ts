import { Module } from '@nestjs/common';
import { CoursesRepository } from './courses.repository';
import { CoursesResolver, ProductCourseResolver } from './courses.resolver';
import { CoursesService } from './courses.service';

@Module({ providers: [CoursesRepository, CoursesService, CoursesResolver, ProductCourseResolver], exports: [CoursesService] })
export class CoursesModule {}
