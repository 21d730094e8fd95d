/**
 * Operator autocomplete for the search box. Pure: given the query and the caret, find the
 * token being typed and list completions; the component asks main for senders.
 */
import type { MessageKey } from '../i18n/translate';

export interface ActiveToken {
  /** Operator before the colon ("from"), lower-case, or null for a bare word. */
  readonly operator: string | null;
  /** What is typed after the colon (or the bare word). */
  readonly partial: string;
  /** Replace query.slice(start, end) with the completion. */
  readonly start: number;
  readonly end: number;
}

export interface Suggestion {
  /** Text inserted in place of the active token. */
  readonly insert: string;
  /** What the list shows. */
  readonly label: string;
  /** The catalog key of a short description (operators only). */
  readonly detail?: MessageKey;
  readonly kind: 'operator' | 'value' | 'sender' | 'label' | 'recent';
}

/** Operators offered when a bare word is typed, with a short description. */
export const OPERATORS: readonly { readonly op: string; readonly detail: MessageKey }[] = [
  { op: 'from:', detail: 'operator.from' },
  { op: 'to:', detail: 'operator.to' },
  { op: 'cc:', detail: 'operator.cc' },
  { op: 'bcc:', detail: 'operator.bcc' },
  { op: 'subject:', detail: 'operator.subject' },
  { op: 'label:', detail: 'operator.label' },
  { op: 'has:', detail: 'operator.has' },
  { op: 'is:', detail: 'operator.is' },
  { op: 'in:', detail: 'operator.in' },
  { op: 'category:', detail: 'operator.category' },
  { op: 'filename:', detail: 'operator.filename' },
  { op: 'after:', detail: 'operator.after' },
  { op: 'before:', detail: 'operator.before' },
  { op: 'older_than:', detail: 'operator.older_than' },
  { op: 'newer_than:', detail: 'operator.newer_than' },
  { op: 'larger:', detail: 'operator.larger' },
  { op: 'smaller:', detail: 'operator.smaller' },
  { op: 'list:', detail: 'operator.list' },
  { op: 'deliveredto:', detail: 'operator.deliveredto' },
  { op: 'rfc822msgid:', detail: 'operator.rfc822msgid' },
];

export const OPERATOR_VALUES: Readonly<Record<string, readonly string[]>> = {
  is: ['unread', 'read', 'starred', 'important', 'snoozed', 'muted'],
  has: ['attachment', 'userlabels', 'nouserlabels', 'drive', 'document', 'spreadsheet', 'presentation', 'youtube', 'yellow-star'],
  in: ['inbox', 'sent', 'drafts', 'spam', 'trash', 'anywhere', 'starred', 'important', 'snoozed'],
  category: ['primary', 'social', 'promotions', 'updates', 'forums', 'reservations', 'purchases'],
  older_than: ['1d', '7d', '1m', '6m', '1y'],
  newer_than: ['1d', '7d', '1m', '6m', '1y'],
  larger: ['1M', '5M', '10M'],
  smaller: ['100K', '1M'],
  filename: ['pdf', 'doc', 'xls', 'jpg', 'png', 'zip'],
};

/** The whitespace-delimited token that ends at the caret (quotes keep spaces inside). */
export function activeToken(query: string, caret: number): ActiveToken | null {
  const upto = query.slice(0, Math.max(0, Math.min(caret, query.length)));
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < upto.length; i += 1) {
    const ch = upto[i];
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && (ch === ' ' || ch === '(' || ch === '{' || ch === '\t')) start = i + 1;
  }
  let end = caret;
  while (end < query.length && !/[\s(){}]/.test(query[end]!)) end += 1;
  let token = query.slice(start, caret);
  let tokenStart = start;
  if (token.startsWith('-')) {
    token = token.slice(1);
    tokenStart += 1;
  }
  if (token.length === 0) return null;
  const colon = token.indexOf(':');
  if (colon > 0) {
    return {
      operator: token.slice(0, colon).toLowerCase(),
      partial: token.slice(colon + 1).replace(/^"/, ''),
      start: tokenStart,
      end,
    };
  }
  return { operator: null, partial: token, start: tokenStart, end };
}

function startsWithFold(value: string, prefix: string): boolean {
  return value.toLowerCase().startsWith(prefix.toLowerCase());
}

function quoteIfNeeded(value: string): string {
  return /[\s()"{}]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

export interface SuggestContext {
  readonly labels: readonly string[];
  readonly senders: readonly string[];
}

/** Completions for the active token. Senders and labels come from the caller. */
export function suggest(token: ActiveToken | null, context: SuggestContext, limit = 8): Suggestion[] {
  if (!token) return [];
  if (token.operator === null) {
    if (token.partial.length < 1) return [];
    return OPERATORS.filter((o) => startsWithFold(o.op, token.partial) && o.op.length > token.partial.length)
      .slice(0, limit)
      .map((o) => ({ insert: o.op, label: o.op, detail: o.detail, kind: 'operator' as const }));
  }
  const op = token.operator;
  if (op === 'from' || op === 'to' || op === 'cc' || op === 'bcc' || op === 'deliveredto') {
    return context.senders
      .filter((s) => s.toLowerCase().includes(token.partial.toLowerCase()))
      .slice(0, limit)
      .map((s) => ({ insert: `${op}:${quoteIfNeeded(s)} `, label: s, kind: 'sender' as const }));
  }
  if (op === 'label') {
    const partial = token.partial.toLowerCase();
    return context.labels
      .filter((l) => l.toLowerCase().includes(partial))
      .sort((a, b) => Number(!startsWithFold(a, partial)) - Number(!startsWithFold(b, partial)) || a.localeCompare(b))
      .slice(0, limit)
      .map((l) => ({ insert: `label:${quoteIfNeeded(l)} `, label: l, kind: 'label' as const }));
  }
  const values = OPERATOR_VALUES[op];
  if (values) {
    return values
      .filter((v) => startsWithFold(v, token.partial) && v !== token.partial)
      .slice(0, limit)
      .map((v) => ({ insert: `${op}:${v} `, label: `${op}:${v}`, kind: 'value' as const }));
  }
  return [];
}

/** Applies a completion to the query; returns the new query and caret. */
export function applySuggestion(query: string, token: ActiveToken, suggestion: Suggestion): { query: string; caret: number } {
  const before = query.slice(0, token.start);
  const after = query.slice(token.end).replace(/^\s+/, '');
  const insert = suggestion.insert;
  const next = `${before}${insert}${after}`;
  return { query: next, caret: before.length + insert.length };
}

/** Recent searches, most recent first, deduplicated and capped. */
export function pushRecent(list: readonly string[], query: string, max = 8): string[] {
  const q = query.trim();
  if (!q) return [...list];
  return [q, ...list.filter((x) => x !== q)].slice(0, max);
}
