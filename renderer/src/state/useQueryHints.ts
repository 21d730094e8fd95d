import { useMemo } from 'react';
import { describeQuery, parseGmailQuery } from '../../../common/gmail-query';
import { useT } from '../i18n/useLocale';

/**
 * How a lenient query was read (unmatched quote, bracket...): the renderer's own reading (the
 * same parser as main's), worded in the person's language; nothing for an empty query.
 */
export function useQueryHints(query: string): { readonly hints: readonly string[]; readonly readAs: string } {
  const t = useT();
  return useMemo(() => {
    if (!query) return { hints: [], readAs: '' };
    const parsed = parseGmailQuery(query);
    const all = [...new Set(parsed.hintCodes.map((hint) => t(`hint.${hint.code}`, hint.values)))];
    return { hints: all, readAs: all.length > 0 ? describeQuery(parsed.ast) : '' };
  }, [query, t]);
}
