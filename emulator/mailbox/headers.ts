import { isUtf8 } from 'node:buffer';
import { decodeBytes } from '../../common/charset';

/** One header field as found: original name case, value unfolded but not yet decoded. */
export interface RawHeader {
  name: string;
  /** Raw bytes of the value (latin1 string: one char per byte), folding removed. */
  value: string;
}

export interface HeaderBlock {
  headers: RawHeader[];
  /** Offset in the buffer where the body starts. */
  bodyStart: number;
}

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/**
 * Reads the header block of an entity stored in buf[start, end). Lenient like Python's
 * compat32 parser: the block ends at the first empty line, or at the first line that is
 * neither a header field nor a continuation (that line then starts the body).
 */
export function parseHeaderBlock(buf: Buffer, start: number, end: number): HeaderBlock {
  const headers: RawHeader[] = [];
  let pos = start;
  if (buf[pos] === 0xef && buf[pos + 1] === 0xbb && buf[pos + 2] === 0xbf) pos += 3; // UTF-8 BOM
  let current: RawHeader | null = null;
  while (pos < end) {
    let nl = buf.indexOf(10, pos);
    if (nl < 0 || nl >= end) nl = end;
    let lineEnd = nl;
    if (lineEnd > pos && buf[lineEnd - 1] === 13) lineEnd--;
    const next = nl < end ? nl + 1 : end;
    if (lineEnd === pos) return { headers, bodyStart: next };
    const line = buf.toString('latin1', pos, lineEnd);
    // a whitespace-only line ends the block too: senders mean it as the empty line
    if (/^[ \t]+$/.test(line)) return { headers, bodyStart: next };
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 9) && current) {
      current.value += line;
    } else if (HEADER_LINE.test(line)) {
      const colon = line.indexOf(':');
      current = { name: line.slice(0, colon).trim(), value: line.slice(colon + 1) };
      headers.push(current);
    } else if (headers.length === 0 && pos === start && isEnvelopeLine(line)) {
      // a stray mbox envelope line; not a header, not the body
    } else if (headers.length > 0 && nextLineIsHeader(buf, next, end)) {
      // one garbled line inside the header block ("quite Delivered-To: ..."): skip it, as
      // lenient parsers do, rather than losing every header after it
      current = null;
    } else {
      return { headers, bodyStart: pos };
    }
    pos = next;
  }
  return { headers, bodyStart: end };
}

function nextLineIsHeader(buf: Buffer, pos: number, end: number): boolean {
  if (pos >= end) return false;
  let nl = buf.indexOf(10, pos);
  if (nl < 0 || nl > end) nl = end;
  return HEADER_LINE.test(buf.toString('latin1', pos, Math.min(nl, pos + 200)));
}

/** An mbox "From " envelope line, not an obsolete-syntax "From : x" header. */
export function isEnvelopeLine(line: string): boolean {
  return /^From (?:[^\s:]|\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) )/.test(line);
}

export function findHeader(headers: RawHeader[], name: string): RawHeader | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower);
}

export function findHeaders(headers: RawHeader[], name: string): RawHeader[] {
  const lower = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === lower);
}

/** Bytes of a latin1-held raw value, decoded as UTF-8 or the fallback charset (8-bit headers). */
export function decodeRawText(value: string, fallbackCharset?: string): string {
  if (!/[\x80-\xff]/.test(value)) return value;
  const bytes = Buffer.from(value, 'latin1');
  if (isUtf8(bytes) || !fallbackCharset) return decodeBytes(bytes, 'utf-8');
  return decodeBytes(bytes, fallbackCharset);
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?]*)\?=/g;

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') bytes.push(32);
    else if (c === '=' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/**
 * RFC 2047: decodes encoded-words; whitespace between adjacent encoded-words is dropped,
 * and adjacent words in the same charset are joined at the byte level first (so a multibyte
 * character split across two words still decodes).
 */
export function decodeEncodedWords(input: string, fallbackCharset?: string): string {
  if (!input.includes('=?')) return decodeRawText(input, fallbackCharset);
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: Buffer[] } | null = null;
  const flush = (): void => {
    if (pending) out += decodeBytes(Buffer.concat(pending.bytes), pending.charset);
    pending = null;
  };
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(input); m; m = ENCODED_WORD.exec(input)) {
    const between = input.slice(last, m.index);
    const charset = m[1]!.split('*')[0]!;
    const enc = m[2]!.toUpperCase();
    const bytes = enc === 'B' ? Buffer.from(m[3]!.replace(/[^A-Za-z0-9+/]/g, ''), 'base64') : decodeQ(m[3]!);
    if (pending && /^[ \t\r\n]*$/.test(between)) {
      // Same charset: join bytes so a character split across words survives. Not for stateful
      // encodings (ISO-2022-*, UTF-7): each word is complete, and joined escapes decode to U+FFFD.
      if (pending.charset.toLowerCase() === charset.toLowerCase() && !/^(?:iso-?2022|utf-?7)/i.test(charset)) pending.bytes.push(bytes);
      else {
        flush();
        pending = { charset, bytes: [bytes] };
      }
    } else {
      flush();
      out += decodeRawText(between, fallbackCharset);
      pending = { charset, bytes: [bytes] };
    }
    last = m.index + m[0].length;
  }
  flush();
  out += decodeRawText(input.slice(last), fallbackCharset);
  return out;
}

/** Header value as Gmail shows it: unfolded, encoded-words decoded, 8-bit bytes decoded. */
export function decodeHeaderValue(value: string, fallbackCharset?: string): string {
  return decodeEncodedWords(value.replace(/\r?\n/g, '').trim(), fallbackCharset);
}

export interface ContentType {
  type: string; // lower-case "type/subtype"
  params: Map<string, string>;
}

/** Splits a structured header value "token; a=b; c*0*=..." into its first token and params (RFC 2231 aware). */
export function parseStructured(value: string, fallbackCharset?: string): ContentType {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && quoted && i + 1 < value.length) {
      cur += value[++i];
      continue;
    }
    if (c === '"') {
      quoted = !quoted;
      cur += c;
      continue;
    }
    if (c === ';' && !quoted) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  const type = (parts.shift() ?? '').trim().toLowerCase().replace(/\s+/g, '');
  const continuations = new Map<string, { charset?: string; pieces: { n: number; v: string; enc: boolean }[] }>();
  const params = new Map<string, string>();
  for (const p of parts) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    let key = p.slice(0, eq).trim().toLowerCase();
    let val = p.slice(eq + 1).trim();
    const wasQuoted = val.startsWith('"');
    if (wasQuoted) val = val.replace(/^"|"$/g, '');
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(key);
    if (m && (m[2] !== undefined || m[3] !== undefined)) {
      key = m[1]!;
      const entry = continuations.get(key) ?? { pieces: [] };
      const n = m[2] !== undefined ? Number(m[2]) : 0;
      const enc = m[3] !== undefined;
      if (enc && n === 0) {
        const q = /^([^']*)'[^']*'(.*)$/.exec(val);
        if (q) {
          entry.charset = q[1] || 'utf-8';
          val = q[2]!;
        }
      }
      entry.pieces.push({ n, v: val, enc });
      continuations.set(key, entry);
    } else if (!params.has(key)) {
      params.set(key, wasQuoted || val.includes('=?') ? decodeEncodedWords(val, fallbackCharset) : decodeRawText(val, fallbackCharset));
    }
  }
  for (const [key, entry] of continuations) {
    entry.pieces.sort((a, b) => a.n - b.n);
    const bytes: number[] = [];
    for (const piece of entry.pieces) {
      if (piece.enc) {
        const s = piece.v;
        for (let i = 0; i < s.length; i++) {
          if (s[i] === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
            bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
            i += 2;
          } else bytes.push(s.charCodeAt(i) & 0xff);
        }
      } else for (let i = 0; i < piece.v.length; i++) bytes.push(piece.v.charCodeAt(i) & 0xff);
    }
    const decoded = decodeBytes(Buffer.from(bytes), entry.charset ?? fallbackCharset ?? 'utf-8');
    params.set(key, decoded.includes('=?') ? decodeEncodedWords(decoded) : decoded);
  }
  return { type, params };
}
