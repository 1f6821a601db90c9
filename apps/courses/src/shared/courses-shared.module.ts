import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** Adapters every feature uses (the clock), replaceable in one line in tests. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class CoursesSharedModule {}
