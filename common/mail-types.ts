/**
 * What the renderer is shown of mail. The same shapes come from the Gmail API or from
 * the local cache; the renderer can't tell which, and doesn't need to.
 */
import type { IpcErrorCode } from './ipc-result';

export interface LabelSummary {
  readonly id: string;
  readonly name: string;
  readonly type: 'system' | 'user';
  readonly messagesTotal: number;
  readonly messagesUnread: number;
  readonly threadsTotal: number;
  readonly threadsUnread: number;
  readonly color?: { readonly textColor: string; readonly backgroundColor: string };
}

export interface MailAddress {
  readonly name: string;
  readonly email: string;
}

export interface MessageSummary {
  readonly id: string;
  readonly threadId: string;
  readonly internalDate: number;
  readonly from: MailAddress;
  readonly to: readonly MailAddress[];
  readonly subject: string;
  readonly snippet: string;
  readonly labelIds: readonly string[];
  readonly unread: boolean;
  readonly starred: boolean;
  readonly hasAttachment: boolean;
  readonly sizeEstimate: number;
}

/** A message list row as shown: one message, or a thread collapsed to its newest message. */
export interface ListRow extends MessageSummary {
  /** Messages in the thread that match (1 when not grouped). */
  readonly threadCount: number;
  /** Everyone who wrote in the matching part of the thread, oldest first, for "Ana, me (3)". */
  readonly participants: readonly string[];
  /** The account the row belongs to: set in the unified inbox ("All inboxes"), where rows of several accounts mix. */
  readonly accountId?: string;
}

export interface MessagePage {
  readonly rows: readonly ListRow[];
  readonly nextPageToken: string | null;
  readonly resultSizeEstimate: number;
  /**
   * Where the page came from: the local cache, the Gmail API, or `merged` (Gmail chose the
   * ids, the cache supplied the rows it holds, Gmail the rest) while the cache is filling.
   */
  readonly source: 'cache' | 'api' | 'merged';
  /** How a lenient query was read (unmatched quote, bracket...), for a quiet hint. */
  readonly queryHints: readonly string[];
  /** How much of the mailbox this answer could see; absent once the cache holds all of it. */
  readonly coverage?: ListCoverage;
  /** Unified inbox: accounts whose mail could not be listed, so the page is known to lack it. */
  readonly missingAccounts?: readonly MissingAccount[];
  /** A search that found nothing or very little: the query corrected from the mailbox's own words, which finds more. */
  readonly didYouMean?: string;
}

export interface MissingAccount {
  readonly accountId: string;
  /** Why (offline, needs_reauth...). */
  readonly code: IpcErrorCode;
}

export interface ListCoverage {
  /** Messages on this computer, and in the mailbox (null when not known yet). */
  readonly cachedMessages: number;
  readonly totalMessages: number | null;
  /** True when the answer may miss mail: offline (or Gmail unreachable) with a partial cache. */
  readonly partial: boolean;
  /** Rows on this page fetched from Gmail because the cache did not have them yet. */
  readonly fetchedFromGmail: number;
}

export interface AttachmentInfo {
  readonly attachmentId: string;
  readonly partId: string;
  readonly filename: string;
  readonly mimeType: string;
  readonly size: number;
  /** Content-ID for inline images referenced as cid: from the HTML. */
  readonly contentId: string | null;
  readonly inline: boolean;
}

export interface MessageDetail extends MessageSummary {
  readonly cc: readonly MailAddress[];
  readonly bcc: readonly MailAddress[];
  readonly replyTo: readonly MailAddress[];
  readonly date: string;
  readonly messageIdHeader: string;
  readonly listId: string;
  /** Unsanitised HTML body; the renderer sanitises it before display. */
  readonly html: string | null;
  readonly text: string | null;
  readonly attachments: readonly AttachmentInfo[];
}

export interface ThreadDetail {
  readonly id: string;
  readonly subject: string;
  /** Oldest first. */
  readonly messages: readonly MessageDetail[];
}

export type MailSelector = { readonly kind: 'label'; readonly labelId: string } | { readonly kind: 'query'; readonly query: string };
