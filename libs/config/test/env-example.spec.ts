import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { baseSchema, databaseSchema, renderEnvExample } from '@mestres/config';
import { catalogConfigSchema } from '../../../apps/catalog/src/config';
import { coursesConfigSchema } from '../../../apps/courses/src/config';
import { gatewayConfigSchema } from '../../../apps/gateway/src/config';
import { jobsConfigSchema } from '../../../apps/jobs/src/config';
import { ordersConfigSchema } from '../../../apps/orders/src/config';
import { usersConfigSchema } from '../../../apps/users/src/config';

const file = path.resolve(__dirname, '../../../.env.example');

const rendered = renderEnvExample([
  { title: 'every service', schema: baseSchema },
  { title: 'services with a database (DATABASE_URL defaults to postgres://<app>_svc:<app>_local@127.0.0.1:5432/mestres)', schema: databaseSchema('app') },
  { title: 'gateway', schema: gatewayConfigSchema },
  { title: 'catalog', schema: catalogConfigSchema },
  { title: 'orders', schema: ordersConfigSchema },
  { title: 'courses', schema: coursesConfigSchema },
  { title: 'users', schema: usersConfigSchema },
  { title: 'jobs', schema: jobsConfigSchema },
]).replace(/^DATABASE_URL=.*$/m, 'DATABASE_URL=postgres://<app>_svc:<app>_local@127.0.0.1:5432/mestres')
  .replace(/^DATABASE_SCHEMA=.*$/m, 'DATABASE_SCHEMA=<app>');

describe('.env.example', () => {
  it('lists every key every service reads, with its default (regenerate with UPDATE_ENV_EXAMPLE=1)', () => {
    if (process.env.UPDATE_ENV_EXAMPLE) writeFileSync(file, rendered);
    expect(readFileSync(file, 'utf8')).toBe(rendered);
  });
});
