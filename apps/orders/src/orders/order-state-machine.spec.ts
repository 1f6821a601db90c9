import { assertTransition, canTransition, ORDER_TRANSITIONS } from './order-state-machine';
import { OrderStatus } from './order-status.enum';
import { OrdersError } from './orders.errors';

const ALL = Object.values(OrderStatus);

describe('ORDER_TRANSITIONS', () => {
  it('allows the happy path from checkout to delivery', () => {
    const path = [OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.FULFILLING, OrderStatus.SHIPPED, OrderStatus.DELIVERED];
    for (let i = 1; i < path.length; i += 1) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('treats CANCELLED and REFUNDED as final', () => {
    for (const to of ALL) {
      expect(canTransition(OrderStatus.CANCELLED, to)).toBe(false);
      expect(canTransition(OrderStatus.REFUNDED, to)).toBe(false);
    }
  });

  it('never lets an order go back to an earlier stage or stay where it is', () => {
    const rank = [OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.FULFILLING, OrderStatus.SHIPPED, OrderStatus.DELIVERED];
    for (const from of ALL) {
      for (const to of ORDER_TRANSITIONS[from]) {
        expect(to).not.toBe(from);
        if (rank.includes(from) && rank.includes(to)) expect(rank.indexOf(to)).toBeGreaterThan(rank.indexOf(from));
      }
    }
  });

  it('does not cancel a shipped order (only a refund undoes it)', () => {
    expect(canTransition(OrderStatus.SHIPPED, OrderStatus.CANCELLED)).toBe(false);
    expect(canTransition(OrderStatus.DELIVERED, OrderStatus.CANCELLED)).toBe(false);
  });
});

describe(assertTransition.name, () => {
  it('rejects an invalid transition with a message naming what is allowed', () => {
    expect(() => assertTransition(OrderStatus.SHIPPED, OrderStatus.PAID)).toThrow(OrdersError);
    expect(() => assertTransition(OrderStatus.SHIPPED, OrderStatus.PAID)).toThrow(
      'An order cannot go from SHIPPED to PAID; from SHIPPED it can only go to DELIVERED, REFUNDED.',
    );
    expect(() => assertTransition(OrderStatus.CANCELLED, OrderStatus.PAID)).toThrow(/nothing \(final status\)/);
  });
});
