import { MESSAGING_DEFAULTS } from '../messaging.options';
import { groupConsumers } from './consumer-groups';
import type { EventHandlerMetadata } from './on-event.decorator';

const defaults = { ...MESSAGING_DEFAULTS.consumers, backoffMs: [...MESSAGING_DEFAULTS.consumers.backoffMs] };
const handler = (name: string, ...metadata: EventHandlerMetadata[]) => ({ name, metadata, call: () => undefined });

describe('groupConsumers', () => {
  it('makes one consumer per name and stream, so a projection sees its subjects in order', () => {
    const specs = groupConsumers(
      [
        handler('Projection.created', { subject: 'catalog.product.created.v1', consumer: 'projection' }),
        handler('Projection.updated', { subject: 'catalog.product.updated.v1', consumer: 'projection', maxDeliver: 9 }),
        handler('Welcome.registered', { subject: 'users.user.registered.v1', consumer: 'projection' }),
      ],
      defaults,
    );
    expect(specs.map((spec) => [spec.consumer, spec.context, [...spec.routes.keys()], spec.maxDeliver])).toEqual([
      ['projection', 'catalog', ['catalog.product.created.v1', 'catalog.product.updated.v1'], 9],
      ['projection', 'users', ['users.user.registered.v1'], defaults.maxDeliver],
    ]);
  });

  it('rejects two handlers for one subject in one consumer', () => {
    expect(() =>
      groupConsumers(
        [
          handler('A.on', { subject: 'catalog.stock.changed.v1', consumer: 'stock' }),
          handler('B.on', { subject: 'catalog.stock.changed.v1', consumer: 'stock' }),
        ],
        defaults,
      ),
    ).toThrow('B.on and A.on both handle catalog.stock.changed.v1 for consumer stock');
  });

  it('rejects conflicting retry settings and names that cannot be subjects', () => {
    expect(() =>
      groupConsumers(
        [
          handler('A.on', { subject: 'catalog.stock.changed.v1', consumer: 'stock', maxDeliver: 3 }),
          handler('A.out', { subject: 'catalog.stock.out-of-stock.v1', consumer: 'stock', maxDeliver: 4 }),
        ],
        defaults,
      ),
    ).toThrow('handlers disagree on maxDeliver');
    expect(() => groupConsumers([handler('A.on', { subject: 'catalog.stock.changed.v1', consumer: 'stock.v2' })], defaults)).toThrow(
      'must match',
    );
  });
});
