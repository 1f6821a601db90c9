// A jobs instance in its own process (see scripts/register-ts.cjs), so a test can SIGKILL it the way
// a crash or an OOM kill would: no shutdown hooks, sockets cut, locks left to expire.
import { loadConfig } from '@mestres/config';
import { startTestApp } from '@mestres/testing';
import { AppModule } from '../../src/app.module';
import { jobsConfigSchema } from '../../src/config';

void (async () => {
  const config = loadConfig('jobs', jobsConfigSchema, process.env);
  await startTestApp('jobs', AppModule.forRoot(config));
  process.stdout.write('ready\n');
})().catch((error: unknown) => {
  process.stderr.write(`jobs process failed to start: ${(error as Error).stack}\n`);
  process.exit(1);
});
