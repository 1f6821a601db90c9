import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { uniqueSuffix } from '@mestres/testing';

const DAY = 86_400_000;

export interface StoredSession {
  id: string;
  courseId: string;
  seatSku: string;
  capacity: number;
  startsAt: Date;
}

/** `await aSession(course.id).withCapacity(3).insert(db)` (in person, starting in a week by default). */
export function aSession(courseId: string) {
  const session = {
    id: randomUUID(),
    seatSku: `CUR-TESTE-${uniqueSuffix().toUpperCase()}`,
    startsAt: new Date(Date.now() + 7 * DAY),
    hours: 4,
    format: 'IN_PERSON',
    location: 'Escola Mestres Café, sala 1' as string | null,
    capacity: 10,
    archived: false,
  };
  const builder = {
    withCapacity(capacity: number) {
      session.capacity = capacity;
      return builder;
    },
    withSeatSku(seatSku: string) {
      session.seatSku = seatSku;
      return builder;
    },
    startingIn(days: number) {
      session.startsAt = new Date(Date.now() + days * DAY);
      return builder;
    },
    online() {
      session.format = 'ONLINE';
      session.location = null;
      return builder;
    },
    archived() {
      session.archived = true;
      return builder;
    },
    async insert(db: DataSource): Promise<StoredSession> {
      await db.query(
        `INSERT INTO course_session (id, course_id, seat_sku, starts_at, ends_at, format, location, capacity, archived_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          session.id,
          courseId,
          session.seatSku,
          session.startsAt,
          new Date(session.startsAt.getTime() + session.hours * 3_600_000),
          session.format,
          session.location,
          session.capacity,
          session.archived ? new Date() : null,
        ],
      );
      return { id: session.id, courseId, seatSku: session.seatSku, capacity: session.capacity, startsAt: session.startsAt };
    },
  };
  return builder;
}
