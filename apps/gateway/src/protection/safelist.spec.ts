import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { Safelist } from './safelist';

const QUERY = 'query Home { products(first: 8) { edges { node { id name } } } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const safelist = Safelist.fromManifest({
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: [{ id: 'whatever-the-tool-wrote', name: 'Home', type: 'query', body: QUERY }],
});

describe(Safelist.name, () => {
  it('allows a registered operation sent in full or by its hash', () => {
    expect(() => safelist.assertAllowed({ query: QUERY })).not.toThrow();
    expect(() => safelist.assertAllowed({ extensions: { persistedQuery: { sha256Hash: sha256(QUERY) } } })).not.toThrow();
  });

  it('refuses any other operation with OPERATION_NOT_IN_SAFELIST', () => {
    let error: unknown;
    try {
      safelist.assertAllowed({ query: '{ __schema { types { name } } }' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OPERATION_NOT_IN_SAFELIST' });
  });

  it('serves registered operations to APQ by hash, and never registers new ones', async () => {
    const cache = safelist.asPersistedQueryCache();
    expect(await cache.get(`apq:${sha256(QUERY)}`)).toBe(QUERY);
    await cache.set(sha256('{ x }'), '{ x }');
    expect(await cache.get(sha256('{ x }'))).toBeUndefined();
  });

  it('rejects a file that is not a persisted query manifest', () => {
    expect(() => Safelist.fromManifest({ operations: [] } as never)).toThrow(/apollo-persisted-query-manifest/);
  });
});
