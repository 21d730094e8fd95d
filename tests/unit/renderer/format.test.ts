import { describe, expect, it } from 'vitest';
import {
  avatarHue,
  displayName,
  formatCount,
  formatEta,
  formatListDate,
  formatSize,
  initialsFor,
  participantsLabel,
} from '../../../renderer/src/lib/format';

describe('formatListDate', () => {
  const now = new Date(2026, 10, 25, 15, 30); // 25 Nov 2026, local time
  it('shows the time for today', () => {
    expect(formatListDate(new Date(2026, 10, 25, 9, 5).getTime(), now)).toBe('09:05');
    expect(formatListDate(new Date(2026, 10, 25, 0, 0).getTime(), now)).toBe('00:00');
  });
  it('shows day and month earlier this year', () => {
    expect(formatListDate(new Date(2026, 10, 24, 23, 59).getTime(), now)).toBe('24 Nov');
    expect(formatListDate(new Date(2026, 0, 1, 0, 0).getTime(), now)).toBe('1 Jan');
  });
  it('shows the full date for other years, past or future', () => {
    expect(formatListDate(new Date(2025, 11, 31, 23, 0).getTime(), now)).toBe('31 Dec 2025');
    expect(formatListDate(new Date(2001, 9, 29).getTime(), now)).toBe('29 Oct 2001');
    expect(formatListDate(new Date(2028, 9, 4).getTime(), now)).toBe('4 Oct 2028');
  });
  it('is empty for an invalid date', () => {
    expect(formatListDate(Number.NaN, now)).toBe('');
  });
});

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [912, '912 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [14 * 1024 + 100, '14 KB'],
    [2.4 * 1024 * 1024, '2.4 MB'],
    [3 * 1024 ** 3, '3 GB'],
  ])('%d bytes -> %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text);
  });
  it('refuses nonsense', () => {
    expect(formatSize(-1)).toBe('');
    expect(formatSize(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('names and avatars', () => {
  it('prefers the display name, else the local part', () => {
    expect(displayName({ name: 'Ana Lima', email: 'ana@example.com' })).toBe('Ana Lima');
    expect(displayName({ name: '"Quoted"', email: 'q@example.com' })).toBe('Quoted');
    expect(displayName({ name: '', email: 'bo.k@example.com' })).toBe('bo.k');
    expect(displayName(null)).toBe('');
  });
  it('builds initials from first and last words', () => {
    expect(initialsFor('Ana Maria Lima', 'ana@x')).toBe('AL');
    expect(initialsFor('ana', 'ana@x')).toBe('A');
    expect(initialsFor('', 'zed@x')).toBe('Z');
    expect(initialsFor('Émile Zola', 'e@x')).toBe('ÉZ');
  });
  it('gives an address a stable hue regardless of case', () => {
    expect(avatarHue('Ana@Example.com')).toBe(avatarHue('ana@example.com'));
    expect(avatarHue('ana@example.com')).toBeGreaterThanOrEqual(0);
    expect(avatarHue('ana@example.com')).toBeLessThan(360);
    const hues = new Set(['a@x', 'b@x', 'c@x', 'd@x', 'e@x', 'f@x'].map(avatarHue));
    expect(hues.size).toBeGreaterThan(3);
  });
  it('shortens participants like Gmail', () => {
    expect(participantsLabel(['Ana Lima'])).toBe('Ana Lima');
    expect(participantsLabel(['Ana Lima', 'me', 'Ana Lima'])).toBe('Ana, me');
    expect(participantsLabel(['Ana', 'Bo', 'Cy', 'Di', 'Ed'])).toBe('Ana … Di, Ed');
    expect(participantsLabel([])).toBe('');
  });
});

describe('counts and ETA', () => {
  it('groups thousands', () => {
    expect(formatCount(7148)).toBe('7,148');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(12)).toBe('12');
  });
  it('says how long is left', () => {
    expect(formatEta(null)).toBe('');
    expect(formatEta(0.2)).toBe('1 s left');
    expect(formatEta(42)).toBe('42 s left');
    expect(formatEta(150)).toBe('about 3 min left');
    expect(formatEta(3 * 3600 + 600)).toBe('about 3 h 10 min left');
  });
});
