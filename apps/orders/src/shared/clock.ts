import { Injectable } from '@nestjs/common';

/** The current time, behind an adapter so tests can move it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
