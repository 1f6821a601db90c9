import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { SessionsModule } from '../sessions/sessions.module';
import { EnrollmentsRepository } from './enrollments.repository';
import { EnrollmentsResolver, SessionEnrollmentsResolver, UserEnrollmentsResolver } from './enrollments.resolver';
import { EnrollmentsService } from './enrollments.service';
import { OrderEventsHandler } from './order-events.handler';
import { SeatAllocator } from './seat-allocator.service';
import { SessionAdminResolver } from './session-admin.resolver';
import { SessionAdminService } from './session-admin.service';

@Module({
  imports: [CoursesModule, SessionsModule],
  providers: [
    EnrollmentsRepository,
    EnrollmentsService,
    SeatAllocator,
    OrderEventsHandler,
    SessionAdminService,
    EnrollmentsResolver,
    UserEnrollmentsResolver,
    SessionEnrollmentsResolver,
    SessionAdminResolver,
  ],
  exports: [EnrollmentsService, EnrollmentsRepository, SeatAllocator],
})
export class EnrollmentsModule {}
