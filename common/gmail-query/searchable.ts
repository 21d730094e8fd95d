/**
 * The fields of one message that Gmail's query language can look at.
 * The emulator builds one per loaded message; the local cache stores the same fields
 * in SQL. Both search back ends read only this, so they can be tested against each other.
 */
export interface SearchableAttachment {
  readonly filename: string;
  readonly mimeType: string;
}

export interface SearchableMessage {
  readonly id: string;
  readonly threadId: string;
  /** Milliseconds since the epoch (Gmail's internalDate). */
  readonly internalDate: number;
  readonly sizeEstimate: number;
  /** Gmail label ids: system ones (INBOX, UNREAD, STARRED, SPAM, TRASH, CATEGORY_*, ...) and user label ids. */
  readonly labelIds: readonly string[];
  /** Decoded header values (RFC 2047 words decoded), '' when absent. Address headers keep display names. */
  readonly from: string;
  readonly to: string;
  readonly cc: string;
  readonly bcc: string;
  readonly deliveredTo: string;
  readonly subject: string;
  readonly listId: string;
  /** Message-ID header, with or without angle brackets as found. */
  readonly rfc822MessageId: string;
  /** Plain text of the body: text/plain parts, or HTML turned into text when there is none. */
  readonly bodyText: string;
  readonly attachments: readonly SearchableAttachment[];
}
