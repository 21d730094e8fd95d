/**
 * Dates, times, counts and sizes for the active locale, all through Intl (12- or 24-hour as
 * the locale prefers). Formatters are cached per locale: building one costs far more than
 * using it, and the list formats a date per row.
 */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  const key = `r|${locale}`;
  let format = cache.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

function validDate(timestamp: number): Date | null {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** True when the locale's clock runs 0-23 (en-GB, de), false for AM/PM (en-US, ko). */
function uses24Hour(locale: string): boolean {
  const cycle = dateFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h23' || cycle === 'h24';
}

interface DateFormats {
  readonly time: Intl.DateTimeFormat;
  readonly monthDay: Intl.DateTimeFormat;
  readonly numericDate: Intl.DateTimeFormat;
  readonly full: Intl.DateTimeFormat;
}

const dateFormats = new Map<string, DateFormats>();

/** The four date shapes the mail UI uses, built once per locale (the list asks per row). */
function formatsFor(locale: string): DateFormats {
  let formats = dateFormats.get(locale);
  if (formats) return formats;
  // A 24-hour clock reads "06:39", as Gmail writes it; AM/PM clocks don't pad the hour.
  const hour = uses24Hour(locale) ? '2-digit' : 'numeric';
  // Gmail's US English alone writes the year in two digits.
  const year = locale === 'en-US' || locale === 'en' ? '2-digit' : 'numeric';
  formats = {
    time: dateFormat(locale, { hour, minute: '2-digit' }),
    monthDay: dateFormat(locale, { month: 'short', day: 'numeric' }),
    numericDate: dateFormat(locale, { year, month: 'numeric', day: 'numeric' }),
    full: dateFormat(locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour, minute: '2-digit' }),
  };
  dateFormats.set(locale, formats);
  return formats;
}

/** "3:05 PM", "오후 3:05", "06:39" (en-GB): the locale's own clock. */
export function formatTime(timestamp: number, locale: string): string {
  const date = validDate(timestamp);
  return date ? formatsFor(locale).time.format(date) : '';
}

/**
 * The list column's date as Gmail shows it in that language: today the time ("3:05 PM",
 * "오후 3:05"), this year month and day ("Oct 19", "10월 19일"), older the short numeric
 * date ("10/19/25", "2025. 10. 19."). `now` is injectable so the rule is testable.
 */
export function formatListDate(timestamp: number, locale: string, now: Date = new Date()): string {
  const date = validDate(timestamp);
  if (!date) return '';
  const formats = formatsFor(locale);
  const sameYear = date.getFullYear() === now.getFullYear();
  if (sameYear && date.getMonth() === now.getMonth() && date.getDate() === now.getDate()) return formats.time.format(date);
  return (sameYear ? formats.monthDay : formats.numericDate).format(date);
}

/** The reading pane's date: "Mon, Oct 19, 2026, 3:05 PM", "2026년 10월 19일 (월) 오후 3:05". */
export function formatFullDate(timestamp: number, locale: string): string {
  const date = validDate(timestamp);
  return date ? formatsFor(locale).full.format(date) : '';
}

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 minutes ago", "3분 전", "now" / "지금": how long ago (or until) a moment is. */
export function formatRelative(timestamp: number, locale: string, now: number = Date.now()): string {
  if (!Number.isFinite(timestamp)) return '';
  let value = (timestamp - now) / 1000;
  // Under a minute reads as "now": seconds ticking by would only distract.
  if (Math.abs(value) < 45) return relativeFormat(locale).format(0, 'second');
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size || unit === 'year') return relativeFormat(locale).format(Math.round(value), unit);
    value /= size;
  }
  return '';
}

/** "1,234" with the locale's digits and grouping. */
export function formatCount(n: number, locale: string): string {
  return Number.isFinite(n) ? numberFormat(locale).format(Math.round(n)) : '';
}

const SIZE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "912B", "14 kB", "2.4 MB" (1024-based, as file managers show), in the locale's numbers. */
export function formatSize(bytes: number, locale: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return numberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'narrow' }).format(Math.round(bytes));
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value >= 10 ? 0 : 1;
  return numberFormat(locale, { style: 'unit', unit: SIZE_UNITS[unit], unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}
