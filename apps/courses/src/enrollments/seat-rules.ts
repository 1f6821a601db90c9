/**
 * The seat rules, free of I/O. A request for `seats` seats is confirmed when it fits in the
 * free seats; otherwise it waits. When seats free up, waiting requests are confirmed in
 * arrival order, each one that fits (so a group of three never blocks a single student behind
 * it, and with one seat per request the waitlist is strictly first come, first served).
 */
export function fits(capacity: number, seatsTaken: number, seats: number): boolean {
  return seatsTaken + seats <= capacity;
}

/** The waiting requests to confirm, in order, given the class's free seats. */
export function promotions<T extends { seats: number }>(capacity: number, seatsTaken: number, waitlist: readonly T[]): T[] {
  let free = capacity - seatsTaken;
  const promoted: T[] = [];
  for (const request of waitlist) {
    if (request.seats <= free) {
      promoted.push(request);
      free -= request.seats;
    }
  }
  return promoted;
}
