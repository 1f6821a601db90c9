import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { GraphQLFloat, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { register } from 'prom-client';
import { Metrics } from '../metrics/metrics';
import { startTracing, type TracingHandle } from '../tracing/start-tracing';
import { GraphqlMetricsPlugin } from './graphql-metrics.plugin';

// Shaped like a @nestjs/graphql code-first schema: plain properties get a resolver named
// `rootFieldResolver`, fields with @ResolveField get their own.
function rootFieldResolver(source: Record<string, unknown>, _args: unknown, _context: unknown, info: { fieldName: string }) {
  return source[info.fieldName];
}

const Product = new GraphQLObjectType({
  name: 'Product',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLString), resolve: rootFieldResolver },
    name: { type: GraphQLString },
    price: { type: GraphQLFloat, resolve: async (product: { cents: number }) => product.cents / 100 },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      products: {
        type: new GraphQLList(Product),
        resolve: () => [
          { id: 'p1', name: 'Catuaí', cents: 4200 },
          { id: 'p2', name: 'Bourbon', cents: 5100 },
        ],
      },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('resolver failed');
        },
      },
    },
  }),
});

describe(GraphqlMetricsPlugin.name, () => {
  let server: ApolloServer;
  let tracing: TracingHandle;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'graphql-plugin-spec' });
    // The plugin is typed against Apollo's ESM typings (what @nestjs/apollo uses); this
    // test runs the CommonJS build, whose identical types TypeScript treats as distinct.
    const plugin = new GraphqlMetricsPlugin(new Metrics()) as unknown as ApolloServerPlugin;
    server = new ApolloServer({ schema, plugins: [plugin] });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await tracing.shutdown();
  });

  it('counts operations by name, type and outcome', async () => {
    await server.executeOperation({ query: 'query ProductList { products { id name price } }' });
    await server.executeOperation({ query: 'query Broken { broken }' });
    await server.executeOperation({ query: '{ products { id } }' });
    const text = await register.metrics();
    expect(text).toContain('mestres_graphql_operations_total{operation="ProductList",type="query",outcome="ok"} 1');
    expect(text).toContain('mestres_graphql_operations_total{operation="Broken",type="query",outcome="error"} 1');
    expect(text).toContain('mestres_graphql_operations_total{operation="anonymous",type="query",outcome="ok"} 1');
    expect(text).toContain('mestres_graphql_operation_duration_seconds_count{operation="ProductList",type="query",outcome="ok"} 1');
  });

  it('counts a document that does not validate as an invalid operation', async () => {
    await server.executeOperation({ query: 'query Nope { doesNotExist }' });
    expect(await register.metrics()).toContain('mestres_graphql_operations_total{operation="invalid",type="unknown",outcome="error"} 1');
  });

  it('times root fields and fields with their own resolver, not property reads', async () => {
    await server.executeOperation({ query: 'query Prices { products { id name price } }' });
    const text = await register.metrics();
    expect(text).toMatch(/mestres_graphql_resolver_duration_seconds_count\{group="Query",field="products"\} \d+/);
    expect(text).toMatch(/mestres_graphql_resolver_duration_seconds_count\{group="Product",field="price"\} \d+/);
    expect(text).not.toContain('group="Product",field="name"');
    expect(text).not.toContain('group="Product",field="id"');
  });

  it('names the request span after the operation', async () => {
    const span = await trace.getTracer('spec').startActiveSpan('POST /graphql', async (requestSpan) => {
      await server.executeOperation({ query: 'query ProductNames { products { name } }' });
      requestSpan.end();
      return requestSpan as unknown as { name: string; attributes: Record<string, unknown> };
    });
    expect(span.name).toBe('query ProductNames');
    expect(span.attributes).toMatchObject({ 'graphql.operation.name': 'ProductNames', 'graphql.operation.type': 'query' });
  });
});
