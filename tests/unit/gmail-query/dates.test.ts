import { describe, it, expect } from 'vitest';
import {
  fromPacificLocal,
  isPacificDaylightTime,
  pacificMidnight,
  parseDateBound,
  parseRelativeAge,
  relativeAgeBound,
  toPacificLocal,
} from '../../../common/gmail-query';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Offset of Los Angeles from UTC in hours, according to the platform's tz database (test oracle only). */
const pacificHourFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: 'numeric', hourCycle: 'h23' });
function intlPacificHourAtMidnightUtc(ms: number): number {
  const parts = pacificHourFormat.formatToParts(new Date(ms));
  return Number(parts.find((p) => p.type === 'hour')?.value);
}

describe('pacificMidnight: US DST rules (rule 3b)', () => {
  it.each([
    // 2007+ rule: second Sunday of March to first Sunday of November.
    [2024, 3, 10, '2024-03-10T08:00:00.000Z'],
    [2024, 3, 11, '2024-03-11T07:00:00.000Z'],
    [2024, 11, 3, '2024-11-03T07:00:00.000Z'],
    [2024, 11, 4, '2024-11-04T08:00:00.000Z'],
    [2007, 3, 11, '2007-03-11T08:00:00.000Z'],
    [2007, 3, 12, '2007-03-12T07:00:00.000Z'],
    // 1987–2006 rule (the Enron corpus years): first Sunday of April to last Sunday of October.
    [2001, 4, 1, '2001-04-01T08:00:00.000Z'],
    [2001, 4, 2, '2001-04-02T07:00:00.000Z'],
    [2001, 10, 28, '2001-10-28T07:00:00.000Z'],
    [2001, 10, 29, '2001-10-29T08:00:00.000Z'],
    [2006, 4, 2, '2006-04-02T08:00:00.000Z'],
    [2006, 4, 3, '2006-04-03T07:00:00.000Z'],
    [2000, 1, 1, '2000-01-01T08:00:00.000Z'],
    [2000, 7, 4, '2000-07-04T07:00:00.000Z'],
  ])('%i-%i-%i is %s', (y, m, d, expected) => {
    expect(iso(pacificMidnight(y, m, d))).toBe(expected);
  });

  it('agrees with the platform tz database on every day from 1988 to 2035', () => {
    for (let t = Date.UTC(1988, 0, 1); t < Date.UTC(2036, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const midnight = pacificMidnight(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      expect(intlPacificHourAtMidnightUtc(midnight), d.toISOString()).toBe(0);
    }
  });
});

describe('isPacificDaylightTime at the switching instants', () => {
  it('switches on at 02:00 PST and off at 02:00 PDT', () => {
    expect(isPacificDaylightTime(Date.parse('2024-03-10T09:59:59.999Z'))).toBe(false);
    expect(isPacificDaylightTime(Date.parse('2024-03-10T10:00:00.000Z'))).toBe(true);
    expect(isPacificDaylightTime(Date.parse('2024-11-03T08:59:59.999Z'))).toBe(true);
    expect(isPacificDaylightTime(Date.parse('2024-11-03T09:00:00.000Z'))).toBe(false);
  });

  it('converts to and from Los Angeles wall time', () => {
    expect(toPacificLocal(Date.parse('2024-07-01T06:30:00Z'))).toMatchObject({ year: 2024, month: 6, day: 30, hour: 23, minute: 30 });
    const local = { year: 2024, month: 7, day: 1, hour: 9, minute: 15, second: 0, millisecond: 0 };
    expect(iso(fromPacificLocal(local))).toBe('2024-07-01T16:15:00.000Z');
  });

  it('reads a spring-forward gap time as daylight time and an autumn overlap time as standard time', () => {
    expect(iso(fromPacificLocal({ year: 2024, month: 3, day: 10, hour: 2, minute: 30, second: 0, millisecond: 0 }))).toBe('2024-03-10T09:30:00.000Z');
    expect(iso(fromPacificLocal({ year: 2024, month: 11, day: 3, hour: 1, minute: 30, second: 0, millisecond: 0 }))).toBe('2024-11-03T09:30:00.000Z');
  });
});

describe('parseDateBound formats (rule 3c)', () => {
  it.each([
    ['2024/01/05', '2024-01-05T08:00:00.000Z'],
    ['2024/1/5', '2024-01-05T08:00:00.000Z'],
    ['01/05/2024', '2024-01-05T08:00:00.000Z'],
    ['1/5/2024', '2024-01-05T08:00:00.000Z'],
    ['2024-1-5', '2024-01-05T08:00:00.000Z'],
    ['2024-07-04', '2024-07-04T07:00:00.000Z'],
    ['1388552400', '2014-01-01T05:00:00.000Z'],
    ['0', '1970-01-01T00:00:00.000Z'],
  ])('%s', (value, expected) => {
    expect(iso(parseDateBound(value))).toBe(expected);
  });

  it.each(['1700000000000', '2024-08-12T09:00Z', '2024/02/30', '2023/2/29', '13/01/2024', '2024/1', 'yesterday', '', '2024/01/05/', '2024/01-05', '-5', '1.5'])(
    'rejects %j',
    (value) => {
      expect(parseDateBound(value)).toBeNull();
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(iso(parseDateBound('2024/2/29'))).toBe('2024-02-29T08:00:00.000Z');
  });
});

describe('relative ages (rule 3d)', () => {
  it('parses d, m and y only', () => {
    expect(parseRelativeAge('7d')).toEqual({ amount: 7, unit: 'd' });
    expect(parseRelativeAge('2M')).toEqual({ amount: 2, unit: 'm' });
    expect(parseRelativeAge('1y')).toEqual({ amount: 1, unit: 'y' });
    for (const bad of ['2w', '5h', 'd', '1.5d', '-1d', '']) expect(parseRelativeAge(bad), bad).toBeNull();
  });

  it('counts days as 24-hour periods', () => {
    const now = Date.parse('2024-03-11T12:00:00Z');
    expect(iso(relativeAgeBound(now, 2, 'd'))).toBe('2024-03-09T12:00:00.000Z');
  });

  it('counts months on the Los Angeles calendar, clamping to month end and crossing DST', () => {
    // 2024-03-31 05:00 PDT -> 2024-02-29 05:00 PST
    const now = Date.parse('2024-03-31T12:00:00Z');
    expect(iso(relativeAgeBound(now, 1, 'm'))).toBe('2024-02-29T13:00:00.000Z');
    // 2024-01-15 16:00 PST (00:00 UTC next day) -> 2023-12-15 16:00 PST: the local date, not the UTC date, steps back.
    expect(iso(relativeAgeBound(Date.parse('2024-01-16T00:00:00Z'), 1, 'm'))).toBe('2023-12-16T00:00:00.000Z');
  });

  it('counts years on the calendar', () => {
    expect(iso(relativeAgeBound(Date.parse('2024-02-29T20:00:00Z'), 1, 'y'))).toBe('2023-02-28T20:00:00.000Z');
    expect(iso(relativeAgeBound(Date.parse('2024-06-01T20:00:00Z'), 2, 'y'))).toBe('2022-06-01T20:00:00.000Z');
  });
});
