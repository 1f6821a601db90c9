/**
 * AUTHORIZATION MATRIX of the courses subgraph: every mutation and every private field, called
 * as each kind of caller, with the expected outcome per cell. Operations run over HTTP against
 * the real subgraph with gateway-signed identity headers, exactly as in production. Same actors
 * and outcome vocabulary as the users subgraph's matrix:
 * - customer: a student with a confirmed seat in the fixture course;
 * - instructor: the instructor the fixture course is assigned to;
 * - anotherCustomer: signed in, not enrolled.
 *
 * To add a row: give it a name (`Type.field`), an operation built from the fixture (use
 * `prepare` for per-cell data such as a fresh course), and one expected outcome per actor.
 */
import { randomUUID } from 'node:crypto';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { Role, type CallerIdentity } from '@mestres/auth';
import { SeatAllocator } from '../../src/enrollments/seat-allocator.service';
import { aCourse, type StoredCourse } from '../builders/course.builder';
import { aLesson } from '../builders/lesson.builder';
import { anOrderPaid } from '../builders/order-event.builder';
import { aSession, type StoredSession } from '../builders/session.builder';
import { startCoursesApp, type CoursesTestApp, type GraphqlResponse } from '../support/courses-test-app';

const ACTORS = ['anonymous', 'customer', 'instructor', 'admin', 'anotherCustomer'] as const;
type Actor = (typeof ACTORS)[number];

/** `ok`: data and no error. Otherwise the `extensions.code` of the first error. */
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

interface Fixture {
  t: CoursesTestApp;
  users: Record<Exclude<Actor, 'anonymous'>, CallerIdentity>;
  course: StoredCourse;
  session: StoredSession;
  lesson: { id: string };
  certificateCode: string;
}

interface MatrixRow {
  name: string;
  /** Per-cell setup; its result is handed to `operation`. */
  prepare?: (fixture: Fixture, actor: Actor) => Promise<Record<string, unknown>>;
  operation: (fixture: Fixture, prepared: Record<string, unknown>) => { query: string; variables?: Record<string, unknown> };
  expected: Record<Actor, Outcome>;
}

const PUBLIC: Record<Actor, Outcome> = { anonymous: 'ok', customer: 'ok', instructor: 'ok', admin: 'ok', anotherCustomer: 'ok' };
const SIGNED_IN: Record<Actor, Outcome> = { ...PUBLIC, anonymous: 'UNAUTHENTICATED' };
const ADMIN_ONLY: Record<Actor, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  customer: 'FORBIDDEN',
  instructor: 'FORBIDDEN',
  admin: 'ok',
  anotherCustomer: 'FORBIDDEN',
};
/** Private data of the customer: themself and admins. */
const OWNER_OR_ADMIN: Record<Actor, Outcome> = { ...ADMIN_ONLY, customer: 'ok' };
/** The course's instructor and admins (ownership of the course). */
const TEACHER_OR_ADMIN: Record<Actor, Outcome> = { ...ADMIN_ONLY, instructor: 'ok' };
/** Holders of the INSTRUCTOR role (ADMIN does not imply it). */
const INSTRUCTORS: Record<Actor, Outcome> = { ...ADMIN_ONLY, admin: 'FORBIDDEN', instructor: 'ok' };
/** Students with a confirmed seat in the course. */
const ENROLLED_STUDENT: Record<Actor, Outcome> = { ...ADMIN_ONLY, admin: 'FORBIDDEN', customer: 'ok' };

const freshCourse = async (f: Fixture) => ({ id: (await aCourse().insert(f.t.db.sources.primary)).id });
const freshSession = async (f: Fixture) => ({ id: (await aSession(f.course.id).insert(f.t.db.sources.primary)).id });
const freshLesson = async (f: Fixture) => ({ id: (await aLesson(f.course.id).insert(f.t.db.sources.primary)).id });

const ROWS: MatrixRow[] = [
  // Public reads (listed so a change of policy shows up here).
  { name: 'Query.courses', operation: () => ({ query: `{ courses(first: 5) { totalCount edges { node { slug lessons { title } } } } }` }), expected: PUBLIC },
  {
    name: 'Query.course',
    operation: (f) => ({ query: `query($slug: String!) { course(slug: $slug) { slug sessions { seatsAvailable } } }`, variables: { slug: f.course.slug } }),
    expected: PUBLIC,
  },
  {
    name: 'Query.session',
    operation: (f) => ({ query: `query($id: ID!) { session(id: $id) { id waitlistLength } }`, variables: { id: f.session.id } }),
    expected: PUBLIC,
  },
  {
    name: 'Query.certificate',
    operation: (f) => ({ query: `query($code: String!) { certificate(code: $code) { code holder { id } } }`, variables: { code: f.certificateCode } }),
    expected: PUBLIC,
  },
  {
    name: 'Product.course (entity)',
    operation: (f) => ({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { course { slug } } } }`,
      variables: { r: [{ __typename: 'Product', id: f.course.productId }] },
    }),
    expected: PUBLIC,
  },

  // Private reads.
  { name: 'Query.myEnrollments', operation: () => ({ query: `{ myEnrollments { id status progress { completed } } }` }), expected: SIGNED_IN },
  { name: 'Query.myTeachingSessions', operation: () => ({ query: `{ myTeachingSessions { id } }` }), expected: INSTRUCTORS },
  {
    name: 'CourseSession.roster',
    operation: (f) => ({ query: `query($id: ID!) { session(id: $id) { roster { status student { id } } } }`, variables: { id: f.session.id } }),
    expected: TEACHER_OR_ADMIN,
  },
  {
    name: 'User.enrollments (entity)',
    operation: (f) => ({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { enrollments { status } } } }`,
      variables: { r: [{ __typename: 'User', id: f.users.customer.userId }] },
    }),
    expected: OWNER_OR_ADMIN,
  },

  // Students.
  {
    name: 'Mutation.completeLesson',
    operation: (f) => ({ query: `mutation($id: ID!) { completeLesson(lessonId: $id) { progress { completedLessons } } }`, variables: { id: f.lesson.id } }),
    expected: ENROLLED_STUDENT,
  },

  // Lessons: admins and the course's instructor.
  {
    name: 'Mutation.createLesson',
    operation: (f) => ({
      query: `mutation($input: CreateLessonInput!) { createLesson(input: $input) { id } }`,
      variables: { input: { courseId: f.course.id, title: 'Nova lição', content: '# Nova', durationMinutes: 10 } },
    }),
    expected: TEACHER_OR_ADMIN,
  },
  {
    name: 'Mutation.updateLesson',
    prepare: freshLesson,
    operation: (_f, p) => ({ query: `mutation($id: ID!) { updateLesson(id: $id, input: { title: "Revisada" }) { title } }`, variables: { id: p.id } }),
    expected: TEACHER_OR_ADMIN,
  },
  {
    name: 'Mutation.archiveLesson',
    prepare: freshLesson,
    operation: (_f, p) => ({ query: `mutation($id: ID!) { archiveLesson(id: $id) { archived } }`, variables: { id: p.id } }),
    expected: TEACHER_OR_ADMIN,
  },

  // Courses and classes: admins only.
  {
    name: 'Mutation.createCourse',
    operation: () => ({
      query: `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`,
      variables: { input: { slug: `curso-${randomUUID().slice(0, 8)}`, title: 'Curso', description: 'Descrição.', level: 'BEGINNER', durationMinutes: 60 } },
    }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'Mutation.updateCourse',
    prepare: freshCourse,
    operation: (_f, p) => ({ query: `mutation($id: ID!) { updateCourse(id: $id, input: { title: "Outro título" }) { title } }`, variables: { id: p.id } }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'Mutation.archiveCourse',
    prepare: freshCourse,
    operation: (_f, p) => ({ query: `mutation($id: ID!) { archiveCourse(id: $id) { archived } }`, variables: { id: p.id } }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'Mutation.createSession',
    operation: (f) => ({
      query: `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
      variables: {
        input: {
          courseId: f.course.id,
          seatSku: `CUR-MATRIZ-${randomUUID().slice(0, 8).toUpperCase()}`,
          startsAt: '2027-03-01T12:00:00Z',
          endsAt: '2027-03-01T16:00:00Z',
          format: 'ONLINE',
          capacity: 10,
        },
      },
    }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'Mutation.updateSession',
    prepare: freshSession,
    operation: (_f, p) => ({ query: `mutation($id: ID!) { updateSession(id: $id, input: { capacity: 20 }) { capacity } }`, variables: { id: p.id } }),
    expected: ADMIN_ONLY,
  },
  {
    name: 'Mutation.archiveSession',
    prepare: freshSession,
    operation: (_f, p) => ({ query: `mutation($id: ID!) { archiveSession(id: $id) { archived } }`, variables: { id: p.id } }),
    expected: ADMIN_ONLY,
  },
];

describe('Authorization matrix (courses subgraph)', () => {
  const fixture = {} as Fixture;

  beforeAll(async () => {
    fixture.t = await startCoursesApp();
    const db = fixture.t.db.sources.primary;
    const user = (...roles: Role[]): CallerIdentity => ({ userId: randomUUID(), roles });
    fixture.users = {
      customer: user(Role.CUSTOMER),
      instructor: user(Role.INSTRUCTOR),
      admin: user(Role.ADMIN),
      anotherCustomer: user(Role.CUSTOMER),
    };
    fixture.course = await aCourse().taughtBy(fixture.users.instructor.userId).insert(db);
    fixture.session = await aSession(fixture.course.id).insert(db);
    fixture.lesson = await aLesson(fixture.course.id).insert(db);
    await fixture.t.app.get(SeatAllocator).enrollPaidOrder(anOrderPaid().by(fixture.users.customer.userId).withSeats(fixture.session.seatSku).build());
    // A certificate of another course, for the public verification row.
    const other = await aCourse().insert(db);
    const otherSession = await aSession(other.id).insert(db);
    const otherLesson = await aLesson(other.id).insert(db);
    const graduate = user(Role.CUSTOMER);
    await fixture.t.app.get(SeatAllocator).enrollPaidOrder(anOrderPaid().by(graduate.userId).withSeats(otherSession.seatSku).build());
    const completion = await fixture.t.graphql(`mutation($id: ID!) { completeLesson(lessonId: $id) { certificate { code } } }`, { id: otherLesson.id }, graduate);
    fixture.certificateCode = completion.data!.completeLesson.certificate.code;
  }, 60_000);

  afterAll(async () => {
    await fixture.t?.close();
  });

  const identityOf = (actor: Actor): CallerIdentity | null => (actor === 'anonymous' ? null : fixture.users[actor]);

  const outcomeOf = (response: GraphqlResponse): Outcome | string => {
    if (response.errors?.length) return response.errors[0].extensions?.code ?? response.errors[0].message;
    return response.data ? 'ok' : 'no data';
  };

  const cells = ROWS.flatMap((row) => ACTORS.map((actor) => ({ row, actor, expected: row.expected[actor] })));

  it.each(cells.map((cell) => [cell.row.name, cell.actor, cell.expected, cell] as const))('%s as %s: %s', async (_name, actor, expected, { row }) => {
    const prepared = (await row.prepare?.(fixture, actor)) ?? {};
    const { query, variables } = row.operation(fixture, prepared);
    const response = await fixture.t.graphql(query, variables, identityOf(actor));
    expect(outcomeOf(response)).toBe(expected);
  });

  it('covers every mutation of the schema', async () => {
    const response = await fixture.t.graphql<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    const mutationType = parse(response.data!._service.sdl).definitions.find(
      (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Mutation',
    );
    const mutations = mutationType?.fields?.map((field) => field.name.value) ?? [];
    expect(mutations.length).toBeGreaterThan(5);
    const covered = new Set(ROWS.map((row) => /^Mutation\.(\w+)/.exec(row.name)?.[1]).filter(Boolean));
    expect(mutations.filter((name) => !covered.has(name))).toEqual([]);
  });
});
