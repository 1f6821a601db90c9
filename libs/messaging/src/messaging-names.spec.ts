import { MessagingNames } from './messaging-names';

describe(MessagingNames.name, () => {
  it('leaves names alone without a prefix', () => {
    const names = new MessagingNames();
    expect(names.eventSubject('catalog.product.created.v1')).toBe('catalog.product.created.v1');
    expect(names.eventStream('catalog')).toBe('CATALOG_EVENTS');
    expect(names.eventStreamSubjects('catalog')).toEqual(['catalog.*.*.*']);
    expect(names.deadLetterStream()).toBe('DLQ');
  });

  it('prefixes every subject and stream so environments sharing a server do not meet', () => {
    const names = new MessagingNames('t1a2b');
    expect(names.eventSubject('orders.order.paid.v1')).toBe('t1a2b.orders.order.paid.v1');
    expect(names.rpcSubject('catalog.stock.reserve.v1')).toBe('t1a2b.rpc.catalog.stock.reserve.v1');
    expect(names.deadLetterSubject('courses-projection', 'catalog.product.created.v1')).toBe(
      't1a2b.dlq.courses-projection.catalog.product.created.v1',
    );
    expect(names.deadLetterFilter('courses-projection')).toBe('t1a2b.dlq.courses-projection.>');
    expect(names.deadLetterFilter()).toBe('t1a2b.dlq.>');
    expect(names.eventStream('course-seats')).toBe('t1a2b_COURSE_SEATS_EVENTS');
    expect(names.eventStreamSubjects('orders')).toEqual(['t1a2b.orders.*.*.*']);
    expect(names.deadLetterStream()).toBe('t1a2b_DLQ');
  });

  it('puts requests under rpc. where no event stream subject can match', () => {
    const names = new MessagingNames();
    const [streamSubject] = names.eventStreamSubjects('catalog');
    const matches = (pattern: string, subject: string) => {
      const [p, s] = [pattern.split('.'), subject.split('.')];
      return p.length === s.length && p.every((token, i) => token === '*' || token === s[i]);
    };
    expect(matches(streamSubject, names.eventSubject('catalog.stock.changed.v1'))).toBe(true);
    expect(matches(streamSubject, names.rpcSubject('catalog.stock.reserve.v1'))).toBe(false);
  });

  it('recovers the logical subject of a wire subject, and nothing for a foreign prefix', () => {
    const names = new MessagingNames('t1');
    expect(names.logicalSubject('t1.catalog.stock.changed.v1')).toBe('catalog.stock.changed.v1');
    expect(names.logicalSubject('t2.catalog.stock.changed.v1')).toBeUndefined();
    expect(MessagingNames.contextOf('users.user.registered.v1')).toBe('users');
  });
});
