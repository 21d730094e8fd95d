/** Message and thread resources in Gmail's formats (minimal, metadata, full, raw). */
import type { GmailMessagePart, StoredMessageLike } from '../types';

export type MessageFormat = 'minimal' | 'metadata' | 'full' | 'raw';

export interface FormatOptions {
  format: MessageFormat;
  metadataHeaders?: string[];
  /** Token carries gmail.metadata: no snippet. */
  metadataScope?: boolean;
}

const rawCache = new WeakMap<Buffer, string>();

function rawBase64(raw: Buffer): string {
  let s = rawCache.get(raw);
  if (s === undefined) {
    s = raw.toString('base64url');
    rawCache.set(raw, s);
  }
  return s;
}

export function formatMessage(m: StoredMessageLike, opts: FormatOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { id: m.id, threadId: m.threadId };
  if (m.labelIds.length) out.labelIds = [...m.labelIds];
  if (!opts.metadataScope && m.snippet) out.snippet = m.snippet;
  if (opts.format === 'raw') {
    out.sizeEstimate = m.sizeEstimate;
    out.raw = rawBase64(m.raw);
    out.historyId = m.historyId;
    out.internalDate = String(m.internalDate);
    return out;
  }
  if (opts.format === 'metadata') {
    const wanted = opts.metadataHeaders?.length ? new Set(opts.metadataHeaders.map((h) => h.toLowerCase())) : undefined;
    const headers = wanted ? m.payload.headers.filter((h) => wanted.has(h.name.toLowerCase())) : m.payload.headers;
    const payload: Record<string, unknown> = { partId: m.payload.partId, mimeType: m.payload.mimeType, filename: m.payload.filename };
    if (headers.length) payload.headers = headers;
    out.payload = payload;
  } else if (opts.format === 'full') {
    out.payload = m.payload as GmailMessagePart;
  }
  out.sizeEstimate = m.sizeEstimate;
  out.historyId = m.historyId;
  out.internalDate = String(m.internalDate);
  return out;
}

/** The thread's historyId is the highest of its messages'. */
export function maxHistoryId(msgs: StoredMessageLike[]): string {
  let best = 0n;
  for (const m of msgs) {
    const h = BigInt(m.historyId);
    if (h > best) best = h;
  }
  return best.toString();
}
