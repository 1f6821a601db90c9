import { z } from 'zod';

export const UserRegisteredV1 = z
  .object({
    userId: z.string().min(1),
    email: z.email(),
    name: z.string().min(1),
  })
  .meta({ title: 'UserRegisteredV1', description: 'A customer created an account.' });
export type UserRegisteredV1 = z.infer<typeof UserRegisteredV1>;
