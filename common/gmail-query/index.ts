/**
 * Gmail's query language, shared by every search back end: `parseGmailQuery` turns `q`
 * into an AST (ast.ts); text.ts, dates.ts and labels.ts hold the rules a back end needs to
 * evaluate it identically (tokens, variants, Pacific-time bounds, label resolution).
 * The rules themselves: shared/reference/gmail-search-semantics.md, decision table.
 */
export type * from './ast';
export type { SearchableMessage } from './searchable';
export { parseGmailQuery } from './parser';
export { describeQuery } from './describe';
export {
  foldText,
  tokenizeText,
  queryWordToTokens,
  variantKey,
  cjkBigrams,
  isCjkToken,
  indexOfSequence,
  containsSequence,
  parseAddressList,
  stripEdgeAts,
} from './text';
export { stemEnglish } from './stem';
export { parseDateBound, parseRelativeAge, relativeAgeBound, pacificMidnight, fromPacificLocal, toPacificLocal, isPacificDaylightTime } from './dates';
