import { Module } from '@nestjs/common';
import { OrderTasksQueue } from './order-tasks.queue';

/** The queue adapter alone, for features that schedule work (the worker lives in TasksModule). */
@Module({ providers: [OrderTasksQueue], exports: [OrderTasksQueue] })
export class TasksQueueModule {}
