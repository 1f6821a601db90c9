import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { MessagingNames } from '@mestres/messaging';
import { uniqueSuffix } from '@mestres/testing';
import { seedCatalog } from '../../apps/catalog/src/seed/seed-catalog';
import { ENROLLMENT_CONSUMER } from '../../apps/courses/src/enrollments/order-events.handler';
import { seedCourses } from '../../apps/courses/src/seed/seed-courses';
import { DEMO_PASSWORD, seedUsers } from '../../apps/users/src/seed/seed-users';
import { startMesh, type Mesh } from './support/mesh';

// Effects of events (enrollments, e-mails) are polled for this long: generous, because a
// loaded machine runs six services, Postgres, Redis and NATS on two cores.
const EVENTUALLY_MS = 30_000;
const SUCCEEDING_CARD = '4242424242424242';
const COURSE_SLUG = 'latte-art';
const COURSE_TITLE = 'Latte Art';
const ADMIN_EMAIL = 'admin@mestres.cafe';

interface Customer {
  id: string;
  email: string;
  accessToken: string;
}

interface Enrollment {
  id: string;
  status: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';
  seats: number;
  waitlistPosition: number | null;
  orderId: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  course: { slug: string; title: string };
  session: { id: string };
}

interface PaidOrder {
  id: string;
  status: string;
  paymentStatus: string;
  totalCents: number;
}

const MY_ENROLLMENTS = /* GraphQL */ `
  query MyEnrollments {
    myEnrollments {
      id status seats waitlistPosition orderId confirmedAt cancelledAt
      course { slug title }
      session { id }
    }
  }
`;

// The roster is private, so the gateway never serves this response from its cache: the seat
// counts are read fresh (public reads of them may be a few seconds old by design).
const SESSION_SEATS = /* GraphQL */ `
  query SessionSeats($id: ID!) {
    session(id: $id) {
      id capacity seatsTaken seatsAvailable waitlistLength
      roster { status waitlistPosition student { id } }
    }
  }
`;

interface SessionSeats {
  capacity: number;
  seatsTaken: number;
  seatsAvailable: number;
  waitlistLength: number;
  roster: Array<{ status: string; waitlistPosition: number | null; student: { id: string } }>;
}

/** Polls `read` until `done` holds for its value; fails with the last value seen. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + EVENTUALLY_MS;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const error = lastError ? `, last error ${String(lastError)}` : '';
      throw new Error(`${what}: not within ${EVENTUALLY_MS} ms; last seen ${JSON.stringify(last)}${error}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('Course seat purchase through the gateway', () => {
  let mesh: Mesh;
  let adminToken: string;
  let sessionId: string;
  let seatSku: string;
  let alice: Customer;
  let bruno: Customer;
  let aliceOrder: PaidOrder;
  let brunoOrder: PaidOrder;

  const enrollmentsOf = (customer: Customer) =>
    mesh.graphql<{ myEnrollments: Enrollment[] }>(MY_ENROLLMENTS, {}, customer.accessToken).then((data) => data.myEnrollments);
  const seats = () => mesh.graphql<{ session: SessionSeats }>(SESSION_SEATS, { id: sessionId }, adminToken).then((data) => data.session);
  const emailTo = (customer: Customer, subject: string) =>
    mesh.smtp.waitFor((email) => email.envelope.to.includes(customer.email) && email.subject === subject, EVENTUALLY_MS);

  async function register(name: string): Promise<Customer> {
    const email = `${name.toLowerCase()}.${uniqueSuffix()}@example.com.br`;
    const data = await mesh.graphql<{ register: { accessToken: string; user: { id: string } } }>(
      /* GraphQL */ `
        mutation Register($input: RegisterInput!) {
          register(input: $input) { accessToken user { id } }
        }
      `,
      { input: { email, password: 'Torra-Media-2026!', name: `${name} Souza` } },
    );
    return { id: data.register.user.id, email, accessToken: data.register.accessToken };
  }

  /** What a storefront does: add the seat, show the cart (its prices), pay with a card. */
  async function buySeat(customer: Customer): Promise<PaidOrder> {
    await mesh.graphql(
      /* GraphQL */ `
        mutation AddSeat($input: AddToCartInput!) { addToCart(input: $input) { id } }
      `,
      { input: { sku: seatSku, quantity: 1 } },
      customer.accessToken,
    );
    const { cart } = await mesh.graphql<{ cart: { lines: Array<{ sku: string; unitPriceCents: number; available: boolean }> } }>(
      /* GraphQL */ `
        query Cart { cart { lines { sku unitPriceCents available } } }
      `,
      {},
      customer.accessToken,
    );
    expect(cart.lines).toEqual([expect.objectContaining({ sku: seatSku, available: true })]);
    const { checkout } = await mesh.graphql<{ checkout: PaidOrder & { __typename: string; code?: string } }>(
      /* GraphQL */ `
        mutation Checkout($input: CheckoutInput!) {
          checkout(input: $input) {
            __typename
            ... on Order { id status paymentStatus totalCents }
            ... on ErrorResult { code message }
          }
        }
      `,
      { input: { idempotencyKey: randomUUID(), paymentToken: SUCCEEDING_CARD } },
      customer.accessToken,
    );
    expect(checkout).toMatchObject({ __typename: 'Order', status: 'PAID', paymentStatus: 'SUCCEEDED' });
    return checkout;
  }

  beforeAll(async () => {
    mesh = await startMesh({
      async seed(db, { usersEnv }) {
        await seedCatalog(db.catalog.tx);
        await seedCourses(db.courses.tx, { instructorId: null });
        await seedUsers({ env: { ...usersEnv, DATABASE_SLOW_QUERY_MS: '10000' } });
      },
    });

    const { login } = await mesh.graphql<{ login: { accessToken: string } }>(
      /* GraphQL */ `
        mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }
      `,
      { input: { email: ADMIN_EMAIL, password: DEMO_PASSWORD } },
    );
    adminToken = login.accessToken;

    const { course } = await mesh.graphql<{ course: { title: string; sessions: Array<{ id: string; seatSku: string }> } }>(
      /* GraphQL */ `
        query Course($slug: String!) { course(slug: $slug) { title sessions { id seatSku } } }
      `,
      { slug: COURSE_SLUG },
    );
    expect(course.title).toBe(COURSE_TITLE);
    const session = course.sessions.find((candidate) => candidate.seatSku.endsWith('-2027-03-N'));
    if (!session) throw new Error(`no 2027-03-N class of ${COURSE_SLUG}: ${JSON.stringify(course.sessions)}`);
    ({ id: sessionId, seatSku } = session);

    // One seat, so the second buyer waits for the first one's seat.
    const { updateSession } = await mesh.graphql<{ updateSession: { capacity: number } }>(
      /* GraphQL */ `
        mutation OneSeat($id: ID!) { updateSession(id: $id, input: { capacity: 1 }) { capacity } }
      `,
      { id: sessionId },
      adminToken,
    );
    expect(updateSession.capacity).toBe(1);

    [alice, bruno] = [await register('Alice'), await register('Bruno')];
  }, 240_000);

  afterAll(async () => {
    await mesh?.close();
  }, 60_000);

  it('enrolls a customer once their course seat is paid, e-mails them and lists the seat in myEnrollments', async () => {
    aliceOrder = await buySeat(alice);

    const [enrollment] = await eventually(
      () => enrollmentsOf(alice),
      (list) => list.length > 0,
      "Alice's enrollment",
    );
    expect(enrollment).toMatchObject({
      status: 'CONFIRMED',
      seats: 1,
      waitlistPosition: null,
      orderId: aliceOrder.id,
      course: { slug: COURSE_SLUG, title: COURSE_TITLE },
      session: { id: sessionId },
    });
    expect(enrollment.confirmedAt).not.toBeNull();

    const email = await emailTo(alice, `Matrícula confirmada: ${COURSE_TITLE}`);
    expect(email.to).toEqual([alice.email]);
    expect(email.text).toContain('Olá, Alice!');
    expect(email.text).toContain(`Sua matrícula no curso ${COURSE_TITLE} está confirmada.`);
    expect(await seats()).toMatchObject({
      capacity: 1,
      seatsTaken: 1,
      seatsAvailable: 0,
      waitlistLength: 0,
      roster: [{ status: 'CONFIRMED', waitlistPosition: null, student: { id: alice.id } }],
    });
  });

  it('enrolls once and e-mails once when the OrderPaid event is delivered again', async () => {
    // What an at-least-once relay or a JetStream redelivery does: the same envelope (same
    // event id) arrives a second time, under a new message id so the stream keeps it.
    const [row] = await mesh.db.orders.sources.primary.query(
      `SELECT envelope::text AS envelope FROM outbox WHERE subject = 'orders.order.paid.v1' AND envelope->'payload'->>'orderId' = $1`,
      [aliceOrder.id],
    );
    expect(row).toBeDefined();
    const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    try {
      const subject = new MessagingNames(mesh.natsPrefix).eventSubject('orders.order.paid.v1');
      const { seq } = await jetstream(nc).publish(subject, row.envelope, { msgID: `redelivery-${randomUUID()}` });

      await mesh.settled();

      // Both consumers of OrderPaid got the copy and acknowledged it (it was not lost on the way).
      const jsm = await jetstreamManager(nc);
      for (const consumer of [ENROLLMENT_CONSUMER, 'jobs-orders']) {
        const info = await jsm.consumers.info(new MessagingNames(mesh.natsPrefix).eventStream('orders'), consumer);
        expect(info.ack_floor.stream_seq).toBeGreaterThanOrEqual(seq);
      }
    } finally {
      await nc.close();
    }

    const enrollments = await enrollmentsOf(alice);
    expect(enrollments.map((enrollment) => [enrollment.orderId, enrollment.status])).toEqual([[aliceOrder.id, 'CONFIRMED']]);
    const subjects = mesh.smtp.messagesTo(alice.email).map((email) => email.subject);
    expect(subjects.filter((subject) => subject === `Matrícula confirmada: ${COURSE_TITLE}`)).toHaveLength(1);
    expect(subjects.filter((subject) => subject.startsWith('Pagamento confirmado'))).toHaveLength(1);
    expect(await seats()).toMatchObject({ seatsTaken: 1, waitlistLength: 0, roster: [{ student: { id: alice.id } }] });
  });

  it('puts the next paying customer on the waitlist when the class is full', async () => {
    brunoOrder = await buySeat(bruno);

    const [enrollment] = await eventually(
      () => enrollmentsOf(bruno),
      (list) => list.length > 0,
      "Bruno's enrollment",
    );
    expect(enrollment).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 1,
      orderId: brunoOrder.id,
      session: { id: sessionId },
    });
    expect(enrollment.confirmedAt).toBeNull();

    const email = await emailTo(bruno, `Você está na lista de espera: ${COURSE_TITLE}`);
    expect(email.text).toContain(COURSE_TITLE);
    expect(await seats()).toMatchObject({
      seatsTaken: 1,
      seatsAvailable: 0,
      waitlistLength: 1,
      roster: [
        { status: 'CONFIRMED', student: { id: alice.id } },
        { status: 'WAITLISTED', waitlistPosition: 1, student: { id: bruno.id } },
      ],
    });
  });

  it('cancels the enrollment when an admin refunds the order and gives the seat to the first on the waitlist', async () => {
    const { refundOrder } = await mesh.graphql<{ refundOrder: { id: string; status: string; refundedCents: number } }>(
      /* GraphQL */ `
        mutation Refund($orderId: ID!, $reason: String!) {
          refundOrder(orderId: $orderId, reason: $reason) { id status refundedCents }
        }
      `,
      { orderId: aliceOrder.id, reason: 'Cliente não pode comparecer à turma' },
      adminToken,
    );
    expect(refundOrder).toEqual({ id: aliceOrder.id, status: 'REFUNDED', refundedCents: aliceOrder.totalCents });

    const [cancelled] = await eventually(
      () => enrollmentsOf(alice),
      (list) => list[0]?.status === 'CANCELLED',
      "Alice's cancellation",
    );
    expect(cancelled.cancelledAt).not.toBeNull();

    const [promoted] = await eventually(
      () => enrollmentsOf(bruno),
      (list) => list[0]?.status === 'CONFIRMED',
      "Bruno's promotion",
    );
    expect(promoted).toMatchObject({ orderId: brunoOrder.id, waitlistPosition: null, session: { id: sessionId } });
    expect(promoted.confirmedAt).not.toBeNull();

    const confirmation = await emailTo(bruno, `Matrícula confirmada: ${COURSE_TITLE}`);
    expect(confirmation.text).toContain('Olá, Bruno!');
    const cancellation = await emailTo(alice, `Matrícula cancelada: ${COURSE_TITLE}`);
    expect(cancellation.text).toContain('reembolsado');
    expect(await seats()).toMatchObject({
      seatsTaken: 1,
      seatsAvailable: 0,
      waitlistLength: 0,
      roster: [{ status: 'CONFIRMED', waitlistPosition: null, student: { id: bruno.id } }],
    });
  });

  it('delivers every event of the flow once: one enrollment per order and no e-mail twice', async () => {
    await mesh.settled();

    const orderStatuses = async (customer: Customer) =>
      (await enrollmentsOf(customer)).map((enrollment) => [enrollment.orderId, enrollment.status]);
    expect(await orderStatuses(alice)).toEqual([[aliceOrder.id, 'CANCELLED']]);
    expect(await orderStatuses(bruno)).toEqual([[brunoOrder.id, 'CONFIRMED']]);
    for (const customer of [alice, bruno]) {
      const subjects = mesh.smtp.messagesTo(customer.email).map((email) => email.subject);
      expect(subjects).toContain(`Matrícula confirmada: ${COURSE_TITLE}`);
      expect(subjects.filter((subject, index) => subjects.indexOf(subject) !== index)).toEqual([]);
    }
  });
});
