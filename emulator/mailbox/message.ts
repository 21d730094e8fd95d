import { createHash } from 'node:crypto';
import { decodeHeaderValue, findHeader, findHeaders, type RawHeader } from './headers';
import { htmlToText } from '../../common/html-text';
import { walkMime } from './mime';
import type { GmailMessagePart } from './types';

/** Everything parseMessage learns from the bytes alone (no mailbox state: labels, thread, history). */
export interface ParsedMessage {
  id: string;
  raw: Buffer;
  payload: GmailMessagePart;
  attachments: Map<string, Buffer>;
  snippet: string;
  sizeEstimate: number;
  /** Date header in ms since the epoch, undefined when absent or unparseable. */
  date: number | undefined;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  deliveredTo: string;
  subject: string;
  listId: string;
  rfc822MessageId: string;
  bodyText: string;
  attachmentList: { filename: string; mimeType: string }[];
  /** Normalised Message-ID ("<...>" stripped) or '' when absent. */
  messageIdKey: string;
  /** In-Reply-To then References ids, normalised like messageIdKey. */
  referenceKeys: string[];
  /** Google Takeout: X-Gmail-Labels split into names, undefined when the header is absent. */
  gmailLabels: string[] | undefined;
  /** Google Takeout: X-GM-THRID as 16-hex, undefined when absent. */
  gmThreadId: string | undefined;
  /** From "Status:" (R) and "X-Status:" (F) headers, as mutt and mbox tools write them. */
  statusRead: boolean;
  statusFlagged: boolean;
}

/** 16 lowercase hex chars, deterministic: hash of the source (path, mbox index) and the bytes. */
export function messageIdFor(raw: Buffer, source: string): string {
  return createHash('sha1').update(source).update('\0').update(raw).digest('hex').slice(0, 16);
}

// Maps: month and zone names come from mail headers.
const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({ jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 }),
);
const ZONES: ReadonlyMap<string, number> = new Map(
  Object.entries({ ut: 0, utc: 0, gmt: 0, z: 0, est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7 }),
);

/** RFC 5322 date (with the obsolete 2- and 3-digit years: "102" is 2002), falling back to Date.parse. */
// "Tue, 3 Mar 2026 10:00:00 +0000" and its sloppy variants, in three parts: day month year, time, am/pm and zone.
const MAIL_DATE = new RegExp(
  String.raw`(\d{1,2})[\s-]+([A-Za-z]{3})[a-z]*\.?[\s-]+(\d{2,4})` +
    String.raw`\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?` +
    String.raw`\s*(?:([AaPp])\.?[Mm]\.?\b)?\s*([+-]\d{1,2}:?\d{2}|[A-Za-z]{1,5})?`,
);

export function parseMailDate(value: string): number | undefined {
  const m = MAIL_DATE.exec(value);
  if (m) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    let year = Number(m[3]);
    if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
    else if (year < 1000) year += 1900; // "102" and "0102": the Y2K bug of 2002 mailers
    const day = Number(m[1]);
    let hour = Number(m[4]);
    if (m[7] && hour <= 12) hour = (hour % 12) + (/p/i.test(m[7]) ? 12 : 0);
    const min = Number(m[5]);
    const sec = Number(m[6] ?? 0);
    if (month !== undefined && day >= 1 && day <= 31 && hour < 24 && min < 60 && sec < 61) {
      let offsetMin = 0;
      const zone = m[8];
      if (zone && /^[+-]/.test(zone)) {
        const digits = zone.replace(/[^0-9]/g, '').padStart(4, '0');
        offsetMin = (Number(digits.slice(0, -2)) * 60 + Number(digits.slice(-2))) * (zone[0] === '-' ? -1 : 1);
      } else if (zone) offsetMin = (ZONES.get(zone.toLowerCase()) ?? 0) * 60;
      const utc = new Date(0);
      utc.setUTCFullYear(year, month, day); // Date.UTC would read years below 100 as 19xx
      utc.setUTCHours(hour, min, Math.min(sec, 59), 0);
      return utc.getTime() - offsetMin * 60_000;
    }
  }
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}

function messageIdTokens(value: string): string[] {
  const ids = value.match(/<[^<>\s]+>/g);
  if (ids) return ids.map((s) => s.slice(1, -1));
  const bare = value.trim();
  return bare && !/\s/.test(bare) ? [bare] : [];
}

/** Splits a Takeout X-Gmail-Labels value: comma-separated, labels with commas are double-quoted. */
export function splitGmailLabels(value: string): string[] {
  const labels: string[] = [];
  let cur = '';
  let quoted = false;
  for (const c of value) {
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      labels.push(cur);
      cur = '';
    } else cur += c;
  }
  labels.push(cur);
  return labels.map((l) => l.trim()).filter((l) => l !== '');
}

/** Gmail snippet: start of the body text, whitespace collapsed, HTML-escaped the way the API returns it. */
export function makeSnippet(text: string, max = 200): string {
  // collapse only as much of a long body as the snippet needs
  let window = max * 4;
  let s = text.slice(0, window).replace(/\s+/g, ' ').trim();
  while (s.length < max && window < text.length) {
    window *= 8;
    s = text.slice(0, window).replace(/\s+/g, ' ').trim();
  }
  if (s.length > max) {
    s = s.slice(0, max);
    if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
    s = s.trimEnd();
  }
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function joined(headers: RawHeader[], name: string, charset: string | undefined): string {
  return findHeaders(headers, name)
    .map((h) => decodeHeaderValue(h.value, charset))
    .filter((v) => v !== '')
    .join(', ');
}

/**
 * Parses one RFC 822 message into the Gmail payload plus the fields the mailbox and the
 * search evaluator need. Never throws on malformed input: whatever is not a header is body.
 */
export function parseMessage(raw: Buffer, opts: { id?: string; source?: string } = {}): ParsedMessage {
  const id = opts.id ?? messageIdFor(raw, opts.source ?? '');
  const walked = walkMime(raw, id);
  const h = walked.rootHeaders;
  const cs = walked.rootCharset;
  const bodyText = walked.plainTexts.length > 0 ? walked.plainTexts.join('\n') : walked.htmlTexts.map(htmlToText).join('\n');
  const dateHeader = findHeader(h, 'date');
  const labelsHeader = findHeader(h, 'x-gmail-labels');
  const thrid = findHeader(h, 'x-gm-thrid')?.value.trim();
  let gmThreadId: string | undefined;
  if (thrid && /^\d{1,20}$/.test(thrid)) gmThreadId = BigInt(thrid).toString(16).padStart(16, '0');
  else if (thrid && /^[0-9a-f]{1,16}$/i.test(thrid)) gmThreadId = thrid.toLowerCase().padStart(16, '0');
  const msgIdRaw = findHeader(h, 'message-id')?.value ?? '';
  const refs = [
    ...messageIdTokens(findHeader(h, 'in-reply-to')?.value ?? ''),
    ...messageIdTokens(
      findHeaders(h, 'references')
        .map((r) => r.value)
        .join(' '),
    ),
  ];
  return {
    id,
    raw,
    payload: walked.payload,
    attachments: walked.attachments,
    snippet: makeSnippet(bodyText),
    sizeEstimate: raw.length,
    date: dateHeader ? parseMailDate(dateHeader.value) : undefined,
    from: joined(h, 'from', cs),
    to: joined(h, 'to', cs),
    cc: joined(h, 'cc', cs),
    bcc: joined(h, 'bcc', cs),
    deliveredTo: joined(h, 'delivered-to', cs),
    subject: joined(h, 'subject', cs),
    listId: joined(h, 'list-id', cs),
    rfc822MessageId: decodeHeaderValue(msgIdRaw),
    bodyText,
    attachmentList: walked.attachmentList,
    messageIdKey: messageIdTokens(msgIdRaw)[0] ?? '',
    referenceKeys: [...new Set(refs)],
    gmailLabels: labelsHeader ? splitGmailLabels(decodeHeaderValue(labelsHeader.value)) : undefined,
    gmThreadId,
    statusRead: /R/.test(findHeader(h, 'status')?.value ?? ''),
    statusFlagged: /F/.test(findHeader(h, 'x-status')?.value ?? ''),
  };
}
