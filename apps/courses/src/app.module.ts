import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@mestres/auth';
import { SubgraphModule } from '@mestres/graphql';
import { ServicePlatformModule } from '@mestres/service';
import type { CoursesConfig } from './config';
import { CoursesModule } from './courses/courses.module';
import { ProductReference } from './courses/product.model';
import { coursesDatabase } from './database';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { LessonsModule } from './lessons/lessons.module';
import { ProgressModule } from './progress/progress.module';
import { SessionsModule } from './sessions/sessions.module';
import { CoursesSharedModule } from './shared/courses-shared.module';
import { UserReference } from './shared/user-reference.model';

/** The courses subgraph: courses, classes and seats, enrollments from paid orders, lessons and certificates. */
@Module({})
export class AppModule {
  static forRoot(config: CoursesConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forRoot({ service: 'courses', config, database: coursesDatabase, messaging: {} }),
        SubgraphModule.forRoot({ schemaFile: config.GRAPHQL_SCHEMA_FILE, orphanedTypes: [ProductReference, UserReference] }),
        AuthModule.forRoot({ internalSecret: config.INTERNAL_AUTH_SECRET }),
        CoursesSharedModule,
        CoursesModule,
        SessionsModule,
        LessonsModule,
        EnrollmentsModule,
        ProgressModule,
      ],
    };
  }
}
