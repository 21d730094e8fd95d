/**
 * Main's and the CLI's messages through FormatJS. One process speaks one language at a
 * time, so the active locale is module state: main sets it from app.getLocale() and the
 * settings, the CLI from LANG/LC_ALL.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { formatLocaleFor, uiLocaleFor, type UiLocale } from '../../common/i18n/locale';
import { en, type MainMessageKey } from './en';
import { ko } from './ko';

export const MAIN_CATALOGS: Record<UiLocale, Record<MainMessageKey, string>> = { en, ko };

const cache = createIntlCache();
let active: { ui: UiLocale; intl: IntlShape } = build('en', 'en-US');

function build(ui: UiLocale, formatTag: string): { ui: UiLocale; intl: IntlShape } {
  return { ui, intl: createIntl({ locale: formatTag, messages: MAIN_CATALOGS[ui], defaultLocale: 'en' }, cache) };
}

/** Switches main's language; `tag` is a BCP 47 or POSIX locale ("ko-KR", "ko_KR.UTF-8"). */
export function setMainLocale(tag: string | null | undefined, ui: UiLocale = uiLocaleFor(tag)): UiLocale {
  active = build(ui, formatLocaleFor(ui, tag));
  return ui;
}

export function mainLocale(): UiLocale {
  return active.ui;
}

export function t(key: MainMessageKey, values?: Record<string, string | number>): string {
  // ignoreTag: usage text has "<command>", which is text, not markup.
  return active.intl.formatMessage({ id: key }, values, { ignoreTag: true });
}

/** A count in the active locale's digits and grouping ("12,345"). */
export function formatNumber(n: number, options?: Parameters<IntlShape['formatNumber']>[1]): string {
  return active.intl.formatNumber(n, options);
}
