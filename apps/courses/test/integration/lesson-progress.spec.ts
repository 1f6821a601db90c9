import { randomUUID } from 'node:crypto';
import { Role, type CallerIdentity } from '@mestres/auth';
import { SeatAllocator } from '../../src/enrollments/seat-allocator.service';
import { ProgressService } from '../../src/progress/progress.service';
import { aCourse, type StoredCourse } from '../builders/course.builder';
import { aLesson } from '../builders/lesson.builder';
import { anOrderPaid } from '../builders/order-event.builder';
import { aSession, type StoredSession } from '../builders/session.builder';
import { startCoursesApp, type CoursesTestApp } from '../support/courses-test-app';

const COMPLETE = `mutation($id: ID!) {
  completeLesson(lessonId: $id) {
    lesson { id }
    progress { completedLessons totalLessons completedLessonIds completed }
    certificate { code issuedAt holder { id } course { slug } }
  }
}`;
const VERIFY = `query($code: String!) { certificate(code: $code) { code issuedAt holder { id } course { slug title } } }`;

describe(ProgressService.name, () => {
  let t: CoursesTestApp;
  let course: StoredCourse;
  let session: StoredSession;
  let lessons: Array<{ id: string; content: string }>;
  let archivedLesson: { id: string };

  beforeAll(async () => {
    t = await startCoursesApp();
    const db = t.db.sources.primary;
    course = await aCourse().withSlug('barista-basico').withTitle('Barista Básico').insert(db);
    session = await aSession(course.id).withCapacity(1).insert(db);
    lessons = [];
    for (const position of [1, 2, 3]) lessons.push(await aLesson(course.id).at(position).insert(db));
    archivedLesson = await aLesson(course.id).at(4).archived().insert(db);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const student = (): CallerIdentity => ({ userId: randomUUID(), roles: [Role.CUSTOMER] });
  const enroll = (caller: CallerIdentity) => t.app.get(SeatAllocator).enrollPaidOrder(anOrderPaid().by(caller.userId).withSeats(session.seatSku).build());
  const completedEvents = async (userId: string) => (await t.published('courses.course.completed.v1')).filter((event) => event.payload.userId === userId);

  it('tracks lessons, issues one certificate when the last one is completed, and verifies it publicly', async () => {
    const caller = student();
    await enroll(caller);

    const first = await t.graphql(COMPLETE, { id: lessons[1].id }, caller);
    expect(first.errors).toBeUndefined();
    expect(first.data!.completeLesson).toMatchObject({
      progress: { completedLessons: 1, totalLessons: 3, completedLessonIds: [lessons[1].id], completed: false },
      certificate: null,
    });
    await t.graphql(COMPLETE, { id: lessons[0].id }, caller);
    const last = await t.graphql(COMPLETE, { id: lessons[2].id }, caller);
    const certificate = last.data!.completeLesson.certificate;
    expect(last.data!.completeLesson.progress).toEqual({
      completedLessons: 3,
      totalLessons: 3,
      completedLessonIds: lessons.map((lesson) => lesson.id),
      completed: true,
    });
    expect(certificate).toMatchObject({ holder: { id: caller.userId }, course: { slug: 'barista-basico' } });
    expect(certificate.code).toMatch(/^[A-Z2-7]{16}$/);

    // Completing a lesson again changes nothing: same certificate, one event.
    const again = await t.graphql(COMPLETE, { id: lessons[2].id }, caller);
    expect(again.data!.completeLesson.certificate.code).toBe(certificate.code);
    const events = await completedEvents(caller.userId);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ courseTitle: 'Barista Básico', sessionId: session.id, certificateCode: certificate.code });

    // Anyone can verify the code, typed loosely, without signing in.
    const typed = certificate.code.toLowerCase().replace(/(.{4})(?!$)/g, '$1-');
    const verified = await t.graphql(VERIFY, { code: typed });
    expect(verified.data!.certificate).toEqual({
      code: certificate.code,
      issuedAt: certificate.issuedAt,
      holder: { id: caller.userId },
      course: { slug: 'barista-basico', title: 'Barista Básico' },
    });
    expect(verified.headers.get('cache-control')).toBe('max-age=60, public');
  });

  it('answers null for an unknown certificate code and BAD_USER_INPUT naming `code` for a malformed one', async () => {
    expect((await t.graphql(VERIFY, { code: 'AAAA-BBBB-CCCC-DDDD' })).data).toEqual({ certificate: null });
    const malformed = await t.graphql(VERIFY, { code: '1234' });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  it('refuses lessons to students without a confirmed seat, waitlisted ones included', async () => {
    const waitlisted = student();
    await enroll(waitlisted); // the class (capacity 1) is full by now
    const [row] = await t.db.sources.primary.query(`SELECT status FROM enrollment WHERE user_id = $1`, [waitlisted.userId]);
    expect(row.status).toBe('WAITLISTED');
    for (const caller of [waitlisted, student()]) {
      const result = await t.graphql(COMPLETE, { id: lessons[0].id }, caller);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'lessonId' });
    }
    const [{ n }] = await t.db.sources.primary.query(`SELECT count(*)::int AS n FROM lesson_completion WHERE user_id = $1`, [waitlisted.userId]);
    expect(n).toBe(0);
  });

  it('rejects unknown, archived and malformed lesson ids naming `lessonId`', async () => {
    const caller = student();
    const unknown = await t.graphql(COMPLETE, { id: randomUUID() }, caller);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'lessonId' });
    const archived = await t.graphql(COMPLETE, { id: archivedLesson.id }, caller);
    expect(archived.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'lessonId' });
    const malformed = await t.graphql(COMPLETE, { id: 'lição-1' }, caller);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lessonId' });
    const anonymous = await t.graphql(COMPLETE, { id: lessons[0].id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('issues exactly one certificate when the last two lessons are completed at the same time', async () => {
    const db = t.db.sources.primary;
    const other = await aCourse().insert(db);
    const otherSession = await aSession(other.id).insert(db);
    const otherLessons = [await aLesson(other.id).at(1).insert(db), await aLesson(other.id).at(2).insert(db)];
    const caller = student();
    await t.app.get(SeatAllocator).enrollPaidOrder(anOrderPaid().by(caller.userId).withSeats(otherSession.seatSku).build());

    const results = await Promise.all(otherLessons.map((lesson) => t.graphql(COMPLETE, { id: lesson.id }, caller)));
    expect(results.map((result) => result.errors)).toEqual([undefined, undefined]);
    const codes = results.map((result) => result.data!.completeLesson.certificate?.code).filter(Boolean);
    expect(codes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(codes).size).toBe(1);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM certificate WHERE user_id = $1`, [caller.userId]);
    expect(n).toBe(1);
    expect(await completedEvents(caller.userId)).toHaveLength(1);
  });

  it('shows lesson content to confirmed students, the course instructor and admins only', async () => {
    const db = t.db.sources.primary;
    const instructor: CallerIdentity = { userId: randomUUID(), roles: [Role.INSTRUCTOR] };
    const taught = await aCourse().taughtBy(instructor.userId).insert(db);
    const taughtSession = await aSession(taught.id).insert(db);
    const lesson = await aLesson(taught.id).insert(db);
    const enrolled = student();
    await t.app.get(SeatAllocator).enrollPaidOrder(anOrderPaid().by(enrolled.userId).withSeats(taughtSession.seatSku).build());
    const query = `query($slug: String!) { course(slug: $slug) { lessons { content } } }`;
    const contentFor = async (caller: CallerIdentity | null) => {
      const result = await t.graphql(query, { slug: taught.slug }, caller);
      return result.data!.course.lessons[0].content;
    };

    expect(await contentFor(enrolled)).toBe(lesson.content);
    expect(await contentFor(instructor)).toBe(lesson.content);
    expect(await contentFor({ userId: randomUUID(), roles: [Role.ADMIN] })).toBe(lesson.content);
    expect(await contentFor(student())).toBeNull();
    expect(await contentFor({ userId: randomUUID(), roles: [Role.INSTRUCTOR] })).toBeNull();
    expect(await contentFor(null)).toBeNull();
    const response = await t.graphql(query, { slug: taught.slug }, enrolled);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('reports progress and the certificate on the student’s enrollments', async () => {
    const caller = student();
    const db = t.db.sources.primary;
    const other = await aCourse().insert(db);
    const otherSession = await aSession(other.id).insert(db);
    const lesson = await aLesson(other.id).insert(db);
    await aLesson(other.id).at(2).insert(db);
    await t.app.get(SeatAllocator).enrollPaidOrder(anOrderPaid().by(caller.userId).withSeats(otherSession.seatSku).build());
    await t.graphql(COMPLETE, { id: lesson.id }, caller);

    const mine = await t.graphql(`{ myEnrollments { status waitlistPosition progress { completedLessons totalLessons } certificate { code } } }`, {}, caller);
    expect(mine.data!.myEnrollments).toEqual([{ status: 'CONFIRMED', waitlistPosition: null, progress: { completedLessons: 1, totalLessons: 2 }, certificate: null }]);
    expect((await t.graphql(`{ myEnrollments { id } }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
