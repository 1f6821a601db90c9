import { JobName } from './job-name.enum';
import { QueueName } from './queue-name.enum';

export interface JobDefinition {
  queue: QueueName;
  /**
   * BullMQ priority within the queue: absent = first (plain FIFO), then 1, 2, ... Receipts
   * and confirmations a customer is waiting for jump ahead of notices and marketing.
   */
  priority?: number;
  /** Runs before the job is dead (kept in the failed set for an admin to retry). */
  attempts: number;
  description: string;
}

/** Notices a customer is not actively waiting for. */
const NOTICE_PRIORITY = 5;
/** Marketing: whatever time is left. */
const MARKETING_PRIORITY = 10;
/** About 4 hours of retries with the default backoff (5 s doubling, 15 min cap). */
const EMAIL_ATTEMPTS = 20;

/** Queue, priority and retries of every job. */
export const JOB_CATALOG: Record<JobName, JobDefinition> = {
  [JobName.ORDER_CONFIRMATION_EMAIL]: { queue: QueueName.LIGHT, attempts: EMAIL_ATTEMPTS, description: 'Order placed: summary e-mail.' },
  [JobName.PAYMENT_RECEIPT_EMAIL]: { queue: QueueName.LIGHT, attempts: EMAIL_ATTEMPTS, description: 'Order paid: receipt e-mail.' },
  [JobName.SHIPPING_EMAIL]: { queue: QueueName.LIGHT, attempts: EMAIL_ATTEMPTS, description: 'Order shipped: tracking e-mail.' },
  [JobName.ORDER_CANCELLED_EMAIL]: {
    queue: QueueName.LIGHT,
    priority: NOTICE_PRIORITY,
    attempts: EMAIL_ATTEMPTS,
    description: 'Order cancelled: notice e-mail.',
  },
  [JobName.REFUND_EMAIL]: { queue: QueueName.LIGHT, attempts: EMAIL_ATTEMPTS, description: 'Order refunded: refund e-mail.' },
  [JobName.ENROLLMENT_CONFIRMATION_EMAIL]: {
    queue: QueueName.LIGHT,
    attempts: EMAIL_ATTEMPTS,
    description: 'Seat confirmed in a class: confirmation e-mail.',
  },
  [JobName.WAITLIST_EMAIL]: {
    queue: QueueName.LIGHT,
    priority: NOTICE_PRIORITY,
    attempts: EMAIL_ATTEMPTS,
    description: 'Class full: waitlist notice.',
  },
  [JobName.ENROLLMENT_CANCELLED_EMAIL]: {
    queue: QueueName.LIGHT,
    priority: NOTICE_PRIORITY,
    attempts: EMAIL_ATTEMPTS,
    description: 'Enrollment cancelled: notice e-mail.',
  },
  [JobName.CLASS_REMINDER_EMAIL]: {
    queue: QueueName.LIGHT,
    priority: NOTICE_PRIORITY,
    // A reminder is worthless after the class started: fewer retries.
    attempts: 8,
    description: 'Class reminder, scheduled before the session starts.',
  },
  [JobName.COURSE_COMPLETED_EMAIL]: {
    queue: QueueName.LIGHT,
    priority: NOTICE_PRIORITY,
    attempts: EMAIL_ATTEMPTS,
    description: 'Course completed: certificate e-mail.',
  },
  [JobName.ABANDONED_CART_EMAIL]: {
    queue: QueueName.LIGHT,
    priority: MARKETING_PRIORITY,
    attempts: 5,
    description: 'Cart left untouched: one reminder.',
  },
  [JobName.NIGHTLY_REPORT]: { queue: QueueName.HEAVY, attempts: 5, description: 'Daily sales and enrollment report.' },
  [JobName.ORDER_PARTITION_MAINTENANCE]: {
    queue: QueueName.HEAVY,
    attempts: 5,
    description: 'Asks the orders service to create the partitions of the coming months.',
  },
  [JobName.RETENTION_CLEANUP]: { queue: QueueName.HEAVY, attempts: 3, description: 'Prunes old e-mail log rows and projections.' },
  [JobName.PING]: { queue: QueueName.LIGHT, attempts: 1, description: 'No-op job for smoke checks and benchmarks.' },
};

/**
 * The BullMQ job id for work derived from something with its own id (an event, an
 * enrollment): adding the same work twice then finds the existing job instead of making a
 * second one. BullMQ rejects `:` in custom ids, hence the `.`.
 */
export function jobIdFor(job: JobName, key: string): string {
  return `${job}.${key.replaceAll(':', '_')}`;
}
