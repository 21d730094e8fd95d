/**
 * The emulator's mail store: loads .eml / mbox / Maildir / Takeout mail into Gmail's data
 * model (payload trees, labels, threads, history) for the HTTP server and the search evaluator.
 */
export type {
  GmailHeader,
  GmailMessagePartBody,
  GmailMessagePart,
  GmailLabel,
  StoredMessage,
  HistoryRecord,
  HistoryMessageRef,
  LabelCounts,
  Profile,
  MailboxErrorCode,
} from './types';
export { MailboxError } from './types';
export { Mailbox, type LoadStats, type LoadEntry } from './mailbox';
export type { HistoryLimit } from './history';
export { loadMailbox, type LoadOptions } from './load';
export { parseMessage, parseMailDate, makeSnippet, splitGmailLabels, messageIdFor, type ParsedMessage } from './message';
export { splitMbox, stripEnvelope } from './sources';
export { decodeBytes } from '../../common/charset';
export { decodeEncodedWords, decodeHeaderValue } from './headers';
export { htmlToText, decodeEntities } from '../../common/html-text';
export { SYSTEM_LABELS, SYSTEM_LABEL_IDS, USER_APPLICABLE_SYSTEM_LABELS } from './labels';
