/** The renderer's catalogs and the typed translate function the components and lib use. */
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import type { UiLocale } from '../../../common/i18n/locale';
import { en, type MessageKey } from './en';
import { ko } from './ko';

export type { MessageKey };
export const CATALOGS: Record<UiLocale, Record<MessageKey, string>> = { en, ko };

export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const cache = createIntlCache();

/** An IntlShape for a language and the locale that formats its numbers and dates. */
export function createRendererIntl(ui: UiLocale, formatLocale: string): IntlShape {
  return createIntl({ locale: formatLocale, messages: CATALOGS[ui], defaultLocale: 'en' }, cache);
}

export function translator(intl: IntlShape): Translate {
  // ignoreTag: messages are plain text; a "<" in one is a character, not markup.
  return (key, values) => intl.formatMessage({ id: key }, values, { ignoreTag: true });
}
