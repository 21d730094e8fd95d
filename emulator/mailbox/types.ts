import type { SearchableMessage } from '../../common/gmail-query/searchable';
import type { ParsedMessage } from './message';

export interface GmailHeader {
  name: string;
  value: string;
}
export interface GmailMessagePartBody {
  size: number;
  data?: string /* base64url */;
  attachmentId?: string;
}
export interface GmailMessagePart {
  partId: string;
  mimeType: string;
  filename: string;
  headers: GmailHeader[];
  body: GmailMessagePartBody;
  parts?: GmailMessagePart[];
}
export interface GmailLabel {
  id: string;
  name: string;
  type: 'system' | 'user';
  messageListVisibility?: 'show' | 'hide';
  labelListVisibility?: 'labelShow' | 'labelShowIfUnread' | 'labelHide';
  color?: { textColor: string; backgroundColor: string };
}
export interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: number;
  historyId: string;
  sizeEstimate: number;
  snippet: string;
  /** RFC 822 bytes as loaded (mbox envelope line removed). */
  raw: Buffer;
  /** The Gmail 'full' payload; attachment parts carry body.attachmentId and no data; text parts carry data. */
  payload: GmailMessagePart;
  /** attachmentId -> decoded bytes */
  attachments: Map<string, Buffer>;
  searchable: SearchableMessage;
}
export interface HistoryMessageRef {
  id: string;
  threadId: string;
  labelIds: string[];
}
export interface HistoryRecord {
  id: string;
  messages: { id: string; threadId: string }[];
  messagesAdded?: { message: HistoryMessageRef }[];
  messagesDeleted?: { message: HistoryMessageRef }[];
  labelsAdded?: { message: HistoryMessageRef; labelIds: string[] }[];
  labelsRemoved?: { message: HistoryMessageRef; labelIds: string[] }[];
}
export interface LabelCounts {
  messagesTotal: number;
  messagesUnread: number;
  threadsTotal: number;
  threadsUnread: number;
}
export interface Profile {
  emailAddress: string;
  messagesTotal: number;
  threadsTotal: number;
  historyId: string;
}

export type MailboxErrorCode = 'INVALID_LABEL' | 'LABEL_NOT_APPLICABLE' | 'LABEL_EXISTS' | 'INVALID_LABEL_NAME' | 'SYSTEM_LABEL_IMMUTABLE';

/** Thrown by Mailbox mutators; `code` is for callers to branch on (the server maps them to 400/409). */
export class MailboxError extends Error {
  constructor(
    readonly code: MailboxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MailboxError';
  }
}

/** One parsed message ready for the bulk load, with its labels already decided. */
export interface LoadEntry {
  parsed: ParsedMessage;
  labelIds: string[];
  internalDate: number;
}

export interface LoadStats {
  files: number;
  messages: number;
  skipped: number;
  warnings: string[];
  ms: number;
}
