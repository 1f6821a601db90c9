import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph, CompositionFailedError } from '../../src/supergraph/compose-supergraph';
import { composeCommittedSubgraphs, repositoryRoot, subgraphSchemaFile, SUPERGRAPH_FILE } from '../../src/supergraph/supergraph-files';
import { SUBGRAPHS } from '../../src/supergraph/subgraphs';

const root = repositoryRoot();
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('static supergraph', () => {
  it('is what composing the committed subgraph schemas produces (run `npm run compose` when this fails)', () => {
    expect(read(SUPERGRAPH_FILE)).toBe(composeCommittedSubgraphs(root));
  });

  it.each(SUBGRAPHS.map(({ name }) => name))('declares the %s subgraph as Federation 2', (name) => {
    expect(read(subgraphSchemaFile(name))).toMatch(/extend schema\s+@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
  });

  it('keeps the entity keys the subgraphs declare', () => {
    expect(read(subgraphSchemaFile('catalog'))).toMatch(/type Product @key\(fields: "id"\)/);
    expect(read(subgraphSchemaFile('catalog'))).toMatch(/type ProductVariant @key\(fields: "sku"\)/);
    expect(read(subgraphSchemaFile('users'))).toMatch(/type User @key\(fields: "id"\)/);
    const supergraph = read(SUPERGRAPH_FILE);
    expect(supergraph).toMatch(/@join__type\(graph: CATALOG, key: "id"\)/);
    expect(supergraph).toMatch(/@join__type\(graph: COURSES, key: "id"\)/);
    expect(supergraph).toMatch(/@join__type\(graph: USERS, key: "id"\)/);
  });

  it('reports composition errors instead of writing a broken supergraph', () => {
    const conflicting = [
      { name: 'a', url: 'http://a/graphql', sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) type Query { price: Int }' },
      { name: 'b', url: 'http://b/graphql', sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"]) type Query { price: String }' },
    ];
    expect(() => composeSupergraph(conflicting)).toThrow(CompositionFailedError);
  });
});
