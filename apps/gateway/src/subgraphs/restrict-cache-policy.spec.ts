import { restrictCachePolicy } from './subgraph-data-source';

function policy() {
  const hints: Array<{ maxAge?: number; scope?: string }> = [];
  return { hints, restrict: (hint: { maxAge?: number; scope?: string }) => hints.push(hint) };
}

describe(restrictCachePolicy.name, () => {
  it('passes on the max-age and scope a subgraph sends', () => {
    const target = policy();
    restrictCachePolicy(target as never, 'max-age=60, public');
    restrictCachePolicy(target as never, 'private, max-age=5');
    expect(target.hints).toEqual([
      { maxAge: 60, scope: 'PUBLIC' },
      { maxAge: 5, scope: 'PRIVATE' },
    ]);
  });

  it('makes a response without max-age uncacheable', () => {
    const target = policy();
    restrictCachePolicy(target as never, undefined);
    restrictCachePolicy(target as never, 'no-store');
    expect(target.hints).toEqual([{ maxAge: 0 }, { maxAge: 0 }]);
  });
});
