import { randomUUID } from 'node:crypto';
import { Role } from '@mestres/auth';
import { CoursesResolver } from '../../src/courses/courses.resolver';
import { SeatAllocator } from '../../src/enrollments/seat-allocator.service';
import { aCourse, type StoredCourse } from '../builders/course.builder';
import { aLesson } from '../builders/lesson.builder';
import { anOrderPaid } from '../builders/order-event.builder';
import { aSession } from '../builders/session.builder';
import { countStatements, startCoursesApp, type CoursesTestApp } from '../support/courses-test-app';

describe(CoursesResolver.name, () => {
  let t: CoursesTestApp;
  const instructorId = randomUUID();
  let latte: StoredCourse;
  let cupping: StoredCourse;
  let metodos: StoredCourse;

  beforeAll(async () => {
    t = await startCoursesApp();
    const db = t.db.sources.primary;
    latte = await aCourse().withSlug('latte-art').withLevel('INTERMEDIATE').taughtBy(instructorId).insert(db);
    cupping = await aCourse().withSlug('cupping').withLevel('ADVANCED').insert(db);
    metodos = await aCourse().withSlug('metodos-de-preparo').withLevel('BEGINNER').insert(db);
    await aCourse().withSlug('arquivado').archived().insert(db);
    await aSession(latte.id).startingIn(3).insert(db);
    await aSession(latte.id).startingIn(-10).insert(db);
    await aSession(cupping.id).startingIn(-5).insert(db);
    await aSession(metodos.id).startingIn(10).online().insert(db);
    await aLesson(metodos.id).at(2).insert(db);
    await aLesson(metodos.id).at(1).insert(db);
    await aLesson(metodos.id).at(3).archived().insert(db);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const COURSES = `query($filter: CourseFilter, $first: Int, $after: String) {
    courses(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } }
  }`;
  const slugs = (data: any) => data.courses.edges.map((edge: { node: { slug: string } }) => edge.node.slug);

  it('lists offered courses by slug, page by page, with a public cache hint', async () => {
    const first = await t.graphql(COURSES, { first: 2 });
    expect(first.errors).toBeUndefined();
    expect(slugs(first.data)).toEqual(['cupping', 'latte-art']);
    expect(first.data!.courses).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.headers.get('cache-control')).toBe('max-age=60, public');
    const second = await t.graphql(COURSES, { first: 2, after: first.data!.courses.pageInfo.endCursor });
    expect(slugs(second.data)).toEqual(['metodos-de-preparo']);
    expect(second.data!.courses.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by level, by class format and by upcoming classes', async () => {
    expect(slugs((await t.graphql(COURSES, { filter: { level: 'ADVANCED' } })).data)).toEqual(['cupping']);
    expect(slugs((await t.graphql(COURSES, { filter: { format: 'ONLINE' } })).data)).toEqual(['metodos-de-preparo']);
    expect(slugs((await t.graphql(COURSES, { filter: { upcoming: true } })).data)).toEqual(['latte-art', 'metodos-de-preparo']);
    expect(slugs((await t.graphql(COURSES, { filter: { upcoming: true, format: 'IN_PERSON' } })).data)).toEqual(['latte-art']);
  });

  it('rejects a bad page size or cursor as BAD_USER_INPUT naming the argument', async () => {
    const tooMany = await t.graphql(COURSES, { first: 1000 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await t.graphql(COURSES, { after: 'bm90LWEtY3Vyc29y!' });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('finds a course by slug with its upcoming classes, ordered lessons and instructor; null for unknown or malformed slugs', async () => {
    const result = await t.graphql(
      `query($slug: String!) { course(slug: $slug) { slug instructor { id } product { id } sessions { format seatsAvailable } all: sessions(includePast: true) { id } lessons { position title content } } }`,
      { slug: 'latte-art' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.course).toMatchObject({ slug: 'latte-art', instructor: { id: instructorId }, product: { id: latte.productId } });
    expect(result.data!.course.sessions).toEqual([{ format: 'IN_PERSON', seatsAvailable: 10 }]);
    expect(result.data!.course.all).toHaveLength(2);
    const metodosLessons = await t.graphql(`{ course(slug: "metodos-de-preparo") { lessons { position content } } }`);
    // Archived lessons are hidden; content is for students only.
    expect(metodosLessons.data!.course.lessons).toEqual([
      { position: 1, content: null },
      { position: 2, content: null },
    ]);
    for (const slug of ['nao-existe', 'NOT A SLUG', "'; drop table course; --"]) {
      const missing = await t.graphql(`query($slug: String!) { course(slug: $slug) { id } }`, { slug });
      expect(missing).toMatchObject({ data: { course: null } });
      expect(missing.errors).toBeUndefined();
    }
  });

  it('finds a class by id, null when unknown, BAD_USER_INPUT naming `id` when malformed', async () => {
    const [session] = await t.db.sources.primary.query(`SELECT id FROM course_session WHERE course_id = $1 LIMIT 1`, [metodos.id]);
    const found = await t.graphql(`query($id: ID!) { session(id: $id) { id format location seat { sku } course { slug } } }`, { id: session.id });
    expect(found.data!.session).toMatchObject({ id: session.id, format: 'ONLINE', location: null, course: { slug: 'metodos-de-preparo' } });
    expect(found.headers.get('cache-control')).toBe('max-age=60, public');
    // Seat counts move with every enrollment: they shorten the whole response's cache life.
    const seats = await t.graphql(`query($id: ID!) { session(id: $id) { seatsTaken seatsAvailable waitlistLength } }`, { id: session.id });
    expect(seats.data!.session).toEqual({ seatsTaken: 0, seatsAvailable: 10, waitlistLength: 0 });
    expect(seats.headers.get('cache-control')).toBe('max-age=10, public');
    const unknown = await t.graphql(`query($id: ID!) { session(id: $id) { id } }`, { id: randomUUID() });
    expect(unknown).toMatchObject({ data: { session: null } });
    const malformed = await t.graphql(`query($id: ID!) { session(id: $id) { id } }`, { id: '42' });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('resolves Product.course for a batch of product references with one SQL statement, null for other products', async () => {
    const representations = [
      { __typename: 'Product', id: latte.productId },
      { __typename: 'Product', id: randomUUID() },
      { __typename: 'Product', id: cupping.productId },
      { __typename: 'Product', id: 'not-a-uuid' },
      { __typename: 'Product', id: metodos.productId },
    ];
    const statements = countStatements(t.dataSource, /FROM (\S+\.)?"course"/);
    const result = await t.graphql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id course { slug } } } }`, { r: representations });
    statements.stop();
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((entity: { course: { slug: string } | null }) => entity.course?.slug ?? null)).toEqual([
      'latte-art',
      null,
      'cupping',
      null,
      'metodos-de-preparo',
    ]);
    expect(statements.count).toBe(1);
  });

  it('resolves a batch of Course references with one SQL statement', async () => {
    const statements = countStatements(t.dataSource, /FROM (\S+\.)?"course"/);
    const result = await t.graphql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Course { slug } } }`, {
      r: [latte, cupping, metodos].map((course) => ({ __typename: 'Course', id: course.id })),
    });
    statements.stop();
    expect(result.data!._entities.map((entity: { slug: string }) => entity.slug)).toEqual(['latte-art', 'cupping', 'metodos-de-preparo']);
    expect(statements.count).toBe(1);
  });

  it('shows User.enrollments to the user and admins only, privately', async () => {
    const student = randomUUID();
    const session = await aSession(cupping.id).startingIn(20).insert(t.db.sources.primary);
    await t.app.get(SeatAllocator).enrollPaidOrder(anOrderPaid().by(student).withSeats(session.seatSku).build());
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id enrollments { status course { slug } session { id } progress { totalLessons } } } } }`;
    const variables = { r: [{ __typename: 'User', id: student }] };

    const own = await t.graphql(query, variables, { userId: student, roles: [Role.CUSTOMER] });
    expect(own.errors).toBeUndefined();
    expect(own.data!._entities[0].enrollments).toEqual([{ status: 'CONFIRMED', course: { slug: 'cupping' }, session: { id: session.id }, progress: { totalLessons: 0 } }]);
    expect(own.headers.get('cache-control')).toBe('no-store');
    const admin = await t.graphql(query, variables, { userId: randomUUID(), roles: [Role.ADMIN] });
    expect(admin.data!._entities[0].enrollments).toHaveLength(1);
    const other = await t.graphql(query, variables, { userId: randomUUID(), roles: [Role.CUSTOMER] });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.graphql(query, variables);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('declares the federation keys and entity stubs in the subgraph SDL', async () => {
    const sdl: string = (await t.graphql(`{ _service { sdl } }`)).data!._service.sdl;
    expect(sdl).toMatch(/type Course @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Product @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type User @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type ProductVariant @key\(fields: "sku", resolvable: false\)/);
  });
});
