import { randomUUID } from 'node:crypto';
import { Role, type CallerIdentity } from '@mestres/auth';

/** A signed-in caller as the gateway would forward it. */
export const aCustomer = (): CallerIdentity => ({ userId: randomUUID(), roles: [Role.CUSTOMER] });
export const anAdmin = (): CallerIdentity => ({ userId: randomUUID(), roles: [Role.ADMIN] });
export const anInstructor = (): CallerIdentity => ({ userId: randomUUID(), roles: [Role.INSTRUCTOR] });
