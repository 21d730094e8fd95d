/**
 * Gmail's multipart batch endpoint (the Node client has none): up to 100 GETs in one
 * HTTP round trip, each answered in its own part with its own status.
 */
import { randomBytes } from 'node:crypto';

export const GMAIL_BATCH_PATH = 'batch/gmail/v1';
export const MAX_BATCH_SIZE = 100;

export interface BatchPartResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export function buildBatchBody(paths: readonly string[], boundary: string): string {
  const parts = paths.map((path, index) => `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <item${index}>\r\n\r\nGET ${path} HTTP/1.1\r\n\r\n`);
  return `${parts.join('')}--${boundary}--\r\n`;
}

function parseHeaderBlock(block: string): Record<string, string> {
  // Null prototype: header names come off the wire (a `__proto__:` line must stay a header).
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function splitHead(text: string): [string, string] {
  const match = /\r?\n\r?\n/.exec(text);
  if (!match) return [text, ''];
  return [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}

/** Parses a multipart/mixed batch response into parts ordered by their Content-ID. */
export function parseBatchResponse(contentType: string, body: string, expected: number): BatchPartResponse[] {
  const boundaryMatch = /boundary="?([^";]+)"?/i.exec(contentType);
  if (!boundaryMatch) throw new Error('Batch response without a multipart boundary.');
  const boundary = boundaryMatch[1]!;
  const chunks = body.split(`--${boundary}`).slice(1);
  const byIndex = new Map<number, BatchPartResponse>();
  const inOrder: BatchPartResponse[] = [];
  for (const chunk of chunks) {
    if (chunk.startsWith('--')) break;
    const [outerHead, httpMessage] = splitHead(chunk.replace(/^\r?\n/, ''));
    const outer = parseHeaderBlock(outerHead);
    const [innerHead, innerBody] = splitHead(httpMessage);
    const [statusLine = '', ...headerLines] = innerHead.split(/\r?\n/);
    const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
    const trimmed = innerBody.replace(/\r?\n$/, '');
    let parsed: unknown = trimmed;
    try {
      parsed = trimmed ? JSON.parse(trimmed) : null;
    } catch {
      // Non-JSON part bodies are kept as text.
    }
    const part: BatchPartResponse = { status, headers: parseHeaderBlock(headerLines.join('\n')), body: parsed };
    const index = /<response-item(\d+)>/.exec(outer['content-id'] ?? '')?.[1];
    if (index !== undefined) byIndex.set(Number(index), part);
    inOrder.push(part);
  }
  if (byIndex.size === expected) return Array.from({ length: expected }, (_, i) => byIndex.get(i)!);
  if (inOrder.length === expected) return inOrder;
  throw new Error(`Batch response had ${inOrder.length} parts for ${expected} requests.`);
}

export interface BatchTransport {
  readonly rootUrl: string;
  getAccessToken(): Promise<string>;
  readonly fetch?: typeof fetch;
}

export class BatchHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly retryAfter: string | null,
  ) {
    super(`Batch request failed with HTTP ${status}.`);
    this.name = 'BatchHttpError';
  }
  get response() {
    return { status: this.status, data: this.body, headers: { 'retry-after': this.retryAfter ?? undefined } };
  }
}

export async function sendBatch(transport: BatchTransport, paths: readonly string[]): Promise<BatchPartResponse[]> {
  if (paths.length === 0) return [];
  if (paths.length > MAX_BATCH_SIZE) throw new Error(`A batch holds at most ${MAX_BATCH_SIZE} requests.`);
  const boundary = `skimmer_${randomBytes(12).toString('hex')}`;
  const token = await transport.getAccessToken();
  const url = new URL(GMAIL_BATCH_PATH, transport.rootUrl.endsWith('/') ? transport.rootUrl : `${transport.rootUrl}/`);
  const response = await (transport.fetch ?? fetch)(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/mixed; boundary=${boundary}` },
    body: buildBatchBody(paths, boundary),
  });
  const text = await response.text();
  if (!response.ok) {
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep text
    }
    throw new BatchHttpError(response.status, body, response.headers.get('retry-after'));
  }
  return parseBatchResponse(response.headers.get('content-type') ?? '', text, paths.length);
}
