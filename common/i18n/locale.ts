/**
 * Which interface language to use and which locale formats dates and numbers. Pure
 * functions shared by main, the CLI and the renderer (no Node or DOM calls).
 */

export const UI_LOCALES = ['en', 'ko'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
/** What the person chose in settings: follow the OS, or one language. */
export type LocalePreference = 'system' | UiLocale;
export const LOCALE_PREFERENCES: readonly LocalePreference[] = ['system', ...UI_LOCALES];

/** What main tells the renderer: the OS locale (null outside Electron) and the stored choice. */
export interface LocaleSettings {
  readonly system: string | null;
  readonly preference: LocalePreference;
}

/** The region each language falls back to when the OS locale is in another language. */
const DEFAULT_FORMAT_LOCALE: Record<UiLocale, string> = { en: 'en-US', ko: 'ko-KR' };

export function isLocalePreference(value: unknown): value is LocalePreference {
  return typeof value === 'string' && (LOCALE_PREFERENCES as readonly string[]).includes(value);
}

/** "ko_KR.UTF-8" (POSIX) and "ko-KR" (BCP 47) both become "ko-KR"; junk becomes null. */
export function normaliseLocaleTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const bare = tag.split(/[.@]/)[0]!.replace(/_/g, '-').trim();
  if (!bare || bare === 'C' || bare === 'POSIX') return null;
  try {
    return Intl.getCanonicalLocales(bare)[0] ?? null;
  } catch {
    return null;
  }
}

/** The interface language for a locale tag: Korean for any "ko…", English otherwise. */
export function uiLocaleFor(tag: string | null | undefined): UiLocale {
  const language = normaliseLocaleTag(tag)?.split('-')[0]?.toLowerCase();
  return (UI_LOCALES as readonly string[]).includes(language ?? '') ? (language as UiLocale) : 'en';
}

/** The interface language for a stored choice and the OS locale. */
export function resolveUiLocale(preference: LocalePreference, systemTag: string | null | undefined): UiLocale {
  return preference === 'system' ? uiLocaleFor(systemTag) : preference;
}

/**
 * The locale that formats dates and numbers: the OS's own (en-GB keeps 24-hour "19 Oct")
 * when it is in the interface language, else that language's usual region.
 */
export function formatLocaleFor(ui: UiLocale, systemTag: string | null | undefined): string {
  const system = normaliseLocaleTag(systemTag);
  const sameLanguage = system?.split('-')[0]?.toLowerCase() === ui;
  return system && sameLanguage ? system : DEFAULT_FORMAT_LOCALE[ui];
}

/** The CLI's locale, as POSIX tools read it: LC_ALL, then LC_MESSAGES, then LANG. */
export function localeFromPosixEnv(env: Readonly<Record<string, string | undefined>>): string | null {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return normaliseLocaleTag(value);
  }
  return null;
}
