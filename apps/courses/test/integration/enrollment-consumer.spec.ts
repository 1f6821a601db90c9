import { randomUUID } from 'node:crypto';
import { OrderEventsHandler } from '../../src/enrollments/order-events.handler';
import { aCourse } from '../builders/course.builder';
import { anOrderPaid, cancelled, refunded } from '../builders/order-event.builder';
import { aSession, type StoredSession } from '../builders/session.builder';
import { eventually, startCoursesApp, type CoursesTestApp } from '../support/courses-test-app';

interface EnrollmentRow {
  order_id: string;
  user_id: string;
  status: string;
  seats: number;
}

describe(OrderEventsHandler.name, () => {
  let t: CoursesTestApp;

  beforeAll(async () => {
    t = await startCoursesApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const db = () => t.db.sources.primary;
  const enrollmentsOf = (session: StoredSession): Promise<EnrollmentRow[]> =>
    db().query(`SELECT order_id, user_id, status, seats FROM enrollment WHERE session_id = $1 ORDER BY created_at, id`, [session.id]);
  const seatsTaken = async (session: StoredSession) => Number((await db().query(`SELECT seats_taken FROM course_session WHERE id = $1`, [session.id]))[0].seats_taken);
  const processedEvent = (eventId: string) => eventually(async () => (await t.processed()).includes(eventId), `event ${eventId} processed`);

  async function aClass(capacity: number): Promise<StoredSession> {
    const course = await aCourse().withTitle('Latte Art').insert(db());
    return aSession(course.id).withCapacity(capacity).insert(db());
  }

  it('confirms a seat when an order with that seat is paid, and announces it with the class facts', async () => {
    const session = await aClass(5);
    const order = anOrderPaid().withSeats(session.seatSku, 2).withCoffee().build();
    const envelope = await t.publish('orders.order.paid.v1', order);
    await processedEvent(envelope.eventId);

    expect(await enrollmentsOf(session)).toEqual([{ order_id: order.orderId, user_id: order.userId, status: 'CONFIRMED', seats: 2 }]);
    expect(await seatsTaken(session)).toBe(2);
    const events = (await t.published('courses.enrollment.confirmed.v1')).filter((event) => event.payload.orderId === order.orderId);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      userId: order.userId,
      sessionId: session.id,
      courseTitle: 'Latte Art',
      sessionStartsAt: session.startsAt.toISOString(),
      seats: 2,
      promotedFromWaitlist: false,
    });
  });

  it('enrolls once when the same event is delivered twice or the order is announced again under a new event id', async () => {
    const session = await aClass(5);
    const order = anOrderPaid().withSeats(session.seatSku).build();
    const envelope = await t.publish('orders.order.paid.v1', order);
    // A redelivered copy that JetStream does not deduplicate (another message id): the inbox must.
    await t.publish('orders.order.paid.v1', order, { envelope, msgId: randomUUID() });
    // The producer announcing the same order twice (a new event id): the order line key must.
    const again = await t.publish('orders.order.paid.v1', order);
    await processedEvent(again.eventId);

    expect(await enrollmentsOf(session)).toHaveLength(1);
    expect(await seatsTaken(session)).toBe(1);
    expect((await t.published()).filter((event) => event.payload.orderId === order.orderId)).toHaveLength(1);
    expect((await t.processed()).filter((id) => id === envelope.eventId)).toHaveLength(1);
  });

  it('ignores paid orders without course seats', async () => {
    const order = anOrderPaid().withCoffee().build();
    const envelope = await t.publish('orders.order.paid.v1', order);
    await processedEvent(envelope.eventId);
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM enrollment WHERE order_id = $1`, [order.orderId]);
    expect(n).toBe(0);
  });

  it('waitlists when the class is full and gives a refunded seat to the first in line', async () => {
    const session = await aClass(1);
    const first = anOrderPaid().withSeats(session.seatSku).build();
    const second = anOrderPaid().withSeats(session.seatSku).build();
    const third = anOrderPaid().withSeats(session.seatSku).build();
    for (const order of [first, second, third]) await t.publish('orders.order.paid.v1', order);
    const refund = await t.publish('orders.order.refunded.v1', refunded(first));
    await processedEvent(refund.eventId);

    expect((await enrollmentsOf(session)).map((row) => [row.order_id, row.status])).toEqual([
      [first.orderId, 'CANCELLED'],
      [second.orderId, 'CONFIRMED'],
      [third.orderId, 'WAITLISTED'],
    ]);
    expect(await seatsTaken(session)).toBe(1);
    const waitlisted = await t.published('courses.enrollment.waitlisted.v1');
    expect(waitlisted.filter((event) => event.payload.sessionId === session.id).map((event) => [event.payload.orderId, event.payload.waitlistPosition])).toEqual([
      [second.orderId, 1],
      [third.orderId, 2],
    ]);
    const [cancellation] = (await t.published('courses.enrollment.cancelled.v1')).filter((event) => event.payload.orderId === first.orderId);
    expect(cancellation.payload).toMatchObject({ previousStatus: 'CONFIRMED', reason: 'ORDER_REFUNDED', userId: first.userId });
    const promoted = (await t.published('courses.enrollment.confirmed.v1')).filter((event) => event.payload.orderId === second.orderId);
    expect(promoted.map((event) => event.payload.promotedFromWaitlist)).toEqual([true]);
  });

  it('cancels the enrollment of a cancelled order and keeps seats on a partial refund', async () => {
    const session = await aClass(3);
    const kept = anOrderPaid().withSeats(session.seatSku).build();
    const dropped = anOrderPaid().withSeats(session.seatSku).build();
    await t.publish('orders.order.paid.v1', kept);
    await t.publish('orders.order.paid.v1', dropped);
    await t.publish('orders.order.refunded.v1', refunded(kept, 1_000));
    const cancellation = await t.publish('orders.order.cancelled.v1', cancelled(dropped));
    await processedEvent(cancellation.eventId);

    expect((await enrollmentsOf(session)).map((row) => [row.order_id, row.status])).toEqual([
      [kept.orderId, 'CONFIRMED'],
      [dropped.orderId, 'CANCELLED'],
    ]);
    expect(await seatsTaken(session)).toBe(1);
  });

  it('gives no seat to an order paid after it was cancelled', async () => {
    const session = await aClass(3);
    const order = anOrderPaid().withSeats(session.seatSku).build();
    await t.publish('orders.order.cancelled.v1', cancelled(order));
    const paid = await t.publish('orders.order.paid.v1', order);
    await processedEvent(paid.eventId);
    expect(await enrollmentsOf(session)).toEqual([]);
    expect(await seatsTaken(session)).toBe(0);
  });
});
