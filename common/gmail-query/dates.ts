/**
 * Date values of after:/before:/older:/newer: and older_than:/newer_than: (decision table
 * rules 3a–3d). Calendar dates mean midnight in America/Los_Angeles, daylight saving
 * included. The US DST rules are implemented here directly so common/ needs no time-zone
 * data and gives the same answer in every process.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PST_OFFSET_HOURS = 8;
const PDT_OFFSET_HOURS = 7;

export type RelativeUnit = 'd' | 'm' | 'y';

export interface LocalDateTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of month of the n-th (1-based) Sunday of a month, or the last one when n is 'last'. */
function nthSunday(year: number, month: number, n: number | 'last'): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const firstSunday = 1 + ((7 - firstWeekday) % 7);
  if (n !== 'last') return firstSunday + 7 * (n - 1);
  let day = firstSunday;
  while (day + 7 <= daysInMonth(year, month)) day += 7;
  return day;
}

/** Month and day when Pacific daylight time starts and ends in a year (US federal rules since 1976). */
function dstDates(year: number): { start: [number, number]; end: [number, number] } {
  if (year >= 2007) return { start: [3, nthSunday(year, 3, 2)], end: [11, nthSunday(year, 11, 1)] };
  if (year >= 1987) return { start: [4, nthSunday(year, 4, 1)], end: [10, nthSunday(year, 10, 'last')] };
  return { start: [4, nthSunday(year, 4, 'last')], end: [10, nthSunday(year, 10, 'last')] };
}

/** UTC instants at which DST starts (02:00 PST) and ends (02:00 PDT) in a year. */
function dstInstants(year: number): { start: number; end: number } {
  const { start, end } = dstDates(year);
  return {
    start: Date.UTC(year, start[0] - 1, start[1], 2 + PST_OFFSET_HOURS),
    end: Date.UTC(year, end[0] - 1, end[1], 2 + PDT_OFFSET_HOURS),
  };
}

export function isPacificDaylightTime(epochMs: number): boolean {
  const year = new Date(epochMs).getUTCFullYear();
  const { start, end } = dstInstants(year);
  return epochMs >= start && epochMs < end;
}

/** Hours Los Angeles is behind UTC at an instant: 8 or 7. */
export function pacificOffsetHours(epochMs: number): number {
  return isPacificDaylightTime(epochMs) ? PDT_OFFSET_HOURS : PST_OFFSET_HOURS;
}

export function toPacificLocal(epochMs: number): LocalDateTime {
  const d = new Date(epochMs - pacificOffsetHours(epochMs) * HOUR);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/**
 * The instant of a Los Angeles wall-clock time. In the spring-forward gap the time is read
 * as daylight time; in the autumn overlap the later (standard-time) reading wins. Midnight,
 * which is all calendar dates need, is never in either.
 */
export function fromPacificLocal(t: LocalDateTime): number {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
  const asStandard = wall + PST_OFFSET_HOURS * HOUR;
  return isPacificDaylightTime(asStandard) ? wall + PDT_OFFSET_HOURS * HOUR : asStandard;
}

export function pacificMidnight(year: number, month: number, day: number): number {
  return fromPacificLocal({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 });
}

function validCalendarDate(year: number, month: number, day: number): boolean {
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Epoch seconds longer than this are taken for milliseconds, which Gmail does not accept (rule 3c). */
const MAX_EPOCH_SECONDS_DIGITS = 11;

/**
 * Parses an after:/before: value to an instant (epoch ms), or null when Gmail would not
 * understand it: `YYYY/M/D`, `M/D/YYYY`, `YYYY-M-D` (midnight Los Angeles) and epoch seconds.
 */
export function parseDateBound(value: string): number | null {
  const v = value.trim();
  if (/^\d+$/.test(v)) return v.length <= MAX_EPOCH_SECONDS_DIGITS ? Number(v) * 1000 : null;
  let m = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/.exec(v);
  if (m) return calendarBound(Number(m[1]), Number(m[3]), Number(m[4]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m) return calendarBound(Number(m[3]), Number(m[1]), Number(m[2]));
  return null;
}

function calendarBound(year: number, month: number, day: number): number | null {
  return validCalendarDate(year, month, day) ? pacificMidnight(year, month, day) : null;
}

/** Parses an older_than:/newer_than: value (`<int>` + d, m or y), or null for anything else (rule 3d). */
export function parseRelativeAge(value: string): { amount: number; unit: RelativeUnit } | null {
  const m = /^(\d{1,6})([dmy])$/i.exec(value.trim());
  if (!m) return null;
  return { amount: Number(m[1]), unit: (m[2] ?? 'd').toLowerCase() as RelativeUnit };
}

/**
 * The instant `amount` units before `now`. Days are exact 24-hour periods; months and
 * years are calendar steps on the Los Angeles wall clock, clamped to the month's last day.
 */
export function relativeAgeBound(now: number, amount: number, unit: RelativeUnit): number {
  if (unit === 'd') return now - amount * DAY;
  const local = toPacificLocal(now);
  const monthsBack = unit === 'm' ? amount : amount * 12;
  const monthIndex = local.year * 12 + (local.month - 1) - monthsBack;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(local.day, daysInMonth(year, month));
  return fromPacificLocal({ ...local, year, month, day });
}
