/** Turns checked CSS tokens back into text the browser reads exactly as they were checked. */
import { escapeIdent, escapeString, type Token } from './css-tokenizer';

function serialize(t: Token): string {
  switch (t.type) {
    case 'ident':
      return escapeIdent(t.value);
    case 'function':
      return `${escapeIdent(t.value)}(`;
    case 'hash':
      return `#${escapeIdent(t.value).replace(/^\\3(\d) /, '$1')}`;
    case 'string':
      return escapeString(t.value);
    case 'number':
      return t.repr;
    case 'percentage':
      return `${t.repr}%`;
    case 'dimension':
      return `${t.repr}${escapeIdent(t.unit)}`;
    // Only `\` and `<` need escaping (a lone backslash, and `<` so no `</style` or `<!--`).
    case 'delim':
      return t.value === '\\' || t.value === '<' ? `\\${t.value.codePointAt(0)!.toString(16)} ` : t.value;
    case 'whitespace':
      return ' ';
    case 'colon':
      return ':';
    case 'semicolon':
      return ';';
    case 'comma':
      return ',';
    case '[':
    case ']':
    case '(':
    case ')':
    case '{':
    case '}':
      return t.type;
    default:
      return '';
  }
}

/** Kept URLs, already serialised by us: identified by object, never by content. */
const RAW = new WeakSet<Token>();
export function rawToken(text: string): Token {
  const t: Token = { type: 'delim', value: text };
  RAW.add(t);
  return t;
}

const GLUE = new Set(['ident', 'at-keyword', 'hash', 'dimension', 'number', 'percentage', 'delim']);
const GLUED = new Set(['ident', 'function', 'number', 'dimension', 'percentage', 'url', 'delim', '(']);

/** Joins tokens, with an empty comment wherever two would otherwise read back as one (`url` + `(`). */
export function join(tokens: readonly Token[]): string {
  let out = '';
  let prev: Token | null = null;
  for (const t of tokens) {
    if (prev && GLUE.has(prev.type) && GLUED.has(t.type)) out += '/**/';
    out += RAW.has(t) && t.type === 'delim' ? t.value : serialize(t);
    prev = t;
  }
  return out;
}
