import { randomUUID } from 'node:crypto';
import { Role, type CallerIdentity } from '@mestres/auth';
import { SeatAllocator } from '../../src/enrollments/seat-allocator.service';
import { SessionAdminService } from '../../src/enrollments/session-admin.service';
import { aCourse } from '../builders/course.builder';
import { anOrderPaid } from '../builders/order-event.builder';
import { aSession } from '../builders/session.builder';
import { startCoursesApp, type CoursesTestApp } from '../support/courses-test-app';

const admin: CallerIdentity = { userId: randomUUID(), roles: [Role.ADMIN] };

describe(SessionAdminService.name, () => {
  let t: CoursesTestApp;

  beforeAll(async () => {
    t = await startCoursesApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const db = () => t.db.sources.primary;
  const UPDATE = `mutation($id: ID!, $input: UpdateSessionInput!) { updateSession(id: $id, input: $input) { capacity startsAt seatsTaken waitlistLength } }`;

  it('creates a course, a class and a lesson, and lists the class under the course', async () => {
    const course = await t.graphql(
      `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id slug instructor { id } product { id } } }`,
      {
        input: {
          slug: 'espresso-avancado',
          title: 'Espresso Avançado',
          description: 'Calibração fina e perfis de extração.',
          level: 'ADVANCED',
          durationMinutes: 480,
          instructorId: admin.userId,
          productId: randomUUID(),
        },
      },
      admin,
    );
    expect(course.errors).toBeUndefined();
    const courseId = course.data!.createCourse.id;
    const startsAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 5 * 86_400_000 + 4 * 3_600_000).toISOString();
    const session = await t.graphql(
      `mutation($input: CreateSessionInput!) { createSession(input: $input) { id seatSku format location capacity seatsAvailable } }`,
      { input: { courseId, seatSku: 'CUR-ESPRESSO-AVANCADO-0001', startsAt, endsAt, format: 'ONLINE', capacity: 12 } },
      admin,
    );
    expect(session.errors).toBeUndefined();
    expect(session.data!.createSession).toMatchObject({ format: 'ONLINE', location: null, capacity: 12, seatsAvailable: 12 });
    const lesson = await t.graphql(
      `mutation($input: CreateLessonInput!) { createLesson(input: $input) { position title } }`,
      { input: { courseId, title: 'Perfis de pressão', content: '# Pressão', durationMinutes: 30 } },
      admin,
    );
    expect(lesson.data!.createLesson).toEqual({ position: 1, title: 'Perfis de pressão' });
    const listed = await t.graphql(`{ course(slug: "espresso-avancado") { sessions { seatSku } lessons { title } } }`);
    expect(listed.data!.course).toEqual({ sessions: [{ seatSku: 'CUR-ESPRESSO-AVANCADO-0001' }], lessons: [{ title: 'Perfis de pressão' }] });
  });

  it('names the argument at fault for bad input and conflicts', async () => {
    const existing = await aCourse().insert(db());
    const create = (input: Record<string, unknown>) =>
      t.graphql(`mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`, {
        input: { slug: 'novo-curso', title: 'Novo', description: 'Descrição.', level: 'BEGINNER', durationMinutes: 60, ...input },
      }, admin);
    expect((await create({ slug: 'Não Vale' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    expect((await create({ durationMinutes: 0 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.durationMinutes' });
    expect((await create({ instructorId: 'igor' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.instructorId' });
    expect((await create({ title: '  ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect((await create({ slug: existing.slug })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.slug' });
    expect((await create({ productId: existing.productId })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.productId' });

    const session = await aSession(existing.id).insert(db());
    const createSession = (input: Record<string, unknown>) =>
      t.graphql(`mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`, {
        input: {
          courseId: existing.id,
          seatSku: `CUR-NOVA-${Date.now()}`,
          startsAt: '2027-03-01T12:00:00Z',
          endsAt: '2027-03-01T16:00:00Z',
          format: 'IN_PERSON',
          location: 'Escola',
          capacity: 5,
          ...input,
        },
      }, admin);
    expect((await createSession({ courseId: randomUUID() })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.courseId' });
    expect((await createSession({ courseId: 'x' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.courseId' });
    expect((await createSession({ seatSku: session.seatSku })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.seatSku' });
    expect((await createSession({ seatSku: 'minúsculo' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.seatSku' });
    expect((await createSession({ location: null })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location' });
    expect((await createSession({ endsAt: '2027-03-01T11:00:00Z' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    expect((await createSession({ capacity: 0 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.capacity' });
    const unknownUpdate = await t.graphql(UPDATE, { id: randomUUID(), input: { capacity: 3 } }, admin);
    expect(unknownUpdate.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('gives added seats to the waitlist at once and refuses a capacity below the seats taken', async () => {
    const course = await aCourse().insert(db());
    const session = await aSession(course.id).withCapacity(2).insert(db());
    const orders = Array.from({ length: 5 }, () => anOrderPaid().withSeats(session.seatSku).build());
    for (const order of orders) await t.app.get(SeatAllocator).enrollPaidOrder(order);

    const below = await t.graphql(UPDATE, { id: session.id, input: { capacity: 1 } }, admin);
    expect(below.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.capacity' });
    const grown = await t.graphql(UPDATE, { id: session.id, input: { capacity: 4 } }, admin);
    expect(grown.data!.updateSession).toMatchObject({ capacity: 4, seatsTaken: 4, waitlistLength: 1 });
    const confirmed: Array<{ order_id: string }> = await db().query(`SELECT order_id FROM enrollment WHERE session_id = $1 AND status = 'CONFIRMED'`, [session.id]);
    expect(new Set(confirmed.map((row) => row.order_id))).toEqual(new Set(orders.slice(0, 4).map((order) => order.orderId)));
  });

  it('announces a rescheduled class and refuses to archive one with students', async () => {
    const course = await aCourse().withTitle('Cupping').insert(db());
    const session = await aSession(course.id).insert(db());
    await t.app.get(SeatAllocator).enrollPaidOrder(anOrderPaid().withSeats(session.seatSku).build());
    const startsAt = new Date(session.startsAt.getTime() + 86_400_000);

    const moved = await t.graphql(UPDATE, { id: session.id, input: { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() } }, admin);
    expect(moved.errors).toBeUndefined();
    const [event] = (await t.published('courses.session.rescheduled.v1')).filter((candidate) => candidate.payload.sessionId === session.id);
    expect(event.payload).toMatchObject({ previousStartsAt: session.startsAt.toISOString(), startsAt: startsAt.toISOString(), courseTitle: 'Cupping' });

    const archive = await t.graphql(`mutation($id: ID!) { archiveSession(id: $id) { archived } }`, { id: session.id }, admin);
    expect(archive.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    const empty = await aSession(course.id).insert(db());
    const archived = await t.graphql(`mutation($id: ID!) { archiveSession(id: $id) { archived } }`, { id: empty.id }, admin);
    expect(archived.data!.archiveSession).toEqual({ archived: true });
  });

  it('lets an instructor manage lessons and see rosters of their own course only', async () => {
    const teacher: CallerIdentity = { userId: randomUUID(), roles: [Role.INSTRUCTOR] };
    const colleague: CallerIdentity = { userId: randomUUID(), roles: [Role.INSTRUCTOR] };
    const course = await aCourse().taughtBy(teacher.userId).insert(db());
    const session = await aSession(course.id).insert(db());
    const createLesson = (caller: CallerIdentity) =>
      t.graphql(`mutation($input: CreateLessonInput!) { createLesson(input: $input) { id } }`, {
        input: { courseId: course.id, title: 'Aula', content: '# Aula', durationMinutes: 15 },
      }, caller);
    const roster = (caller: CallerIdentity) => t.graphql(`query($id: ID!) { session(id: $id) { roster { id } } }`, { id: session.id }, caller);

    expect((await createLesson(teacher)).errors).toBeUndefined();
    expect((await roster(teacher)).errors).toBeUndefined();
    expect((await createLesson(colleague)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await roster(colleague)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mine = await t.graphql(`{ myTeachingSessions { id } }`, {}, teacher);
    expect(mine.data!.myTeachingSessions).toEqual([{ id: session.id }]);
  });
});
