import { fits, promotions } from './seat-rules';

describe('seat rules', () => {
  it('confirms a request that fits exactly and refuses one seat more', () => {
    expect(fits(10, 9, 1)).toBe(true);
    expect(fits(10, 9, 2)).toBe(false);
    expect(fits(10, 10, 1)).toBe(false);
  });

  it('promotes single-seat requests strictly in arrival order, as many as seats freed', () => {
    const waitlist = [{ id: 'a', seats: 1 }, { id: 'b', seats: 1 }, { id: 'c', seats: 1 }];
    expect(promotions(5, 3, waitlist).map((request) => request.id)).toEqual(['a', 'b']);
  });

  it('lets a smaller request behind a group that does not fit take the seat', () => {
    const waitlist = [{ id: 'group', seats: 3 }, { id: 'single', seats: 1 }, { id: 'pair', seats: 2 }];
    expect(promotions(5, 3, waitlist).map((request) => request.id)).toEqual(['single']);
  });

  it('promotes nobody when no seat is free', () => {
    expect(promotions(4, 4, [{ seats: 1 }])).toEqual([]);
  });
});
