/**
 * A CSS tokenizer after CSS Syntax Level 3 §4 (https://www.w3.org/TR/css-syntax-3/#tokenization).
 * Escapes are decoded here exactly once, into token values; nothing downstream decodes
 * again, and the serialiser re-escapes, so what the sanitiser checks is what the browser
 * reads. Every loop advances `pos`, so the work is linear in the input.
 */

export type Token =
  | { readonly type: 'ident' | 'function' | 'at-keyword' | 'url' | 'bad-url' | 'string' | 'bad-string'; readonly value: string }
  | { readonly type: 'hash'; readonly value: string }
  | { readonly type: 'number' | 'percentage'; readonly repr: string }
  | { readonly type: 'dimension'; readonly repr: string; readonly unit: string }
  | { readonly type: 'delim'; readonly value: string }
  | { readonly type: 'whitespace' | 'cdo' | 'cdc' | 'colon' | 'semicolon' | 'comma' | '[' | ']' | '(' | ')' | '{' | '}' };

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isNewline = (c: number) => c === 0x0a || c === 0x0c || c === 0x0d;
const isWs = (c: number) => isNewline(c) || c === 0x09 || c === 0x20;
const isNameStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c >= 0x80;
const isName = (c: number) => isNameStart(c) || isDigit(c) || c === 0x2d;
const NONE = -1;

export function tokenize(input: string): Token[] {
  // Preprocessing (§3.3): CRLF, CR, FF -> LF; NUL and surrogates -> U+FFFD.
  const s = input.replace(/\r\n?|\f/g, '\n').replace(/\0/g, '\ufffd');
  const n = s.length;
  let pos = 0;
  const out: Token[] = [];
  const at = (i: number) => (i < n ? s.charCodeAt(i) : NONE);
  const validEscape = (i: number) => at(i) === 0x5c && at(i + 1) !== NONE && !isNewline(at(i + 1));
  const startsIdent = (i: number) => {
    const c = at(i);
    if (c === 0x2d) return isNameStart(at(i + 1)) || at(i + 1) === 0x2d || validEscape(i + 1);
    return isNameStart(c) || validEscape(i);
  };
  const startsNumber = (i: number) => {
    const c = at(i);
    if (c === 0x2b || c === 0x2d) return isDigit(at(i + 1)) || (at(i + 1) === 0x2e && isDigit(at(i + 2)));
    if (c === 0x2e) return isDigit(at(i + 1));
    return isDigit(c);
  };
  /** §4.3.7, with pos on the character after the backslash. */
  const consumeEscape = (): string => {
    const c = at(pos);
    if (c === NONE) return '\ufffd';
    if (isHex(c)) {
      let hex = '';
      while (hex.length < 6 && isHex(at(pos))) hex += s[pos++];
      if (isWs(at(pos))) pos += 1;
      const code = parseInt(hex, 16);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const cp = s.codePointAt(pos) ?? 0xfffd;
    pos += cp > 0xffff ? 2 : 1;
    return String.fromCodePoint(cp);
  };
  const consumeName = (): string => {
    let name = '';
    for (;;) {
      const c = at(pos);
      if (c !== NONE && isName(c)) name += s[pos++];
      else if (validEscape(pos)) {
        pos += 1;
        name += consumeEscape();
      } else return name;
    }
  };
  const consumeNumber = (): string => {
    const start = pos;
    if (at(pos) === 0x2b || at(pos) === 0x2d) pos += 1;
    while (isDigit(at(pos))) pos += 1;
    if (at(pos) === 0x2e && isDigit(at(pos + 1))) {
      pos += 1;
      while (isDigit(at(pos))) pos += 1;
    }
    const e = at(pos);
    if ((e === 0x45 || e === 0x65) && (isDigit(at(pos + 1)) || ((at(pos + 1) === 0x2b || at(pos + 1) === 0x2d) && isDigit(at(pos + 2))))) {
      pos += 2;
      while (isDigit(at(pos))) pos += 1;
    }
    return s.slice(start, pos);
  };
  const consumeString = (quote: number): Token => {
    let value = '';
    for (;;) {
      const c = at(pos);
      if (c === NONE || c === quote) {
        if (c !== NONE) pos += 1;
        return { type: 'string', value };
      }
      if (isNewline(c)) return { type: 'bad-string', value };
      if (c === 0x5c) {
        if (at(pos + 1) === NONE) pos += 1;
        else if (isNewline(at(pos + 1))) pos += 2;
        else {
          pos += 1;
          value += consumeEscape();
        }
        continue;
      }
      value += s[pos++];
    }
  };
  const consumeBadUrl = () => {
    for (;;) {
      const c = at(pos);
      if (c === NONE) return;
      if (c === 0x29) {
        pos += 1;
        return;
      }
      if (validEscape(pos)) {
        pos += 1;
        consumeEscape();
      } else pos += 1;
    }
  };
  /** §4.3.6: the unquoted url( token. Whitespace runs are skipped once: linear. */
  const consumeUrl = (): Token => {
    let value = '';
    while (isWs(at(pos))) pos += 1;
    for (;;) {
      const c = at(pos);
      if (c === 0x29) {
        pos += 1;
        return { type: 'url', value };
      }
      if (c === NONE) return { type: 'url', value };
      if (isWs(c)) {
        while (isWs(at(pos))) pos += 1;
        if (at(pos) === 0x29 || at(pos) === NONE) {
          if (at(pos) === 0x29) pos += 1;
          return { type: 'url', value };
        }
        consumeBadUrl();
        return { type: 'bad-url', value };
      }
      if (c === 0x22 || c === 0x27 || c === 0x28 || c === 0x7f || c <= 0x08 || c === 0x0b || (c >= 0x0e && c <= 0x1f)) {
        consumeBadUrl();
        return { type: 'bad-url', value };
      }
      if (c === 0x5c) {
        if (validEscape(pos)) {
          pos += 1;
          value += consumeEscape();
          continue;
        }
        consumeBadUrl();
        return { type: 'bad-url', value };
      }
      value += s[pos++];
    }
  };
  const consumeIdentLike = (): Token => {
    const name = consumeName();
    if (name.toLowerCase() === 'url' && at(pos) === 0x28) {
      pos += 1;
      let look = pos;
      while (isWs(at(look)) && isWs(at(look + 1))) look += 1;
      const next = isWs(at(look)) ? at(look + 1) : at(look);
      if (next === 0x22 || next === 0x27) {
        pos = look;
        return { type: 'function', value: name };
      }
      return consumeUrl();
    }
    if (at(pos) === 0x28) {
      pos += 1;
      return { type: 'function', value: name };
    }
    return { type: 'ident', value: name };
  };
  const consumeNumeric = (): Token => {
    const repr = consumeNumber();
    if (startsIdent(pos)) return { type: 'dimension', repr, unit: consumeName() };
    if (at(pos) === 0x25) {
      pos += 1;
      return { type: 'percentage', repr };
    }
    return { type: 'number', repr };
  };

  while (pos < n) {
    const c = at(pos);
    // Comments (§4.3.2) produce no token.
    if (c === 0x2f && at(pos + 1) === 0x2a) {
      const end = s.indexOf('*/', pos + 2);
      pos = end === -1 ? n : end + 2;
      continue;
    }
    if (isWs(c)) {
      while (isWs(at(pos))) pos += 1;
      out.push({ type: 'whitespace' });
      continue;
    }
    if (c === 0x22 || c === 0x27) {
      pos += 1;
      out.push(consumeString(c));
      continue;
    }
    if (c === 0x23) {
      if (isName(at(pos + 1)) || validEscape(pos + 1)) {
        pos += 1;
        out.push({ type: 'hash', value: consumeName() });
      } else {
        pos += 1;
        out.push({ type: 'delim', value: '#' });
      }
      continue;
    }
    if (startsNumber(pos)) {
      out.push(consumeNumeric());
      continue;
    }
    if (c === 0x2d && at(pos + 1) === 0x2d && at(pos + 2) === 0x3e) {
      pos += 3;
      out.push({ type: 'cdc' });
      continue;
    }
    if (c === 0x3c && s.startsWith('!--', pos + 1)) {
      pos += 4;
      out.push({ type: 'cdo' });
      continue;
    }
    if (startsIdent(pos)) {
      out.push(consumeIdentLike());
      continue;
    }
    if (c === 0x40) {
      pos += 1;
      if (startsIdent(pos)) out.push({ type: 'at-keyword', value: consumeName() });
      else out.push({ type: 'delim', value: '@' });
      continue;
    }
    pos += 1;
    switch (c) {
      case 0x28:
        out.push({ type: '(' });
        break;
      case 0x29:
        out.push({ type: ')' });
        break;
      case 0x5b:
        out.push({ type: '[' });
        break;
      case 0x5d:
        out.push({ type: ']' });
        break;
      case 0x7b:
        out.push({ type: '{' });
        break;
      case 0x7d:
        out.push({ type: '}' });
        break;
      case 0x2c:
        out.push({ type: 'comma' });
        break;
      case 0x3a:
        out.push({ type: 'colon' });
        break;
      case 0x3b:
        out.push({ type: 'semicolon' });
        break;
      default: {
        // A lone backslash (invalid escape) is a delim; keep surrogate pairs whole.
        const cp = s.codePointAt(pos - 1) ?? 0xfffd;
        if (cp > 0xffff) pos += 1;
        out.push({ type: 'delim', value: String.fromCodePoint(cp) });
      }
    }
  }
  return out;
}

/** Serialises an identifier so it reads back as the same identifier (and nothing else). */
export function escapeIdent(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i += 1) {
    const c = name.charCodeAt(i);
    const ok = isName(c) && !(i === 0 && isDigit(c)) && !(i === 1 && isDigit(c) && name.charCodeAt(0) === 0x2d);
    out += ok && c !== 0x3c ? name[i] : `\\${c.toString(16)} `;
  }
  return out;
}

export function escapeString(value: string): string {
  return `"${value.replace(/["\\\n<>]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;
}
