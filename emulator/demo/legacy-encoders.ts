/**
 * Encoders for the legacy CJK charsets the demo needs (EUC-KR, ISO-2022-JP, GB2312), built
 * by inverting the WHATWG decoders Node ships: no extra dependency, and exactly the bytes a
 * decoder maps back to the same text.
 */
type Table = Map<string, number[]>;

function buildTable(label: string, leads: [number, number], trails: [number, number]): Table {
  const dec = new TextDecoder(label, { fatal: true });
  const table: Table = new Map();
  for (let a = leads[0]; a <= leads[1]; a++) {
    for (let b = trails[0]; b <= trails[1]; b++) {
      let ch: string;
      try {
        ch = dec.decode(Uint8Array.of(a, b));
      } catch {
        continue;
      }
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return table;
}

const tables = new Map<string, Table>();
function table(name: 'euc-kr' | 'euc-jp' | 'gb2312'): Table {
  let t = tables.get(name);
  if (!t) {
    t =
      name === 'euc-kr'
        ? buildTable('euc-kr', [0xa1, 0xfe], [0xa1, 0xfe])
        : name === 'euc-jp'
          ? buildTable('euc-jp', [0xa1, 0xfe], [0xa1, 0xfe])
          : buildTable('gbk', [0xa1, 0xf7], [0xa1, 0xfe]);
    tables.set(name, t);
  }
  return t;
}

function encodeDoubleByte(text: string, name: 'euc-kr' | 'gb2312'): Buffer {
  const t = table(name);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = t.get(ch);
      if (!bytes) throw new Error(`${name} cannot encode ${JSON.stringify(ch)}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

export const encodeEucKr = (text: string): Buffer => encodeDoubleByte(text, 'euc-kr');
export const encodeGb2312 = (text: string): Buffer => encodeDoubleByte(text, 'gb2312');

/** ISO-2022-JP (JIS X 0208 via EUC-JP's table), with the escape back to ASCII before each line end. */
export function encodeIso2022Jp(text: string): Buffer {
  const t = table('euc-jp');
  const out: number[] = [];
  let jis = false;
  const toAscii = (): void => {
    if (jis) out.push(0x1b, 0x28, 0x42);
    jis = false;
  };
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      toAscii();
      out.push(code);
      continue;
    }
    const bytes = t.get(ch);
    if (!bytes) throw new Error(`ISO-2022-JP cannot encode ${JSON.stringify(ch)}`);
    if (!jis) out.push(0x1b, 0x24, 0x42);
    jis = true;
    out.push(bytes[0]! & 0x7f, bytes[1]! & 0x7f);
  }
  toAscii();
  return Buffer.from(out);
}
