// Runs the four benchmark subgraphs in their own process: `node -r ./scripts/register-ts.cjs
// bench/federation/subgraphs/main.ts <port> [cache-control]`. Prints `ready <port>` once listening.
import { startSubgraphServer } from './subgraph-server';

void startSubgraphServer({ port: Number(process.argv[2] ?? 0), cacheControl: process.argv[3] }).then((server) => {
  process.stdout.write(`ready ${server.port}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
});
