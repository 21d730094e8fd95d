/**
 * Gmail's query language, shared by every search back end: `parseGmailQuery` turns `q`
 * into an AST (ast.ts); text.ts, dates.ts and labels.ts hold the rules a back end needs to
 * evaluate it identically (tokens, variants, Pacific-time bounds, label resolution).
 * The rules themselves: shared/reference/gmail-search-semantics.md, decision table.
 */
export type * from './ast';
export type { SearchableAttachment, SearchableMessage } from './searchable';
export { parseGmailQuery } from './parser';
export { describeQuery } from './describe';
export {
  foldText, tokenizeText, queryWordToTokens, variantKey, cjkBigrams, isCjkToken,
  indexOfSequence, containsSequence, parseAddressList, stripEdgeAts, splitQueryWordOnSpaceLike,
  type ParsedAddress,
} from './text';
export { stemEnglish } from './stem';
export { freeTextFields, attachmentNames, toRecipients, messageIdKey } from './fields';
export {
  parseDateBound, parseRelativeAge, relativeAgeBound, pacificMidnight, fromPacificLocal, toPacificLocal,
  isPacificDaylightTime, pacificOffsetHours, type RelativeUnit, type LocalDateTime,
} from './dates';
export {
  resolveLabelCondition, normalizeLabelName, queryIncludesSpamTrash, isUserLabelId, SPAM_TRASH_IDS,
  type LabelCondition, type LabelInfo,
} from './labels';
