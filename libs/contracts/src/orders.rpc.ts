import { z } from 'zod';

export const EnsureOrderPartitionsRequestV1 = z
  .object({
    monthsAhead: z
      .number()
      .int()
      .min(0)
      .max(24)
      .optional()
      .describe('Months after the current one to have partitions for; the service default when omitted'),
  })
  .meta({ title: 'EnsureOrderPartitionsRequestV1', description: 'Create the monthly order partitions that do not exist yet.' });
export type EnsureOrderPartitionsRequestV1 = z.infer<typeof EnsureOrderPartitionsRequestV1>;

export const EnsureOrderPartitionsResponseV1 = z
  .object({
    created: z.array(z.string().min(1)).describe('Partitions created by this call (empty when all existed)'),
    monthsAhead: z.number().int().nonnegative(),
  })
  .meta({ title: 'EnsureOrderPartitionsResponseV1', description: 'What the maintenance run created. Idempotent.' });
export type EnsureOrderPartitionsResponseV1 = z.infer<typeof EnsureOrderPartitionsResponseV1>;
