import { clientIpOf } from './client-ip';

describe(clientIpOf.name, () => {
  const request = (xff?: string) => ({ ip: '10.0.0.5', headers: xff === undefined ? {} : { 'x-forwarded-for': xff } });

  it('uses the socket address when no proxy is trusted, whatever the client sends', () => {
    expect(clientIpOf(request('1.2.3.4'), 0)).toBe('10.0.0.5');
  });

  it('takes the entry the trusted proxy appended, not the ones the client wrote', () => {
    expect(clientIpOf(request('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientIpOf(request('6.6.6.6, 203.0.113.7, 10.1.1.1'), 2)).toBe('203.0.113.7');
  });

  it('falls back to the socket address when the header is missing, short or not an IP', () => {
    expect(clientIpOf(request(), 1)).toBe('10.0.0.5');
    expect(clientIpOf(request('203.0.113.7'), 2)).toBe('10.0.0.5');
    expect(clientIpOf(request('not-an-ip'), 1)).toBe('10.0.0.5');
  });
});
