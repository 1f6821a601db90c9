const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function dayIn(instant: number, timeZone: string): string {
  // en-CA formats as ISO-like YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** The day before `day` (`YYYY-MM-DD`), calendar arithmetic only. */
export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/** The day a nightly run reports: the day before its scheduled slot, in the shop's zone. */
export function reportedDay(dueAt: number, timeZone: string): string {
  return previousDay(dayIn(dueAt, timeZone));
}

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}
