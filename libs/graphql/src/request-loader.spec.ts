import { alignToKeys, requestLoader } from '@mestres/graphql';

describe('requestLoader', () => {
  it('batches every key of one request into a single call and keeps requests apart', async () => {
    const calls: string[][] = [];
    const batch = async (keys: readonly string[]) => {
      calls.push([...keys]);
      return keys.map((key) => key.toUpperCase());
    };
    const requestA = {};
    const requestB = {};
    const results = await Promise.all([
      requestLoader(requestA, 'products', batch).load('v60'),
      requestLoader(requestA, 'products', batch).load('chemex'),
      requestLoader(requestB, 'products', batch).load('aeropress'),
    ]);
    expect(results).toEqual(['V60', 'CHEMEX', 'AEROPRESS']);
    expect(calls).toEqual([['v60', 'chemex'], ['aeropress']]);
  });
});

describe('alignToKeys', () => {
  it('returns rows in key order with null for missing keys', () => {
    const rows = [{ id: 'b' }, { id: 'a' }];
    expect(alignToKeys(['a', 'x', 'b'], rows, (row) => row.id)).toEqual([{ id: 'a' }, null, { id: 'b' }]);
  });
});
