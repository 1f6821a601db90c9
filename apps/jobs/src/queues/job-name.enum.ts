/** Every kind of job; the payload of each is in `JobPayloads`, its queue and retries in `JOB_CATALOG`. */
export enum JobName {
  ORDER_CONFIRMATION_EMAIL = 'order-confirmation-email',
  PAYMENT_RECEIPT_EMAIL = 'payment-receipt-email',
  SHIPPING_EMAIL = 'shipping-email',
  ORDER_CANCELLED_EMAIL = 'order-cancelled-email',
  REFUND_EMAIL = 'refund-email',
  ENROLLMENT_CONFIRMATION_EMAIL = 'enrollment-confirmation-email',
  WAITLIST_EMAIL = 'waitlist-email',
  ENROLLMENT_CANCELLED_EMAIL = 'enrollment-cancelled-email',
  CLASS_REMINDER_EMAIL = 'class-reminder-email',
  COURSE_COMPLETED_EMAIL = 'course-completed-email',
  ABANDONED_CART_EMAIL = 'abandoned-cart-email',
  NIGHTLY_REPORT = 'nightly-report',
  ORDER_PARTITION_MAINTENANCE = 'order-partition-maintenance',
  RETENTION_CLEANUP = 'retention-cleanup',
  /** Does nothing: smoke checks and the throughput benchmark. */
  PING = 'ping',
}

export const JOB_NAMES: readonly JobName[] = Object.values(JobName);

export function isJobName(value: string): value is JobName {
  return (JOB_NAMES as readonly string[]).includes(value);
}
