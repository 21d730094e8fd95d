/**
 * How a malformed query was read, as codes with values: the renderer words them in the
 * person's language (catalog keys `hint.<code>`); `hintText` gives the English the API
 * sources, the CLI and the tests read.
 */
export const QUERY_HINT_TEXT = {
  noValue: '"{op}:" has no value; it matches nothing',
  noWords: '"{op}:" has no words to match; it matches nothing',
  badDate: '"{op}:{text}" is not a date Gmail understands (YYYY/MM/DD, MM/DD/YYYY or epoch seconds); it matches nothing',
  badRelative: '"{op}:{text}" needs a number and d, m or y (e.g. 7d); it matches nothing',
  badSize: '"{op}:{text}" is not a size (e.g. 10M, 500K, 20000); it matches nothing',
  strayCloser: 'Ignored a stray "{char}"',
  dangling: 'Ignored "{text}" with nothing on one side',
  danglingNegation: 'Ignored a negation with nothing after it',
  aroundNeedsNumber: '"AROUND" needs a number of words after it; read as AND',
  aroundNothingAfter: 'Ignored "AROUND" with nothing after it',
  aroundNeedsWords: '"AROUND" works between two plain words or phrases; read as AND',
  unmatchedOpener: 'Unmatched "{char}": closed at the end',
  unmatchedQuote: 'Unmatched quote: read as a phrase to the end',
  spaceAfterOperator: 'Read "{op}: …" with a space as "{op}:…"',
  unreadable: 'The query could not be read; showing everything',
} as const;

export type QueryHintCode = keyof typeof QUERY_HINT_TEXT;

export interface QueryHint {
  readonly code: QueryHintCode;
  readonly values: Readonly<Record<string, string>>;
}

/** The English sentence of a hint. */
export function hintText(hint: QueryHint): string {
  return QUERY_HINT_TEXT[hint.code].replace(/\{(\w+)\}/g, (_m, name: string) => hint.values[name] ?? '');
}
