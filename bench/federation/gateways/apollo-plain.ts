// Gateway (b): a plain @apollo/gateway on @apollo/server's standalone server, with defaults.
// `node -r ./scripts/register-ts.cjs bench/federation/gateways/apollo-plain.ts <supergraph file> <port>`
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

async function main(): Promise<void> {
  const [supergraphFile, port] = process.argv.slice(2);
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphFile, 'utf8') });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
  process.stdout.write(`ready ${url}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
