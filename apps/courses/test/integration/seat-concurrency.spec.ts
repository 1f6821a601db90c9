import { SeatAllocator } from '../../src/enrollments/seat-allocator.service';
import { aCourse } from '../builders/course.builder';
import { anOrderPaid } from '../builders/order-event.builder';
import { aSession, type StoredSession } from '../builders/session.builder';
import { startCoursesApp, type CoursesTestApp } from '../support/courses-test-app';

/**
 * Runs `work` for every item with `limit` calls in flight at once (more than the pool has
 * connections, so transactions also queue for one). All 200 are never started together: the
 * pool's 3 s acquire timeout would then measure this machine's fsync speed, not the seat rules.
 */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return results;
}

/** Like the catalog's stock test: many payments at once for a class with few seats. */
describe(`${SeatAllocator.name} under concurrency`, () => {
  let t: CoursesTestApp;
  let seats: SeatAllocator;

  beforeAll(async () => {
    t = await startCoursesApp({ DATABASE_POOL_SIZE: '25' });
    seats = t.app.get(SeatAllocator);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const db = () => t.db.sources.primary;
  const rowsOf = (session: StoredSession): Promise<Array<{ order_id: string; status: string; waitlist_seq: string | null }>> =>
    db().query(`SELECT order_id, status, waitlist_seq FROM enrollment WHERE session_id = $1`, [session.id]);
  const confirmedSeats = async (session: StoredSession) =>
    Number((await db().query(`SELECT coalesce(sum(seats), 0) AS n FROM enrollment WHERE session_id = $1 AND status = 'CONFIRMED'`, [session.id]))[0].n);
  const seatsTaken = async (session: StoredSession) => Number((await db().query(`SELECT seats_taken FROM course_session WHERE id = $1`, [session.id]))[0].seats_taken);

  it('confirms exactly capacity students out of 200 concurrent payments and waitlists the rest in one strict order', async () => {
    const course = await aCourse().insert(db());
    const session = await aSession(course.id).withCapacity(7).insert(db());
    const orders = Array.from({ length: 200 }, () => anOrderPaid().withSeats(session.seatSku).build());

    const results = await inParallel(orders, 50, (order) => seats.enrollPaidOrder(order));

    const rows = await rowsOf(session);
    expect(rows).toHaveLength(200);
    expect(rows.filter((row) => row.status === 'CONFIRMED')).toHaveLength(7);
    expect(await seatsTaken(session)).toBe(7);
    expect(await confirmedSeats(session)).toBe(7);
    // Each waitlisted student has a distinct place, 1 to 193, as the service reports it.
    const positions = results.flat().filter((enrollment) => enrollment.status === 'WAITLISTED').map((enrollment) => enrollment.waitlistPosition);
    expect([...positions].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 193 }, (_, index) => index + 1));
    const events = (await t.published()).filter((event) => event.payload.sessionId === session.id);
    expect(events.filter((event) => event.subject === 'courses.enrollment.confirmed.v1')).toHaveLength(7);
    expect(events.filter((event) => event.subject === 'courses.enrollment.waitlisted.v1')).toHaveLength(193);
  });

  it('hands freed seats to the waitlist in its order while refunds and new payments race, never exceeding capacity', async () => {
    const course = await aCourse().insert(db());
    const session = await aSession(course.id).withCapacity(5).insert(db());
    const initial = Array.from({ length: 25 }, () => anOrderPaid().withSeats(session.seatSku).build());
    for (const order of initial) await seats.enrollPaidOrder(order);
    const waitlistBefore = (await rowsOf(session))
      .filter((row) => row.status === 'WAITLISTED')
      .sort((a, b) => Number(a.waitlist_seq) - Number(b.waitlist_seq))
      .map((row) => row.order_id);
    const confirmed = initial.slice(0, 5);

    // Three confirmed students refund while 30 more pay and the same refunds are redelivered.
    const latecomers = Array.from({ length: 30 }, () => anOrderPaid().withSeats(session.seatSku).build());
    await Promise.all([
      ...confirmed.slice(0, 3).map((order) => seats.cancelOrder(order.orderId, 'ORDER_REFUNDED')),
      ...confirmed.slice(0, 3).map((order) => seats.cancelOrder(order.orderId, 'ORDER_REFUNDED')),
      ...latecomers.map((order) => seats.enrollPaidOrder(order)),
    ]);

    const rows = await rowsOf(session);
    const nowConfirmed = rows.filter((row) => row.status === 'CONFIRMED').map((row) => row.order_id);
    expect(nowConfirmed).toHaveLength(5);
    expect(await seatsTaken(session)).toBe(5);
    expect(await confirmedSeats(session)).toBe(5);
    // The freed seats went to the three who waited longest, not to anyone who paid later.
    expect(new Set(nowConfirmed)).toEqual(new Set([...confirmed.slice(3).map((order) => order.orderId), ...waitlistBefore.slice(0, 3)]));
    expect(rows.filter((row) => row.status === 'CANCELLED')).toHaveLength(3);
    const cancellations = (await t.published('courses.enrollment.cancelled.v1')).filter((event) => event.payload.sessionId === session.id);
    expect(cancellations).toHaveLength(3);
  });
});
