/**
 * The structural view of a mailbox that the HTTP server needs. `emulator/mailbox/` provides
 * the real implementation; the server only relies on this shape, so it stays decoupled.
 */
import type { SearchableMessage } from '../../common/gmail-query/searchable';

export interface GmailHeader {
  name: string;
  value: string;
}

export interface GmailMessagePartBody {
  size: number;
  data?: string;
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

export interface StoredMessageLike {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: number;
  historyId: string;
  sizeEstimate: number;
  snippet: string;
  raw: Buffer;
  payload: GmailMessagePart;
  attachments: Map<string, Buffer>;
  searchable: SearchableMessage;
}

export interface GmailLabelLike {
  id: string;
  name: string;
  type: 'system' | 'user' | string;
  messageListVisibility?: string;
  labelListVisibility?: string;
  color?: { textColor?: string; backgroundColor?: string };
}

export interface LabelCounts {
  messagesTotal: number;
  messagesUnread: number;
  threadsTotal: number;
  threadsUnread: number;
}

export interface HistoryMessageRef {
  id: string;
  threadId: string;
  labelIds?: string[];
}

export interface HistoryRecordLike {
  id: string;
  messages: { id: string; threadId: string }[];
  messagesAdded?: { message: HistoryMessageRef }[];
  messagesDeleted?: { message: HistoryMessageRef }[];
  labelsAdded?: { message: HistoryMessageRef; labelIds: string[] }[];
  labelsRemoved?: { message: HistoryMessageRef; labelIds: string[] }[];
}

export interface ProfileLike {
  emailAddress: string;
  messagesTotal: number;
  threadsTotal: number;
  historyId: string;
}

export interface MailboxLike {
  readonly email: string;
  list(): StoredMessageLike[];
  get(id: string): StoredMessageLike | undefined;
  thread(threadId: string): StoredMessageLike[];
  threadIds(): Iterable<string>;
  labels(): GmailLabelLike[];
  label(id: string): GmailLabelLike | undefined;
  labelCounts(id: string): LabelCounts;
  createLabel(name: string): GmailLabelLike;
  add(raw: Buffer, opts?: { labelIds?: string[]; internalDate?: number }): StoredMessageLike;
  modify(id: string, addLabelIds: string[], removeLabelIds: string[]): StoredMessageLike | undefined | void;
  delete(id: string): boolean;
  readonly historyId: string;
  historySince(startHistoryId: string): HistoryRecordLike[] | 'too_old';
  profile(): ProfileLike;
}
