import { isUtf8 } from 'node:buffer';

/**
 * Charset decoding for mail: WHATWG labels through TextDecoder (Node ships full ICU, so
 * euc-kr / ks_c_5601-1987, iso-2022-jp, shift_jis, gb2312/gbk, big5, koi8-r, ... all work),
 * a small UTF-7 decoder, and a lenient fallback for bogus labels ("default", "x-unknown"):
 * UTF-8 when the bytes are valid UTF-8, else windows-1252. Never throws.
 */
const decoders = new Map<string, TextDecoder | null>();

function decoderFor(label: string): TextDecoder | null {
  let dec = decoders.get(label);
  if (dec !== undefined) return dec;
  try {
    dec = new TextDecoder(label);
  } catch {
    dec = null;
  }
  decoders.set(label, dec);
  return dec;
}

function normalizeLabel(charset: string): string {
  let label = charset.trim().replace(/^["']+|["']+$/g, '').toLowerCase();
  // Real-world mistakes: "gb2312_charset", "default_charset", "x-euc-kr", "cp-1252", "win-1252".
  label = label.replace(/_charset$/, '');
  if (/^(?:cp|win)-?(125\d)$/.test(label)) label = `windows-${label.replace(/\D/g, '')}`;
  return label;
}

export function decodeUtf7(buf: Buffer): string {
  const s = buf.toString('latin1');
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c !== '+') {
      out += c;
      i++;
      continue;
    }
    const end = s.slice(i + 1).search(/[^A-Za-z0-9+/]/);
    const stop = end < 0 ? s.length : i + 1 + end;
    const b64 = s.slice(i + 1, stop);
    if (b64 === '') {
      out += '+';
    } else {
      const bytes = Buffer.from(b64, 'base64');
      for (let k = 0; k + 1 < bytes.length; k += 2) out += String.fromCharCode((bytes[k]! << 8) | bytes[k + 1]!);
    }
    i = stop < s.length && s[stop] === '-' ? stop + 1 : stop;
  }
  return out;
}

/** True when TextDecoder (or our UTF-7 decoder) knows the label. */
export function isKnownCharset(charset: string): boolean {
  const label = normalizeLabel(charset);
  return label === 'utf-7' || label === 'utf7' || decoderFor(label) !== null;
}

export function decodeBytes(buf: Buffer, charset?: string): string {
  if (buf.length === 0) return '';
  const label = charset ? normalizeLabel(charset) : '';
  if (label === '' || label === 'utf-8' || label === 'utf8' || label === 'us-ascii' || label === 'ascii') {
    return isUtf8(buf) ? buf.toString('utf8') : decoderFor('windows-1252')!.decode(buf);
  }
  if (label === 'utf-7' || label === 'utf7' || label === 'unicode-1-1-utf-7') return decodeUtf7(buf);
  const dec = decoderFor(label);
  if (dec) return dec.decode(buf);
  return isUtf8(buf) ? buf.toString('utf8') : decoderFor('windows-1252')!.decode(buf);
}
