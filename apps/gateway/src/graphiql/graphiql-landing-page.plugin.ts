import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
// The ESM typings, as @nestjs/apollo (ESM-only) types `plugins` with them.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };

/**
 * Serves GraphiQL at GET /graphql from the locally installed bundle (no CDN), rendered
 * once at startup. Only installed when GraphiQL is enabled (off in production by default).
 */
export function graphiqlLandingPage(exampleQuery: string): ApolloServerPlugin {
  const html = renderGraphiQL({
    title: 'Mestres Café GraphQL',
    endpoint: '/graphql',
    defaultQuery: exampleQuery,
    headerEditorEnabled: true,
  } as Parameters<typeof renderGraphiQL>[0]);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
