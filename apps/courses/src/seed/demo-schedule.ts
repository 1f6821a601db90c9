import { DEMO_CLASSES } from './demo-courses';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** São Paulo has been UTC-3 all year since 2019. */
const SAO_PAULO_OFFSET_HOURS = -3;

/**
 * When the seed schedules a class: `daysFromNow` days after today (São Paulo time), at the
 * class's start hour, on consecutive days until the course's hours are covered.
 */
export function demoSchedule(code: (typeof DEMO_CLASSES)[number]['code'], durationMinutes: number, now: Date): { startsAt: Date; endsAt: Date } {
  const slot = DEMO_CLASSES.find((candidate) => candidate.code === code);
  if (!slot) throw new Error(`unknown demo class ${code}`);
  const local = new Date(now.getTime() + SAO_PAULO_OFFSET_HOURS * HOUR);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let day = midnight + slot.daysFromNow * DAY;
  if (slot.saturday) day += ((6 - new Date(day).getUTCDay() + 7) % 7) * DAY;
  const startsAt = new Date(day + (slot.startHour - SAO_PAULO_OFFSET_HOURS) * HOUR);
  const days = Math.ceil(durationMinutes / 60 / slot.hoursPerDay);
  const endsAt = new Date(startsAt.getTime() + (days - 1) * DAY + slot.hoursPerDay * HOUR);
  return { startsAt, endsAt };
}
