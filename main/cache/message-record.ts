/**
 * From a Gmail API message (format=full) to what the cache stores: the searchable fields
 * (the same ones the emulator builds from raw mail, common/gmail-query/searchable.ts),
 * their pre-tokenised FTS text, the addresses for whole-address matches, and the summary
 * the message list shows.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { decodeBytes } from '../../common/charset';
import { messageIdKey } from '../../common/gmail-query/fields';
import type { SearchableMessage } from '../../common/gmail-query/searchable';
import { parseAddressList, tokenizeText } from '../../common/gmail-query/text';
import type { MessageSummary } from '../../common/mail-types';
import { summarizeMessage } from '../gmail/message-parts';
import { htmlToText } from '../../common/html-text';

/** Between fields a phrase must not span: never produced by tokenizeText (not a word character). */
export const SEGMENT_SEPARATOR = '|';

type Part = gmail_v1.Schema$MessagePart;

function header(headers: readonly gmail_v1.Schema$MessagePartHeader[] | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return headers?.find((h) => (h.name ?? '').toLowerCase() === wanted)?.value ?? undefined;
}

/** Every header of that name, non-empty values joined with ", " (as the emulator does). */
function joinedHeader(headers: readonly gmail_v1.Schema$MessagePartHeader[] | undefined, name: string): string {
  const wanted = name.toLowerCase();
  return (headers ?? [])
    .filter((h) => (h.name ?? '').toLowerCase() === wanted)
    .map((h) => h.value ?? '')
    .filter((v) => v !== '')
    .join(', ');
}

function charsetOf(part: Part): string | undefined {
  const contentType = header(part.headers ?? [], 'Content-Type') ?? '';
  return /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1];
}

function sniffHtmlCharset(bytes: Buffer): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(bytes.toString('latin1', 0, Math.min(bytes.length, 4096)))?.[1];
}

interface BodyWalk {
  plain: string[];
  html: string[];
  attachments: { filename: string; mimeType: string }[];
}

/** Pre-order over the payload, as the emulator's MIME walk collects texts and named parts. */
function walkParts(part: Part | undefined, out: BodyWalk): BodyWalk {
  if (!part) return out;
  const filename = (part.filename ?? '').trim();
  const mimeType = (part.mimeType ?? '').toLowerCase();
  if (filename !== '') out.attachments.push({ filename, mimeType: part.mimeType ?? '' });
  if (part.parts && part.parts.length > 0) {
    for (const child of part.parts) walkParts(child, out);
    return out;
  }
  if (part.body?.attachmentId) return out;
  const bytes = Buffer.from(part.body?.data ?? '', 'base64url');
  if (mimeType === 'text/plain') out.plain.push(decodeBytes(bytes, charsetOf(part)));
  else if (mimeType === 'text/html') out.html.push(decodeBytes(bytes, charsetOf(part) ?? sniffHtmlCharset(bytes)));
  return out;
}

export function searchableFromGmail(message: gmail_v1.Schema$Message): SearchableMessage {
  const headers = message.payload?.headers ?? [];
  const walked = walkParts(message.payload, { plain: [], html: [], attachments: [] });
  const bodyText = walked.plain.length > 0 ? walked.plain.join('\n') : walked.html.map(htmlToText).join('\n');
  return {
    id: message.id ?? '',
    threadId: message.threadId ?? message.id ?? '',
    internalDate: Number(message.internalDate ?? 0),
    sizeEstimate: message.sizeEstimate ?? 0,
    labelIds: message.labelIds ?? [],
    from: joinedHeader(headers, 'From'),
    to: joinedHeader(headers, 'To'),
    cc: joinedHeader(headers, 'Cc'),
    bcc: joinedHeader(headers, 'Bcc'),
    deliveredTo: joinedHeader(headers, 'Delivered-To'),
    subject: joinedHeader(headers, 'Subject'),
    listId: joinedHeader(headers, 'List-Id'),
    rfc822MessageId: header(headers, 'Message-ID') ?? '',
    bodyText,
    attachments: walked.attachments,
  };
}

/** Gmail ids are hex: a longer id is larger. The key sorts like the number: length, then digits. */
export function orderKeyOf(id: string): string {
  return `${String(id.length).padStart(3, '0')}${id}`;
}

function joinSegments(segments: readonly (readonly string[])[]): string {
  return segments
    .filter((s) => s.length > 0)
    .map((s) => s.join(' '))
    .join(` ${SEGMENT_SEPARATOR} `);
}

export interface AddressTokens {
  readonly name: readonly string[];
  readonly address: readonly string[];
}

function addressTokens(headerValue: string): AddressTokens[] {
  return parseAddressList(headerValue).map((a) => ({ name: tokenizeText(a.name), address: tokenizeText(a.address) }));
}

function addressColumn(addresses: readonly AddressTokens[]): string {
  return joinSegments(addresses.flatMap((a) => [a.name, a.address]));
}

export interface FtsRow {
  readonly text: string;
  readonly text_stems: string;
  readonly subject: string;
  readonly subject_stems: string;
  readonly addr_from: string;
  readonly addr_to: string;
  readonly addr_cc: string;
  readonly addr_bcc: string;
  readonly addr_deliveredto: string;
  readonly list: string;
  readonly filename: string;
}

/** message_fts's columns in table order: its INSERT and the values bound to it both come from this list. */
const FTS_COLUMNS = [
  'text',
  'text_stems',
  'subject',
  'subject_stems',
  'addr_from',
  'addr_to',
  'addr_cc',
  'addr_bcc',
  'addr_deliveredto',
  'list',
  'filename',
] as const satisfies readonly (keyof FtsRow)[];

/** Where a free-text word may be (Gmail's "anywhere"): rows of schema 4 keep each field once. */
export const FREE_TEXT_COLUMNS = ['text', 'subject', 'addr_from', 'addr_to', 'addr_cc', 'addr_bcc', 'filename'] as const satisfies readonly (keyof FtsRow)[];

/** `to:` means any recipient: To, Cc or Bcc. */
export const RECIPIENT_COLUMNS = ['addr_to', 'addr_cc', 'addr_bcc'] as const satisfies readonly (keyof FtsRow)[];

export const INSERT_FTS_SQL = `INSERT INTO message_fts (rowid, ${FTS_COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(FTS_COLUMNS.length)})`;

export function ftsValues(row: FtsRow): string[] {
  return FTS_COLUMNS.map((column) => row[column]);
}

export type AddressField = 'from' | 'to' | 'cc' | 'bcc' | 'deliveredto';

export interface IndexedMessage {
  readonly searchable: SearchableMessage;
  readonly fts: FtsRow;
  readonly addresses: readonly { field: AddressField; norm: string }[];
  /**
   * For `has:attachment` only: the query language's rule 6a (a name makes an attachment), as the
   * emulator and Gmail search do. The list's paperclip is the summary's (common/attachment-rule.ts).
   */
  readonly hasAttachment: boolean;
  readonly hasListId: boolean;
  readonly messageIdNorm: string;
  /** The distinct words of the free-text fields (for `word_variants`, word-variants.ts). */
  readonly words: ReadonlySet<string>;
}

/** The FTS text of one message: every field the query language looks at, tokenised by text.ts. */
export function indexMessage(m: SearchableMessage): IndexedMessage {
  const subject = tokenizeText(m.subject);
  const body = tokenizeText(m.bodyText);
  const from = addressTokens(m.from);
  const to = addressTokens(m.to);
  const cc = addressTokens(m.cc);
  const bcc = addressTokens(m.bcc);
  const deliveredTo = addressTokens(m.deliveredTo);
  const named = m.attachments.filter((a) => a.filename.trim() !== '');
  const filenames = named.map((a) => tokenizeText(a.filename));
  const freeText = [subject, body, ...[...from, ...to, ...cc, ...bcc].flatMap((a) => [a.name, a.address]), ...filenames];
  const addresses: { field: AddressField; norm: string }[] = [];
  const add = (field: AddressField, list: readonly AddressTokens[]) => {
    for (const a of list) addresses.push({ field, norm: a.address.join(' ') });
  };
  add('from', from);
  add('to', to);
  add('cc', cc);
  add('bcc', bcc);
  add('deliveredto', deliveredTo);
  return {
    searchable: m,
    // Each field once: free text searches the body, subject, address and file name columns
    // together (FREE_TEXT_COLUMNS), and variants are looked up, not stored (word-variants.ts).
    // The stem columns stay in the table, empty, for the rows schema 3 wrote.
    fts: {
      text: body.join(' '),
      text_stems: '',
      subject: subject.join(' '),
      subject_stems: '',
      addr_from: addressColumn(from),
      addr_to: addressColumn(to),
      addr_cc: addressColumn(cc),
      addr_bcc: addressColumn(bcc),
      addr_deliveredto: addressColumn(deliveredTo),
      list: tokenizeText(m.listId).join(' '),
      filename: joinSegments(filenames),
    },
    addresses,
    hasAttachment: named.length > 0,
    hasListId: m.listId.trim() !== '',
    messageIdNorm: messageIdKey(m.rfc822MessageId),
    words: new Set(freeText.flat()),
  };
}

export function summaryOf(message: gmail_v1.Schema$Message): MessageSummary {
  return summarizeMessage(message);
}
