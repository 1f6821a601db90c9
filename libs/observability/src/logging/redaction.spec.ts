import { CENSOR, redactSecrets } from './redaction';

describe(redactSecrets.name, () => {
  it('replaces secrets however deep they sit, leaving other values', () => {
    const input = { a: { b: { c: { d: { e: { f: { password: 'deep-secret', note: 'kept' } } } } } } };
    expect(redactSecrets(input).a.b.c.d.e.f).toEqual({ password: CENSOR, note: 'kept' });
  });

  it('matches keys ignoring case, dashes and underscores', () => {
    const headers = { Authorization: 'Bearer x', 'Set-Cookie': ['sid=1'], api_key: 'k', ACCESS_TOKEN: 't', 'x-request-id': 'r1' };
    expect(redactSecrets(headers)).toEqual({
      Authorization: CENSOR,
      'Set-Cookie': CENSOR,
      api_key: CENSOR,
      ACCESS_TOKEN: CENSOR,
      'x-request-id': 'r1',
    });
  });

  it('searches arrays and objects without a prototype', () => {
    const headers = Object.assign(Object.create(null) as Record<string, unknown>, { cookie: 'sid=1' });
    expect(redactSecrets({ items: [{ cardNumber: '4111111111111111' }, 'plain'], headers })).toEqual({
      items: [{ cardNumber: CENSOR }, 'plain'],
      headers: { cookie: CENSOR },
    });
  });

  it('never modifies the caller’s object', () => {
    const input = { user: { email: 'ana@example.com', password: 'p' } };
    const output = redactSecrets(input);
    expect(input.user.password).toBe('p');
    expect(output.user.password).toBe(CENSOR);
    expect(redactSecrets({ safe: { x: 1 } }).safe).toEqual({ x: 1 });
  });

  it('redacts inside an Error while keeping it an Error with its message', () => {
    const error = Object.assign(new TypeError('request failed'), { config: { headers: { Authorization: 'Basic abc' } } });
    const output = redactSecrets(error);
    expect(output).toBeInstanceOf(TypeError);
    expect(output.message).toBe('request failed');
    expect(output.config.headers.Authorization).toBe(CENSOR);
    expect(error.config.headers.Authorization).toBe('Basic abc');
  });

  it('survives circular references', () => {
    const node: Record<string, unknown> = { token: 't' };
    node.self = node;
    expect(redactSecrets(node).token).toBe(CENSOR);
  });
});
