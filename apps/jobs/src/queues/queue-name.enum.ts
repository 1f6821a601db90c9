/**
 * Queues by weight and urgency, as the origin design routes Celery tasks: `light` for
 * short, urgent work (e-mails and notices) with many concurrent jobs per replica, `heavy`
 * for long, resource-hungry work (reports, maintenance) with few, so a report never
 * holds up a payment receipt.
 */
export enum QueueName {
  LIGHT = 'light',
  HEAVY = 'heavy',
}

export const QUEUE_NAMES: readonly QueueName[] = Object.values(QueueName);
