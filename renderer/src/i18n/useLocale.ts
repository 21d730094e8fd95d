/** Hooks over the I18nProvider: the language state, the typed translate, locale-bound formats. */
import { useContext, useMemo } from 'react';
import { formatCount, formatFullDate, formatListDate, formatRelative, formatSize, formatTime } from '../lib/intl-format';
import { LocaleContext, type LocaleState } from './I18nProvider';
import type { Translate } from './translate';

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale needs an I18nProvider above it');
  return state;
}

export function useT(): Translate {
  return useLocale().t;
}

export interface LocaleFormats {
  time(timestamp: number): string;
  listDate(timestamp: number, now?: Date): string;
  fullDate(timestamp: number): string;
  relative(timestamp: number, now?: number): string;
  count(n: number): string;
  size(bytes: number): string;
}

/** The Intl formatters for the active locale, so components never pass the locale around. */
export function useFormat(): LocaleFormats {
  const { formatLocale } = useLocale();
  return useMemo(
    () => ({
      time: (timestamp) => formatTime(timestamp, formatLocale),
      listDate: (timestamp, now) => formatListDate(timestamp, formatLocale, now),
      fullDate: (timestamp) => formatFullDate(timestamp, formatLocale),
      relative: (timestamp, now) => formatRelative(timestamp, formatLocale, now),
      count: (n) => formatCount(n, formatLocale),
      size: (bytes) => formatSize(bytes, formatLocale),
    }),
    [formatLocale],
  );
}
