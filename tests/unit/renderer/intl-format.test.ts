import { describe, expect, it } from 'vitest';
import { formatCount, formatFullDate, formatListDate, formatRelative, formatSize, formatTime } from '../../../renderer/src/lib/intl-format';

// Intl writes a narrow no-break space before AM/PM; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatListDate, as Gmail shows the list in each language', () => {
  const now = new Date(2026, 9, 20, 16, 0); // 20 Oct 2026, local time
  const today = new Date(2026, 9, 20, 15, 5).getTime();
  const thisYear = new Date(2026, 9, 19, 8, 0).getTime();
  const older = new Date(2025, 9, 19, 8, 0).getTime();

  it('Korean: 오후 3:05, 10월 19일, 2025. 10. 19.', () => {
    expect(formatListDate(today, 'ko-KR', now)).toBe('오후 3:05');
    expect(formatListDate(thisYear, 'ko-KR', now)).toBe('10월 19일');
    expect(formatListDate(older, 'ko-KR', now)).toBe('2025. 10. 19.');
  });
  it('US English: 3:05 PM, Oct 19, 10/19/25', () => {
    expect(plain(formatListDate(today, 'en-US', now))).toBe('3:05 PM');
    expect(formatListDate(thisYear, 'en-US', now)).toBe('Oct 19');
    expect(formatListDate(older, 'en-US', now)).toBe('10/19/25');
  });
  it('British English keeps its 24-hour clock and day-first dates', () => {
    expect(formatListDate(today, 'en-GB', now)).toBe('15:05');
    expect(formatListDate(thisYear, 'en-GB', now)).toBe('19 Oct');
    expect(formatListDate(older, 'en-GB', now)).toBe('19/10/2025');
  });
  it('a future year is not "this year"; an invalid date is empty', () => {
    expect(formatListDate(new Date(2028, 0, 4).getTime(), 'ko-KR', now)).toBe('2028. 1. 4.');
    expect(formatListDate(Number.NaN, 'ko-KR', now)).toBe('');
  });
});

describe('times and full dates follow the locale clock', () => {
  const morning = new Date(2026, 9, 19, 6, 39).getTime();
  it('formats the time 12- or 24-hour as the locale prefers', () => {
    expect(formatTime(morning, 'ko-KR')).toBe('오전 6:39');
    expect(plain(formatTime(morning, 'en-US'))).toBe('6:39 AM');
    expect(formatTime(morning, 'en-GB')).toBe('06:39');
  });
  it('formats the reading pane date with the weekday', () => {
    expect(formatFullDate(morning, 'ko-KR')).toBe('2026년 10월 19일 (월) 오전 6:39');
    expect(plain(formatFullDate(morning, 'en-US'))).toBe('Mon, Oct 19, 2026, 6:39 AM');
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2026, 9, 20, 12, 0);
  it.each([
    [now - 3 * 60_000, '3분 전', '3 minutes ago'],
    [now - 10_000, '지금', 'now'],
    [now - 2 * 3600_000, '2시간 전', '2 hours ago'],
    [now - 26 * 3600_000, '어제', 'yesterday'],
    [now + 5 * 60_000, '5분 후', 'in 5 minutes'],
  ])('%s', (at, ko, en) => {
    expect(formatRelative(at, 'ko-KR', now)).toBe(ko);
    expect(formatRelative(at, 'en-US', now)).toBe(en);
  });
});

describe('counts and sizes', () => {
  it('groups digits as the locale does', () => {
    expect(formatCount(1234567, 'ko-KR')).toBe('1,234,567');
    expect(formatCount(1234567, 'de-DE')).toBe('1.234.567');
    expect(formatCount(12.6, 'en-US')).toBe('13');
  });
  it('writes 1024-based sizes with the locale unit and decimal', () => {
    expect(formatSize(912, 'en-US')).toBe('912B');
    expect(formatSize(1536, 'en-US')).toBe('1.5 kB');
    expect(formatSize(14 * 1024 + 100, 'ko-KR')).toBe('14kB');
    expect(formatSize(2.4 * 1024 * 1024, 'de-DE')).toBe('2,4 MB');
    expect(formatSize(-1, 'en-US')).toBe('');
  });
});
