import { demoUserId, uuidV5 } from './stable-id';

describe(uuidV5.name, () => {
  it('matches the RFC 9562 example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the same demo user id whatever the case of the email', () => {
    expect(demoUserId('Instrutor@Mestres.Cafe')).toBe(demoUserId('instrutor@mestres.cafe'));
    expect(demoUserId('instrutor@mestres.cafe')).not.toBe(demoUserId('admin@mestres.cafe'));
  });
});
