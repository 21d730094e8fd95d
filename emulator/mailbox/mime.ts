import { createHash } from 'node:crypto';
import { decodeBytes } from '../../common/charset';
import { decodeHeaderValue, findHeader, parseHeaderBlock, parseStructured, type RawHeader } from './headers';
import type { GmailMessagePart } from './types';

/** What the MIME walk collects besides the payload tree. */
export interface MimeWalkResult {
  payload: GmailMessagePart;
  /** Root headers, raw (for threading, dates and Takeout fields). */
  rootHeaders: RawHeader[];
  rootCharset: string | undefined;
  attachments: Map<string, Buffer>;
  attachmentList: { filename: string; mimeType: string }[];
  plainTexts: string[];
  htmlTexts: string[];
}

const MAX_DEPTH = 40;

export function toBase64Url(buf: Buffer): string {
  return buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

export function decodeQuotedPrintable(buf: Buffer): Buffer {
  const out = Buffer.allocUnsafe(buf.length);
  let o = 0;
  const hex = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (c !== 61) {
      out[o++] = c;
      continue;
    }
    const a = buf[i + 1];
    const b = buf[i + 2];
    if (a === 10) {
      i += 1; // soft break
    } else if (a === 13 && b === 10) {
      i += 2;
    } else if (a !== undefined && b !== undefined && hex(a) >= 0 && hex(b) >= 0) {
      out[o++] = hex(a) * 16 + hex(b);
      i += 2;
    } else {
      // "=" followed by trailing spaces then a line break is a soft break too
      let j = i + 1;
      while (buf[j] === 32 || buf[j] === 9) j++;
      if (buf[j] === 10 || (buf[j] === 13 && buf[j + 1] === 10)) i = buf[j] === 13 ? j + 1 : j;
      else out[o++] = c;
    }
  }
  return out.subarray(0, o);
}

function decodeTransfer(buf: Buffer, encoding: string): Buffer {
  switch (encoding) {
    case 'base64':
      return Buffer.from(buf.toString('latin1'), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(buf);
    default:
      return buf;
  }
}

/** An HTML part without a charset parameter: use its <meta> charset, as a browser would. */
function sniffHtmlCharset(bytes: Buffer): string | undefined {
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(bytes.toString('latin1', 0, Math.min(bytes.length, 4096)));
  return m?.[1];
}

function childId(parent: string, index: number): string {
  return parent === '' ? String(index) : `${parent}.${index}`;
}

/** Stable opaque attachment id, shaped like Gmail's ("ANGjdJ..."), from message id and part id. */
export function attachmentIdFor(messageId: string, partId: string): string {
  return `ANGjdJ${createHash('sha256').update(`${messageId}:${partId}`).digest('base64url')}`;
}

/** Finds the delimiter lines "--boundary" of a multipart body in buf[start, end). */
function splitMultipart(buf: Buffer, start: number, end: number, boundary: string): { start: number; end: number }[] | null {
  const delim = Buffer.from(`--${boundary}`, 'latin1');
  const bodies: { start: number; end: number }[] = [];
  let partStart = -1;
  let pos = start;
  let found = false;
  while (pos < end) {
    const at = buf.indexOf(delim, pos);
    if (at < 0 || at + delim.length > end) break;
    pos = at + delim.length;
    if (at !== start && buf[at - 1] !== 10) continue;
    let p = at + delim.length;
    const closing = buf[p] === 45 && buf[p + 1] === 45;
    if (closing) p += 2;
    let q = p;
    while (q < end && (buf[q] === 32 || buf[q] === 9 || buf[q] === 13)) q++;
    if (q < end && buf[q] !== 10) continue; // "--boundaryX": a longer boundary, not ours
    found = true;
    if (partStart >= 0) {
      let partEnd = at;
      if (partEnd > partStart && buf[partEnd - 1] === 10) partEnd--;
      if (partEnd > partStart && buf[partEnd - 1] === 13) partEnd--;
      bodies.push({ start: partStart, end: Math.max(partStart, partEnd) });
    }
    if (closing) return bodies;
    partStart = q < end ? q + 1 : end;
    pos = partStart;
  }
  if (!found) return null;
  if (partStart >= 0 && partStart < end) bodies.push({ start: partStart, end }); // no closing delimiter
  return bodies;
}

interface WalkContext {
  messageId: string;
  result: MimeWalkResult;
}

function walk(
  ctx: WalkContext,
  buf: Buffer,
  start: number,
  end: number,
  partId: string,
  defaultType: string,
  depth: number,
  isRoot: boolean,
): GmailMessagePart {
  const { headers: raw, bodyStart } = parseHeaderBlock(buf, start, end);
  const ctHeader = findHeader(raw, 'content-type');
  const ct = parseStructured(ctHeader ? ctHeader.value.replace(/\r?\n/g, '') : '');
  let mimeType = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(ct.type) ? ct.type : defaultType;
  if (!ctHeader) mimeType = defaultType;
  const charset = ct.params.get('charset');
  if (isRoot) {
    ctx.result.rootHeaders = raw;
    ctx.result.rootCharset = charset;
  }
  const headers = raw.map((h) => ({ name: h.name, value: decodeHeaderValue(h.value, charset) }));
  const cdHeader = findHeader(raw, 'content-disposition');
  const cd = cdHeader ? parseStructured(cdHeader.value.replace(/\r?\n/g, ''), charset) : null;
  const filename = (cd?.params.get('filename') ?? ct.params.get('name') ?? '').trim();
  const cte = (findHeader(raw, 'content-transfer-encoding')?.value ?? '').trim().toLowerCase();
  const part: GmailMessagePart = { partId, mimeType, filename, headers, body: { size: 0 } };

  if (mimeType.startsWith('multipart/') && depth < MAX_DEPTH) {
    const boundary = ct.params.get('boundary');
    const bodies = boundary ? splitMultipart(buf, bodyStart, end, boundary) : null;
    if (bodies) {
      const childDefault = mimeType === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
      part.parts = bodies.map((b, i) => walk(ctx, buf, b.start, b.end, childId(partId, i), childDefault, depth + 1, false));
      return part;
    }
    // no usable boundary: Gmail shows the body as it is
  }

  const bytes = decodeTransfer(buf.subarray(bodyStart, end), cte);
  if ((mimeType === 'message/rfc822' || mimeType === 'message/global') && depth < MAX_DEPTH) {
    // downloadable as a whole (.eml), and shown through its parsed child
    const id = attachmentIdFor(ctx.messageId, partId);
    ctx.result.attachments.set(id, bytes);
    part.body = { size: bytes.length, attachmentId: id };
    if (filename) ctx.result.attachmentList.push({ filename, mimeType });
    part.parts = [walk(ctx, bytes, 0, bytes.length, childId(partId, 0), 'text/plain', depth + 1, false)];
    return part;
  }

  const isText = mimeType.startsWith('text/') || mimeType.startsWith('message/');
  const isAttachment = filename !== '' || (cd?.type === 'attachment' && !mimeType.startsWith('message/')) || !isText;
  if (filename) ctx.result.attachmentList.push({ filename, mimeType });
  if (isAttachment) {
    const id = attachmentIdFor(ctx.messageId, partId);
    ctx.result.attachments.set(id, bytes);
    part.body = { size: bytes.length, attachmentId: id };
    return part;
  }
  part.body = bytes.length > 0 ? { size: bytes.length, data: toBase64Url(bytes) } : { size: 0 };
  if (mimeType === 'text/plain') ctx.result.plainTexts.push(decodeBytes(bytes, charset));
  else if (mimeType === 'text/html') ctx.result.htmlTexts.push(decodeBytes(bytes, charset ?? sniffHtmlCharset(bytes)));
  return part;
}

/** Walks the MIME tree of raw into a Gmail payload (partIds "", "0", "1.0", ...). */
export function walkMime(raw: Buffer, messageId: string): MimeWalkResult {
  const result: MimeWalkResult = {
    payload: { partId: '', mimeType: 'text/plain', filename: '', headers: [], body: { size: 0 } },
    rootHeaders: [],
    rootCharset: undefined,
    attachments: new Map(),
    attachmentList: [],
    plainTexts: [],
    htmlTexts: [],
  };
  result.payload = walk({ messageId, result }, raw, 0, raw.length, '', 'text/plain', 0, true);
  return result;
}
