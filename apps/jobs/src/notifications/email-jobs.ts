import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EmailSender, type EmailOutcome } from '../email/email-sender';
import {
  abandonedCartEmail,
  classReminderEmail,
  courseCompletedEmail,
  enrollmentCancelledEmail,
  enrollmentConfirmationEmail,
  orderCancelledEmail,
  orderConfirmationEmail,
  paymentReceiptEmail,
  refundEmail,
  shippingEmail,
  waitlistEmail,
  type EmailTemplate,
} from '../email/email-templates';
import type { JobContext } from '../queues/job-context';
import { JobName } from '../queues/job-name.enum';
import type { AbandonedCartPayload, EnrollmentEmailPayload, JobPayloads } from '../queues/job-payloads';
import { JobRegistry } from '../queues/job-registry';
import { Clock } from '../shared/clock';
import { CartActivityRepository } from './cart-activity.repository';
import { EnrollmentActivityRepository } from './enrollment-activity.repository';

/** Jobs whose payload names the user to e-mail. */
type EmailJobName = { [J in JobName]: JobPayloads[J] extends { userId: string } ? J : never }[JobName];

export type EmailJobResult = EmailOutcome | { skipped: string };

/** The handlers of the e-mail jobs: each renders its PT-BR template and sends it once. */
@Injectable()
export class EmailJobs implements OnModuleInit {
  private readonly logger = new Logger(EmailJobs.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly sender: EmailSender,
    private readonly enrollments: EnrollmentActivityRepository,
    private readonly carts: CartActivityRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.email(JobName.ORDER_CONFIRMATION_EMAIL, orderConfirmationEmail);
    this.email(JobName.PAYMENT_RECEIPT_EMAIL, paymentReceiptEmail);
    this.email(JobName.SHIPPING_EMAIL, shippingEmail);
    this.email(JobName.ORDER_CANCELLED_EMAIL, orderCancelledEmail);
    this.email(JobName.REFUND_EMAIL, refundEmail);
    this.email(JobName.ENROLLMENT_CONFIRMATION_EMAIL, enrollmentConfirmationEmail);
    this.email(JobName.WAITLIST_EMAIL, waitlistEmail);
    this.email(JobName.ENROLLMENT_CANCELLED_EMAIL, enrollmentCancelledEmail);
    this.email(JobName.COURSE_COMPLETED_EMAIL, courseCompletedEmail);
    this.registry.register(JobName.CLASS_REMINDER_EMAIL, (payload, context) => this.sendReminder(payload, context));
    this.registry.register(JobName.ABANDONED_CART_EMAIL, (payload, context) => this.sendCartReminder(payload, context));
  }

  private email<J extends EmailJobName>(name: J, template: EmailTemplate<JobPayloads[J]>): void {
    this.registry.register(name, (payload: JobPayloads[J], context) =>
      this.sender.send(context, payload.userId, (recipient, emailContext) => template(payload, recipient, emailContext)),
    );
  }

  /**
   * The reminder was scheduled at enrollment time; by now the enrollment may be cancelled
   * or the class moved (its removal can race with this run), so check before sending.
   */
  private async sendReminder(payload: EnrollmentEmailPayload, context: JobContext): Promise<EmailJobResult> {
    const enrollment = await this.enrollments.find(payload.enrollmentId);
    // The job is enqueued inside the transaction that records the enrollment, so it can run
    // before that commits: not there yet means "try again", not "cancelled".
    if (!enrollment) throw new Error(`enrollment ${payload.enrollmentId} is not recorded yet`);
    const startsAt = new Date(payload.sessionStartsAt).getTime();
    let skipped: string | undefined;
    if (enrollment.status !== 'CONFIRMED') skipped = `enrollment is ${enrollment.status}`;
    else if (enrollment.sessionStartsAt.getTime() !== startsAt) skipped = 'the class was rescheduled';
    else if (startsAt <= this.clock.now().getTime()) skipped = 'the class already started';
    if (skipped) {
      this.logger.log(`reminder ${context.id} not sent: ${skipped}`);
      return { skipped };
    }
    return this.sender.send(context, payload.userId, (recipient, emailContext) => classReminderEmail(payload, recipient, emailContext));
  }

  /** Sent only if the cart is still exactly as it was when the reminder was scheduled. */
  private async sendCartReminder(payload: AbandonedCartPayload, context: JobContext): Promise<EmailJobResult> {
    const cart = await this.carts.find(payload.cartId);
    if (!cart) throw new Error(`cart ${payload.cartId} is not recorded yet`);
    let skipped: string | undefined;
    if (cart.itemCount === 0) skipped = 'the cart is empty';
    else if (cart.lastActivityAt.getTime() !== new Date(payload.cartUpdatedAt).getTime()) skipped = 'the cart changed since';
    if (skipped) {
      this.logger.log(`cart reminder ${context.id} not sent: ${skipped}`);
      return { skipped };
    }
    return this.sender.send(context, payload.userId, (recipient, emailContext) => abandonedCartEmail(payload, recipient, emailContext));
  }
}
