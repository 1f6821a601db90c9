import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { SessionsRepository } from './sessions.repository';
import { CourseSessionsResolver, SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';

@Module({
  imports: [CoursesModule],
  providers: [SessionsRepository, SessionsService, SessionsResolver, CourseSessionsResolver],
  exports: [SessionsService, SessionsRepository],
})
export class SessionsModule {}
