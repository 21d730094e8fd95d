/** A one-part text/plain Gmail message (format=full), for the tests and benchmarks that fill a cache. */
import type { gmail_v1 } from '@googleapis/gmail';
import type { SearchableMessage } from '../../../common/gmail-query';

export interface PlainMessage {
  readonly id: string;
  readonly date: number;
  readonly text: string;
  /** Default: the id (a conversation of one). */
  readonly threadId?: string;
  readonly from?: string;
  readonly subject?: string;
  readonly labelIds?: string[];
  readonly snippet?: string;
}

export function plainMessage(m: PlainMessage): gmail_v1.Schema$Message {
  return {
    id: m.id,
    threadId: m.threadId ?? m.id,
    labelIds: m.labelIds ?? ['INBOX'],
    snippet: m.snippet ?? '',
    historyId: '1',
    internalDate: String(m.date),
    sizeEstimate: 100,
    payload: {
      partId: '',
      mimeType: 'text/plain',
      filename: '',
      headers: [
        { name: 'From', value: m.from ?? 'a@example.com' },
        { name: 'Subject', value: m.subject ?? '' },
      ],
      body: { size: m.text.length, data: Buffer.from(m.text).toString('base64url') },
    },
  };
}

/** The same message as the emulator's evaluator sees it (SearchableMessage), with every field empty but these. */
export function plainSearchable(m: { id: string; date: number; subject: string; bodyText: string }): SearchableMessage {
  return {
    id: m.id,
    threadId: m.id,
    internalDate: m.date,
    sizeEstimate: 100,
    labelIds: ['INBOX'],
    from: 'a@example.com',
    to: '',
    cc: '',
    bcc: '',
    deliveredTo: '',
    subject: m.subject,
    listId: '',
    rfc822MessageId: '',
    bodyText: m.bodyText,
    attachments: [],
  };
}
