/**
 * The structural view of a mailbox that the HTTP server needs. `emulator/mailbox/` provides
 * the real implementation; the server only relies on this shape, so it stays decoupled.
 */
import type { HistoryRecord, LabelCounts, StoredMessage } from '../mailbox/types';

export type { GmailMessagePart } from '../mailbox/types';

/** The server reads stored messages exactly as the mailbox keeps them. */
export type StoredMessageLike = StoredMessage;

export interface GmailLabelLike {
  id: string;
  name: string;
  type: 'system' | 'user' | string;
  messageListVisibility?: string;
  labelListVisibility?: string;
  color?: { textColor?: string; backgroundColor?: string };
}

export type { LabelCounts } from '../mailbox/types';

export type { HistoryMessageRef } from '../mailbox/types';
/** History records exactly as the mailbox keeps them. */
export type HistoryRecordLike = HistoryRecord;

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
