import type { JobName } from './job-name.enum';

/** One line of an order as an e-mail lists it. */
export interface OrderEmailLine {
  name: string;
  quantity: number;
  unitPriceCents: number;
}

/** What every order e-mail needs; the recipient is looked up by `userId` when the job runs. */
export interface OrderEmailPayload {
  userId: string;
  orderId: string;
  /** Short human-facing reference, e.g. `#0193A1B2`. */
  orderNumber: string;
  totalCents: number;
  currency: string;
  lines: OrderEmailLine[];
}

export interface OrderConfirmationPayload extends OrderEmailPayload {
  /** Unpaid orders are cancelled after this. */
  paymentExpiresAt: string;
}

export interface PaymentReceiptPayload extends OrderEmailPayload {
  paidAt: string;
}

export interface ShippingEmailPayload {
  userId: string;
  orderId: string;
  orderNumber: string;
  trackingCode: string;
}

export interface OrderCancelledEmailPayload {
  userId: string;
  orderId: string;
  orderNumber: string;
  /** For people, from the orders service ("pagamento recusado", an admin note...). */
  reason: string;
  refundedCents: number;
  currency: string;
}

export interface RefundEmailPayload {
  userId: string;
  orderId: string;
  orderNumber: string;
  amountCents: number;
  fullyRefunded: boolean;
  currency: string;
}

/** A class enrollment as e-mails describe it (copied from the courses events). */
export interface EnrollmentEmailPayload {
  userId: string;
  enrollmentId: string;
  courseTitle: string;
  courseSlug: string;
  sessionId: string;
  sessionStartsAt: string;
  sessionEndsAt: string;
  format: 'IN_PERSON' | 'ONLINE';
  location: string | null;
}

export interface WaitlistEmailPayload extends EnrollmentEmailPayload {
  waitlistPosition: number;
}

export interface EnrollmentCancelledEmailPayload extends EnrollmentEmailPayload {
  reason: 'ORDER_CANCELLED' | 'ORDER_REFUNDED';
}

export interface CourseCompletedEmailPayload {
  userId: string;
  courseTitle: string;
  courseSlug: string;
  certificateCode: string;
}

export interface AbandonedCartPayload {
  userId: string;
  cartId: string;
  /** When the cart last changed; a reminder for an older state is dropped. */
  cartUpdatedAt: string;
}

export interface NightlyReportPayload {
  /** Day to report (`YYYY-MM-DD` in REPORT_TIME_ZONE); absent: the day before the scheduled run. */
  date?: string;
}

export type EmptyPayload = Record<string, never>;

export interface PingPayload {
  /** Epoch ms when enqueued. */
  sentAt: number;
}

/** The payload of each job, so producers and processors are type-checked against each other. */
export interface JobPayloads {
  [JobName.ORDER_CONFIRMATION_EMAIL]: OrderConfirmationPayload;
  [JobName.PAYMENT_RECEIPT_EMAIL]: PaymentReceiptPayload;
  [JobName.SHIPPING_EMAIL]: ShippingEmailPayload;
  [JobName.ORDER_CANCELLED_EMAIL]: OrderCancelledEmailPayload;
  [JobName.REFUND_EMAIL]: RefundEmailPayload;
  [JobName.ENROLLMENT_CONFIRMATION_EMAIL]: EnrollmentEmailPayload;
  [JobName.WAITLIST_EMAIL]: WaitlistEmailPayload;
  [JobName.ENROLLMENT_CANCELLED_EMAIL]: EnrollmentCancelledEmailPayload;
  [JobName.CLASS_REMINDER_EMAIL]: EnrollmentEmailPayload;
  [JobName.COURSE_COMPLETED_EMAIL]: CourseCompletedEmailPayload;
  [JobName.ABANDONED_CART_EMAIL]: AbandonedCartPayload;
  [JobName.NIGHTLY_REPORT]: NightlyReportPayload;
  [JobName.ORDER_PARTITION_MAINTENANCE]: EmptyPayload;
  [JobName.RETENTION_CLEANUP]: EmptyPayload;
  [JobName.PING]: PingPayload;
}
