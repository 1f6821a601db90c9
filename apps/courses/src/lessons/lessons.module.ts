import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { LessonsRepository } from './lessons.repository';
import { CourseLessonsResolver, LessonsResolver } from './lessons.resolver';
import { LessonsService } from './lessons.service';

@Module({
  imports: [CoursesModule],
  providers: [LessonsRepository, LessonsService, LessonsResolver, CourseLessonsResolver],
  exports: [LessonsService],
})
export class LessonsModule {}
