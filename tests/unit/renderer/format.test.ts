import { describe, expect, it } from 'vitest';
import { avatarHue, displayName, formatEta, initialsFor, participantsLabel } from '../../../renderer/src/lib/format';
import { englishT, koreanT } from '../i18n/translators';

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
    expect(participantsLabel(['Ana Lima', 'me'], 3, '나')).toBe('Ana, 나');
  });
});

describe('ETA', () => {
  it('says how long is left', () => {
    expect(formatEta(null, englishT)).toBe('');
    expect(formatEta(0.2, englishT)).toBe('1 s left');
    expect(formatEta(42, englishT)).toBe('42 s left');
    expect(formatEta(150, englishT)).toBe('about 3 min left');
    expect(formatEta(3 * 3600 + 600, englishT)).toBe('about 3 h 10 min left');
  });
  it('says it in Korean too', () => {
    expect(formatEta(42, koreanT)).toBe('42초 남음');
    expect(formatEta(3 * 3600 + 600, koreanT)).toBe('약 3시간 10분 남음');
  });
});
