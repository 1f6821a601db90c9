import { describeError } from './describe-error';

describe(describeError.name, () => {
  it('joins the errors of an AggregateError that has no message', () => {
    const error = new AggregateError([new Error('connect ECONNREFUSED ::1:5432'), new Error('connect ECONNREFUSED 127.0.0.1:5432')], '');
    expect(describeError(error)).toBe('connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('keeps the first paragraph of a multi-paragraph message on one line', () => {
    const error = new Error("Nest can't resolve dependencies of the OrdersService (?).\nPlease make sure...\n\nPotential solutions:\n- Is X a module?");
    expect(describeError(error)).toBe("Nest can't resolve dependencies of the OrdersService (?). Please make sure...");
  });

  it('appends the cause', () => {
    expect(describeError(new Error('migration check failed', { cause: new Error('relation "x" does not exist') }))).toBe(
      'migration check failed: relation "x" does not exist',
    );
  });

  it('describes a thrown non-error', () => {
    expect(describeError('nope')).toBe('nope');
  });
});
