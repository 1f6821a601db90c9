import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { LessonsModule } from '../lessons/lessons.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CertificateCodes } from './certificate-codes';
import { CertificateIssuer } from './certificate-issuer.service';
import { ProgressRepository } from './progress.repository';
import { EnrollmentProgressResolver, LessonContentResolver, ProgressResolver } from './progress.resolver';
import { ProgressService } from './progress.service';

@Module({
  imports: [CoursesModule, SessionsModule, LessonsModule, EnrollmentsModule],
  providers: [CertificateCodes, ProgressRepository, CertificateIssuer, ProgressService, ProgressResolver, EnrollmentProgressResolver, LessonContentResolver],
})
export class ProgressModule {}
