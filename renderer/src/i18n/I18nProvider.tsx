/**
 * The interface language for the whole renderer: main's stored choice and app.getLocale()
 * (navigator.language when main has no OS locale), react-intl's provider, <html lang>.
 */
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { RawIntlProvider, type IntlShape } from 'react-intl';
import { formatLocaleFor, resolveUiLocale, type LocalePreference, type LocaleSettings, type UiLocale } from '../../../common/i18n/locale';
import { takeBootReply } from '../api';
import { createRendererIntl, translator, type Translate } from './translate';

export interface LocaleState {
  readonly ui: UiLocale;
  /** The BCP 47 locale that formats dates and numbers ("ko-KR", "en-GB"). */
  readonly formatLocale: string;
  /** The OS locale the "system" choice follows. */
  readonly system: string;
  readonly preference: LocalePreference;
  setPreference(preference: LocalePreference): void;
  readonly t: Translate;
  readonly intl: IntlShape;
}

export const LocaleContext = createContext<LocaleState | null>(null);

const FALLBACK: LocaleSettings = { system: null, preference: 'system' };

export function I18nProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<LocaleSettings | null>(() => (window.skimmer ? null : FALLBACK));

  useEffect(() => {
    if (!window.skimmer) return;
    let cancelled = false;
    void (takeBootReply('locale') ?? window.skimmer.getLocaleSettings())
      .then((reply) => !cancelled && setSettings(reply.ok ? reply.value : FALLBACK))
      .catch(() => !cancelled && setSettings(FALLBACK));
    return () => {
      cancelled = true;
    };
  }, []);

  const setPreference = useCallback((preference: LocalePreference) => {
    setSettings((prev) => ({ system: prev?.system ?? null, preference }));
    void window.skimmer?.setLocalePreference(preference).then((reply) => reply.ok && setSettings(reply.value));
  }, []);

  const state = useMemo((): LocaleState | null => {
    if (!settings) return null;
    const system = settings.system ?? navigator.language;
    const ui = resolveUiLocale(settings.preference, system);
    const formatLocale = formatLocaleFor(ui, system);
    const intl = createRendererIntl(ui, formatLocale);
    return { ui, formatLocale, system, preference: settings.preference, setPreference, t: translator(intl), intl };
  }, [settings, setPreference]);

  useEffect(() => {
    if (state) document.documentElement.lang = state.ui;
  }, [state]);

  // One IPC round trip, sent with the boot requests: nothing renders in the wrong language.
  if (!state) return null;
  return (
    <LocaleContext.Provider value={state}>
      <RawIntlProvider value={state.intl}>{children}</RawIntlProvider>
    </LocaleContext.Provider>
  );
}
