import { EmailLogRepository } from '../../src/email/email-log.repository';
import { jobIdFor } from '../../src/queues/job-catalog';
import { JobName } from '../../src/queues/job-name.enum';
import { JobQueues } from '../../src/queues/job-queues';
import { QueueName } from '../../src/queues/queue-name.enum';
import { reminderJobId } from '../../src/notifications/enrollment-notifications.service';
import { dueTime } from '../../src/queues/job-workers';
import { anEnrollment } from '../builders/enrollment.builder';
import { aUserRegistered } from '../builders/user-registered.builder';
import { createJobsTestEnvironment, eventually, type JobsInstance, type JobsTestEnvironment } from '../support/jobs-test-env';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('Enrollment e-mails', () => {
  let env: JobsTestEnvironment;
  let jobs: JobsInstance;

  beforeAll(async () => {
    env = await createJobsTestEnvironment();
    jobs = await env.start();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('delivers a PT-BR confirmation to the student when an enrollment is confirmed', async () => {
    const user = aUserRegistered().named('Beatriz Lima').build();
    await env.publish('users.user.registered.v1', user);
    const enrollment = anEnrollment().forUser(user.userId).titled('Latte Art').confirmed();

    const eventId = await env.publish('courses.enrollment.confirmed.v1', enrollment);

    const email = await env.smtp.waitFor((message) => message.envelope.to.includes(user.email));
    expect(email.subject).toBe('Matrícula confirmada: Latte Art');
    expect(email.to).toEqual([user.email]);
    expect(email.text).toContain('Olá, Beatriz!');
    expect(email.text).toContain('Sua matrícula no curso Latte Art está confirmada.');
    expect(email.html).toContain('<strong>Latte Art</strong>');
    const jobId = jobIdFor(JobName.ENROLLMENT_CONFIRMATION_EMAIL, eventId);
    const log = await eventually(async () => {
      const row = await jobs.get(EmailLogRepository).findByJobId(jobId);
      return row?.status === 'sent' ? row : undefined;
    });
    expect(log).toMatchObject({ recipient: user.email, attempts: 1, messageId: email.messageId, error: null });
  });

  it('makes one job and sends one e-mail when the same event is delivered twice', async () => {
    const user = aUserRegistered().build();
    await env.publish('users.user.registered.v1', user);
    const waitlisted = anEnrollment().forUser(user.userId).waitlisted(2);

    const eventId = await env.publish('courses.enrollment.waitlisted.v1', waitlisted);
    await env.publish('courses.enrollment.waitlisted.v1', waitlisted, { eventId });
    await env.smtp.waitFor((message) => message.envelope.to.includes(user.email));
    // A third copy after the first was fully processed: still no second job.
    await env.publish('courses.enrollment.waitlisted.v1', waitlisted, { eventId });
    const marker = aUserRegistered().build();
    await env.publish('users.user.registered.v1', marker);
    await env.publish('courses.enrollment.waitlisted.v1', anEnrollment().forUser(marker.userId).waitlisted());
    await env.smtp.waitFor((message) => message.envelope.to.includes(marker.email));

    expect(env.smtp.messagesTo(user.email)).toHaveLength(1);
    expect(env.smtp.messagesTo(user.email)[0].text).toContain('você é o número 2 da lista de espera');
    const queue = jobs.get(JobQueues).queue(QueueName.LIGHT);
    const jobsForEvent = (await queue.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed', 'prioritized'])).filter((job) =>
      job.id?.endsWith(eventId),
    );
    expect(jobsForEvent.map((job) => job.id)).toEqual([jobIdFor(JobName.WAITLIST_EMAIL, eventId)]);
  });

  it('schedules the class reminder before the session and removes it when the enrollment is cancelled', async () => {
    const user = aUserRegistered().build();
    await env.publish('users.user.registered.v1', user);
    const enrollment = anEnrollment().forUser(user.userId).startingIn(3 * DAY_MS);
    const queues = jobs.get(JobQueues);

    await env.publish('courses.enrollment.confirmed.v1', enrollment.confirmed());
    const reminder = await eventually(() => queues.find(reminderJobId(enrollment.confirmed().enrollmentId)));
    expect(await reminder.job.getState()).toBe('delayed');
    const dueAt = reminder.job.timestamp + reminder.job.delay;
    expect(Math.abs(dueAt - (Date.parse(enrollment.confirmed().sessionStartsAt) - DAY_MS))).toBeLessThan(60_000);

    await env.publish('courses.enrollment.cancelled.v1', enrollment.cancelled('ORDER_REFUNDED'));
    const cancellation = await env.smtp.waitFor(
      (message) => message.envelope.to.includes(user.email) && message.subject.startsWith('Matrícula cancelada'),
    );
    expect(cancellation.text).toContain('porque o pedido foi reembolsado');
    expect(await queues.find(reminderJobId(enrollment.confirmed().enrollmentId))).toBeUndefined();
  });

  it('sends the reminder right away when the class starts within the reminder lead time', async () => {
    const user = aUserRegistered().build();
    await env.publish('users.user.registered.v1', user);
    await env.publish('courses.enrollment.confirmed.v1', anEnrollment().forUser(user.userId).titled('Cupping').startingIn(2 * 60 * 60 * 1000).confirmed());

    const reminder = await env.smtp.waitFor((message) => message.envelope.to.includes(user.email) && message.subject.startsWith('Lembrete'));
    expect(reminder.subject).toBe('Lembrete: sua aula de Cupping está chegando');
    expect(reminder.text).toContain('Local: Rua dos Torrefadores, 100 - São Paulo');
  });

  it('moves the class reminder when the class is rescheduled', async () => {
    const user = aUserRegistered().build();
    await env.publish('users.user.registered.v1', user);
    const enrollment = anEnrollment().forUser(user.userId).startingIn(3 * DAY_MS).confirmed();
    const queues = jobs.get(JobQueues);
    await env.publish('courses.enrollment.confirmed.v1', enrollment);
    await eventually(() => queues.find(reminderJobId(enrollment.enrollmentId)));

    const startsAt = new Date(Date.parse(enrollment.sessionStartsAt) + 2 * DAY_MS).toISOString();
    await env.publish('courses.session.rescheduled.v1', {
      sessionId: enrollment.sessionId,
      courseId: enrollment.courseId,
      courseSlug: enrollment.courseSlug,
      courseTitle: enrollment.courseTitle,
      previousStartsAt: enrollment.sessionStartsAt,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 4 * 60 * 60 * 1000).toISOString(),
      format: 'ONLINE',
      location: null,
    });

    const moved = await eventually(async () => {
      const found = await queues.find(reminderJobId(enrollment.enrollmentId));
      return found?.job.data.sessionStartsAt === startsAt ? found.job : undefined;
    });
    expect(await moved.getState()).toBe('delayed');
    expect(Math.abs(dueTime(moved) - (Date.parse(startsAt) - DAY_MS))).toBeLessThan(60_000);
    expect(moved.data).toMatchObject({ format: 'ONLINE', location: null });
  });
});
