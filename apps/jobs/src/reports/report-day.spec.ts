import { isDay, previousDay, reportedDay } from './report-day';

describe(reportedDay.name, () => {
  it('reports the previous day in the shop time zone', () => {
    // 02:30 in São Paulo on 15 March is 05:30 UTC.
    expect(reportedDay(Date.parse('2026-03-15T05:30:00Z'), 'America/Sao_Paulo')).toBe('2026-03-14');
  });

  it('uses the local date even when UTC is already on the next day', () => {
    // 23:30 on 14 March in São Paulo is 02:30 UTC on the 15th: the run reports the 13th.
    expect(reportedDay(Date.parse('2026-03-15T02:30:00Z'), 'America/Sao_Paulo')).toBe('2026-03-13');
  });
});

describe(previousDay.name, () => {
  it('crosses month and year boundaries', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2026-01-01')).toBe('2025-12-31');
  });
});

describe(isDay.name, () => {
  it('accepts calendar dates and rejects impossible ones', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('28/02/2026')).toBe(false);
  });
});
