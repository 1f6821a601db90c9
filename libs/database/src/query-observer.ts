import { Logger } from '@nestjs/common';
import type { AfterQueryEvent, EntitySubscriberInterface } from 'typeorm';
import type { DatabaseMetricsSink } from './database.options';

const READ = /^\s*(select|with\s+[\s\S]*?\)\s*select|show|explain)\b/i;

/**
 * Times every query (TypeORM's AfterQuery event carries the execution time),
 * feeds the metrics sink and logs slow ones without their parameters, which may hold
 * personal data.
 */
export class QueryObserver implements EntitySubscriberInterface {
  private readonly logger = new Logger('Database');
  sink?: DatabaseMetricsSink;

  constructor(private readonly slowQueryMs: number) {}

  afterQuery(event: AfterQueryEvent): void {
    if (!event.success || event.executionTime === undefined) return;
    const kind = READ.test(event.query) ? 'read' : 'write';
    this.sink?.observeDbQuery(kind, event.executionTime / 1000);
    if (event.executionTime >= this.slowQueryMs) {
      this.sink?.slowQuery();
      this.logger.warn(`slow query (${event.executionTime} ms): ${event.query.slice(0, 500)}`);
    }
  }
}
