import { dedupeRepresentations, expandEntities } from './entity-dedupe';

describe(dedupeRepresentations.name, () => {
  it('sends each distinct representation once and remembers where each came from', () => {
    const deduped = dedupeRepresentations([
      { __typename: 'Product', upc: '1' },
      { __typename: 'Product', upc: '2' },
      { __typename: 'Product', upc: '1' },
    ]);
    expect(deduped).toEqual({ representations: [{ __typename: 'Product', upc: '1' }, { __typename: 'Product', upc: '2' }], positions: [0, 1, 0] });
  });

  it('tells apart representations that differ in a nested value or only in type', () => {
    const deduped = dedupeRepresentations([
      { __typename: 'Product', key: { id: 1 }, price: 1 },
      { __typename: 'Product', key: { id: 2 }, price: 1 },
      { __typename: 'Product', key: { id: 1 }, price: '1' },
      { __typename: 'Product', key: { id: 1 }, price: 1 },
    ]);
    expect(deduped?.positions).toEqual([0, 1, 2, 0]);
  });

  it('leaves lists without duplicates alone', () => {
    expect(dedupeRepresentations([{ upc: '1' }, { upc: '2' }])).toBeUndefined();
    expect(dedupeRepresentations(undefined)).toBeUndefined();
  });
});

describe(expandEntities.name, () => {
  it('answers every original position, in order, and repeats entity errors for each', () => {
    const expanded = expandEntities(
      {
        data: { _entities: [{ name: 'Table' }, null] },
        errors: [{ message: 'boom', path: ['_entities', 1, 'name'] }, { message: 'other' }],
      },
      { representations: [{}, {}], positions: [0, 1, 0, 1] },
    );
    expect(expanded.data?._entities).toEqual([{ name: 'Table' }, null, { name: 'Table' }, null]);
    expect(expanded.errors?.map((error) => error.path)).toEqual([
      ['_entities', 1, 'name'],
      ['_entities', 3, 'name'],
      undefined,
    ]);
  });
});
