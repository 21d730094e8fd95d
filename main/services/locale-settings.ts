/**
 * The interface language setting: stored in main's settings store, so the app's menus and
 * dialogs and the renderer agree on one choice; "system" follows app.getLocale().
 */
import { isLocalePreference, resolveUiLocale, type LocalePreference, type LocaleSettings, type UiLocale } from '../../common/i18n/locale';
import type { RequestHandlers } from '../ipc/router';
import type { KeyValueStore } from '../settings/settings-store';

const LOCALE_KEY = 'locale';

export interface LocaleHooks {
  /** The OS locale from app.getLocale(); null outside Electron (the renderer then reads navigator.language). */
  readonly system: string | null;
  /** Told the new interface language after the person changes it (main rebuilds its menu). */
  onChange?(ui: UiLocale, settings: LocaleSettings): void;
}

export function readLocalePreference(settings: KeyValueStore): LocalePreference {
  const stored = settings.get(LOCALE_KEY);
  return isLocalePreference(stored) ? stored : 'system';
}

export function createLocaleHandlers(
  settings: KeyValueStore,
  hooks: LocaleHooks = { system: null },
): Pick<RequestHandlers, 'getLocaleSettings' | 'setLocalePreference'> {
  const current = (): LocaleSettings => ({ system: hooks.system, preference: readLocalePreference(settings) });
  return {
    getLocaleSettings: () => current(),
    setLocalePreference: (preference) => {
      if (preference === 'system') settings.delete(LOCALE_KEY);
      else settings.set(LOCALE_KEY, preference);
      const next = current();
      hooks.onChange?.(resolveUiLocale(next.preference, hooks.system), next);
      return next;
    },
  };
}
