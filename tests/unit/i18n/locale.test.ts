import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatLocaleFor, localeFromPosixEnv, normaliseLocaleTag, resolveUiLocale, uiLocaleFor } from '../../../common/i18n/locale';
import { openSettingsStore } from '../../../main/settings/settings-store';
import { createLocaleHandlers } from '../../../main/services/locale-settings';

describe('locale detection', () => {
  it('reads BCP 47 and POSIX tags alike', () => {
    expect(normaliseLocaleTag('ko_KR.UTF-8')).toBe('ko-KR');
    expect(normaliseLocaleTag('en_GB@euro')).toBe('en-GB');
    expect(normaliseLocaleTag('C.UTF-8')).toBeNull();
    expect(normaliseLocaleTag('')).toBeNull();
    expect(normaliseLocaleTag('!!')).toBeNull();
  });
  it('speaks Korean for any Korean locale and English otherwise', () => {
    expect(uiLocaleFor('ko')).toBe('ko');
    expect(uiLocaleFor('ko-KR')).toBe('ko');
    expect(uiLocaleFor('ko_KR.UTF-8')).toBe('ko');
    expect(uiLocaleFor('fr-FR')).toBe('en');
    expect(uiLocaleFor(null)).toBe('en');
  });
  it('a stored choice wins over the OS', () => {
    expect(resolveUiLocale('system', 'ko-KR')).toBe('ko');
    expect(resolveUiLocale('en', 'ko-KR')).toBe('en');
    expect(resolveUiLocale('ko', 'en-US')).toBe('ko');
  });
  it('formats with the OS locale when it is in the interface language', () => {
    expect(formatLocaleFor('en', 'en-GB')).toBe('en-GB');
    expect(formatLocaleFor('ko', 'ko-KR')).toBe('ko-KR');
    expect(formatLocaleFor('ko', 'en-GB')).toBe('ko-KR');
    expect(formatLocaleFor('en', 'fr-FR')).toBe('en-US');
  });
  it('the CLI reads LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(localeFromPosixEnv({ LANG: 'ko_KR.UTF-8' })).toBe('ko-KR');
    expect(localeFromPosixEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'ko_KR.UTF-8' })).toBe('en-US');
    expect(localeFromPosixEnv({ LC_MESSAGES: 'ko_KR', LANG: 'en_US' })).toBe('ko-KR');
    expect(localeFromPosixEnv({})).toBeNull();
  });
});

describe('the language setting in main', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('persists the choice in the settings file and tells main the language', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'skimmer-locale-'));
    const told: string[] = [];
    const handlers = createLocaleHandlers(openSettingsStore(dir), { system: 'en-US', onChange: (ui) => told.push(ui) });
    expect(await handlers.getLocaleSettings()).toEqual({ system: 'en-US', preference: 'system' });
    expect(await handlers.setLocalePreference('ko')).toEqual({ system: 'en-US', preference: 'ko' });
    // A new store over the same file, as the next start would open it.
    const again = createLocaleHandlers(openSettingsStore(dir), { system: 'en-US' });
    expect(await again.getLocaleSettings()).toEqual({ system: 'en-US', preference: 'ko' });
    await again.setLocalePreference('system');
    expect(await createLocaleHandlers(openSettingsStore(dir), { system: 'ko-KR' }).getLocaleSettings()).toEqual({ system: 'ko-KR', preference: 'system' });
    expect(told).toEqual(['ko']);
  });

  it('ignores a hand-edited value it does not know', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'skimmer-locale-'));
    const store = openSettingsStore(dir);
    store.set('locale', 'klingon');
    expect(await createLocaleHandlers(store).getLocaleSettings()).toEqual({ system: null, preference: 'system' });
  });
});
