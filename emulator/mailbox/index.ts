/**
 * The emulator's mail store: loads .eml / mbox / Maildir / Takeout mail into Gmail's data
 * model (payload trees, labels, threads, history) for the HTTP server and the search evaluator.
 */
export type { GmailMessagePart, StoredMessage } from './types';
export { MailboxError } from './types';
export { Mailbox } from './mailbox';
export { loadMailbox } from './load';
export { parseMessage } from './message';
export { splitMbox, stripEnvelope } from './sources';
export { decodeBytes } from '../../common/charset';
export { decodeEncodedWords } from './headers';
export { SYSTEM_LABELS } from './labels';
