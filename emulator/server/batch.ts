/**
 * Multipart batches (POST /batch/gmail/v1 and /batch): each part is an application/http
 * request; answers come back in order, one application/http part each, Content-ID echoed as
 * `response-<id>`. The outer Authorization applies unless a part sends its own.
 */
import { randomBytes } from 'node:crypto';
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { EmuRequest, EmuResponse } from './http';
import { errorToResponse, headerValue } from './http';
import { apiError } from './errors';

export const MAX_BATCH_PARTS = 100;

function batchError(message: string): never {
  throw apiError(400, message, { status: 'INVALID_ARGUMENT', noErrors: true });
}

interface Part {
  headers: Map<string, string>;
  content: Buffer;
}

function parseHeaderBlock(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let last = '';
  for (const line of text.split(/\r?\n/)) {
    if (!line) continue;
    if (/^[ \t]/.test(line) && last) {
      out.set(last, `${out.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const i = line.indexOf(':');
    if (i <= 0) continue;
    last = line.slice(0, i).trim().toLowerCase();
    out.set(last, line.slice(i + 1).trim());
  }
  return out;
}

/** Split at the first blank line (CRLF CRLF or LF LF). */
function splitHead(buf: Buffer): [string, Buffer] {
  let idx = buf.indexOf('\r\n\r\n');
  let sep = 4;
  const lf = buf.indexOf('\n\n');
  if (idx < 0 || (lf >= 0 && lf < idx)) {
    idx = lf;
    sep = 2;
  }
  if (idx < 0) return [buf.toString('utf8'), Buffer.alloc(0)];
  return [buf.subarray(0, idx).toString('utf8'), buf.subarray(idx + sep)];
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/mixed\b/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function splitMultipart(body: Buffer, boundary: string): Part[] {
  const delim = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delim);
  if (pos < 0) return parts;
  for (;;) {
    const start = pos + delim.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delim, start);
    if (next < 0) break;
    let chunk = body.subarray(start, next);
    // Drop the line break after the delimiter and the one before the next delimiter.
    if (chunk.subarray(0, 2).toString() === '\r\n') chunk = chunk.subarray(2);
    else if (chunk.subarray(0, 1).toString() === '\n') chunk = chunk.subarray(1);
    if (chunk.subarray(-2).toString() === '\r\n') chunk = chunk.subarray(0, -2);
    else if (chunk.subarray(-1).toString() === '\n') chunk = chunk.subarray(0, -1);
    const [head, content] = splitHead(chunk);
    parts.push({ headers: parseHeaderBlock(head), content });
    pos = next;
  }
  return parts;
}

export async function handleBatch(outer: EmuRequest, dispatch: (req: EmuRequest) => Promise<EmuResponse>): Promise<EmuResponse> {
  try {
    if (outer.method !== 'POST') throw apiError(404, 'Not Found', { reason: 'notFound' });
    const boundary = boundaryOf(headerValue(outer.headers, 'content-type'));
    if (!boundary) batchError('Failed to parse batch request, error: Content-Type is not multipart/mixed with a boundary.');
    const parts = splitMultipart(outer.body, boundary);
    if (parts.length === 0) batchError(`Failed to parse batch request, error: 0 items. Received batch body: (${outer.body.length}) bytes redacted`);
    if (parts.length > MAX_BATCH_PARTS) batchError(`Inner request count exceeds the limit. Received: ${parts.length}, Limit: ${MAX_BATCH_PARTS}`);

    const inner: (EmuRequest | EmuResponse)[] = parts.map((p) => toRequest(p, outer));
    const answers = await Promise.all(inner.map((r) => ('status' in r ? Promise.resolve(r) : dispatch(r))));

    const out = `batch_${randomBytes(12).toString('base64url')}`;
    const chunks: Buffer[] = [];
    answers.forEach((res, i) => {
      const id = parts[i]!.headers.get('content-id');
      const status = res.drop ? 503 : res.status;
      const body = res.drop ? '' : Buffer.isBuffer(res.body) ? res.body : Buffer.from(res.body);
      let head = `--${out}\r\nContent-Type: application/http\r\n`;
      if (id) head += `Content-ID: <response-${id.replace(/^<|>$/g, '')}>\r\n`;
      head += `\r\nHTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n`;
      for (const [k, v] of Object.entries(res.drop ? {} : res.headers)) head += `${k}: ${v}\r\n`;
      head += `Content-Length: ${body.length}\r\n\r\n`;
      chunks.push(Buffer.from(head), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('\r\n'));
    });
    chunks.push(Buffer.from(`--${out}--\r\n`));
    return { status: 200, headers: { 'Content-Type': `multipart/mixed; boundary=${out}`, Vary: 'Origin, X-Origin, Referer' }, body: Buffer.concat(chunks) };
  } catch (e) {
    return errorToResponse(e);
  }
}

function toRequest(part: Part, outer: EmuRequest): EmuRequest | EmuResponse {
  const [head, body] = splitHead(part.content);
  const lines = head.split(/\r?\n/);
  let first = lines.shift() ?? '';
  while (first.trim() === '' && lines.length) first = lines.shift() ?? '';
  const m = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/.exec(first.trim());
  if (!m) {
    return errorToResponse(apiError(400, 'Failed to parse batch request part: bad request line.', { reason: 'badRequest' }));
  }
  let url: URL;
  try {
    url = new URL(m[2]!, 'http://batch.invalid');
  } catch {
    return errorToResponse(apiError(400, 'Failed to parse batch request part: bad URL.', { reason: 'badRequest' }));
  }
  const headers: IncomingHttpHeaders = {};
  for (const [k, v] of parseHeaderBlock(lines.join('\n'))) headers[k] = v;
  const auth = headerValue(outer.headers, 'authorization');
  if (headers.authorization === undefined && auth !== undefined) headers.authorization = auth;
  let path: string;
  try {
    path = url.pathname;
  } catch {
    path = '/';
  }
  return {
    method: m[1]!,
    path,
    query: url.searchParams,
    headers,
    body,
    remoteAddress: outer.remoteAddress,
    inBatch: true,
  };
}
