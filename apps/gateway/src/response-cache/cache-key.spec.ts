import { Role } from '@mestres/auth';
import { responseCacheKey, stableJson } from './cache-key';

const base = { queryHash: 'abc', operationName: 'Home', variables: { first: 8, after: null } };

describe(responseCacheKey.name, () => {
  it('gives the same key whatever the order of the variables', () => {
    expect(responseCacheKey({ ...base, variables: { after: null, first: 8 }, identity: null })).toBe(responseCacheKey({ ...base, identity: null }));
    expect(stableJson({ b: [1, { d: 1, c: 2 }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":2,"d":1}]}');
  });

  it('shares a key among callers with the same roles, never across role sets', () => {
    const alice = responseCacheKey({ ...base, identity: { userId: 'alice', roles: [Role.CUSTOMER] } });
    const bob = responseCacheKey({ ...base, identity: { userId: 'bob', roles: [Role.CUSTOMER] } });
    const admin = responseCacheKey({ ...base, identity: { userId: 'root', roles: [Role.ADMIN] } });
    const anonymous = responseCacheKey({ ...base, identity: null });
    expect(alice).toBe(bob);
    expect(new Set([alice, admin, anonymous]).size).toBe(3);
  });

  it('differs for other variables or operation names', () => {
    const key = responseCacheKey({ ...base, identity: null });
    expect(responseCacheKey({ ...base, variables: { first: 9, after: null }, identity: null })).not.toBe(key);
    expect(responseCacheKey({ ...base, operationName: 'Other', identity: null })).not.toBe(key);
  });
});
