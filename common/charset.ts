/**
 * Charset decoding for mail bodies and headers, in any process: WHATWG labels through
 * TextDecoder (Node and Chromium ship full ICU, so euc-kr / ks_c_5601-1987, iso-2022-jp,
 * shift_jis, gb2312/gbk, big5, koi8-r ... all work), a small UTF-7 decoder, and a lenient
 * fallback for bogus labels ("default", "x-unknown"): UTF-8 when the bytes are valid
 * UTF-8, else windows-1252. Never throws.
 */
// Named by shape: Node declares TextDecoder as a value only, the browser as a type too.
type Decoder = InstanceType<typeof TextDecoder>;
const decoders = new Map<string, Decoder | null>();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decoderFor(label: string): Decoder | null {
  let decoder = decoders.get(label);
  if (decoder !== undefined) return decoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = null;
  }
  decoders.set(label, decoder);
  return decoder;
}

export function normalizeCharsetLabel(charset: string): string {
  let label = charset
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .toLowerCase();
  // Real-world mistakes: "gb2312_charset", "default_charset", "cp-1252", "win-1252".
  label = label.replace(/_charset$/, '');
  if (/^(?:cp|win)-?(125\d)$/.test(label)) label = `windows-${label.replace(/\D/g, '')}`;
  return label;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeUtf7(bytes: Uint8Array): string {
  let s = '';
  for (const byte of bytes) s += String.fromCharCode(byte);
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
      let binary = '';
      try {
        binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
      } catch {
        // A broken shift sequence decodes to nothing rather than failing the message.
      }
      for (let k = 0; k + 1 < binary.length; k += 2) out += String.fromCharCode((binary.charCodeAt(k) << 8) | binary.charCodeAt(k + 1));
    }
    i = stop < s.length && s[stop] === '-' ? stop + 1 : stop;
  }
  return out;
}

function utf8OrWindows1252(bytes: Uint8Array): string {
  return isValidUtf8(bytes) ? new TextDecoder('utf-8').decode(bytes) : decoderFor('windows-1252')!.decode(bytes);
}

export function decodeBytes(bytes: Uint8Array, charset?: string): string {
  if (bytes.length === 0) return '';
  const label = charset ? normalizeCharsetLabel(charset) : '';
  if (label === '' || label === 'utf-8' || label === 'utf8' || label === 'us-ascii' || label === 'ascii') return utf8OrWindows1252(bytes);
  if (label === 'utf-7' || label === 'utf7' || label === 'unicode-1-1-utf-7') return decodeUtf7(bytes);
  const decoder = decoderFor(label);
  return decoder ? decoder.decode(bytes) : utf8OrWindows1252(bytes);
}
