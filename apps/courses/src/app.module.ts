import { DynamicModule, Module } from '@nestjs/common';
import { SubgraphModule } from '@mestres/graphql';
import { ServicePlatformModule } from '@mestres/service';
import type { CoursesConfig } from './config';
import { CoursesModule } from './courses/courses.module';
import { ProductReference } from './courses/product.model';
import { coursesDatabase } from './database';

@Module({})
export class AppModule {
  static forRoot(config: CoursesConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forRoot({ service: 'courses', config, database: coursesDatabase }),
        SubgraphModule.forRoot({ schemaFile: config.GRAPHQL_SCHEMA_FILE, orphanedTypes: [ProductReference] }),
        CoursesModule,
      ],
    };
  }
}
