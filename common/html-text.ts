/**
 * HTML to plain text for search and snippets, shared by the emulator and the local cache
 * so both index the same words of HTML-only mail: a single linear scan (no regex
 * backtracking, safe on the 1 MB stress inputs), dropping head/style/script, turning block
 * ends and <br> into new lines and decoding character references.
 */
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚',
  bdquo: '„', bull: '•', middot: '·', euro: '€', pound: '£', yen: '¥', cent: '¢', laquo: '«',
  raquo: '»', times: '×', divide: '÷', deg: '°', plusmn: '±', para: '¶', sect: '§', iexcl: '¡',
  iquest: '¿', shy: '\u00ad', zwnj: '\u200c', zwj: '\u200d', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', dagger: '†', Dagger: '‡', permil: '‰', larr: '←', rarr: '→', uarr: '↑',
  darr: '↓', harr: '↔', hearts: '♥', check: '✓', frac12: '½', frac14: '¼', frac34: '¾',
  sup1: '¹', sup2: '²', sup3: '³', micro: 'µ', acute: '´', uml: '¨', cedil: '¸', macr: '¯',
  ordf: 'ª', ordm: 'º', not: '¬', brvbar: '¦', curren: '¤', szlig: 'ß', aelig: 'æ', AElig: 'Æ',
  oslash: 'ø', Oslash: 'Ø', aring: 'å', Aring: 'Å', eth: 'ð', ETH: 'Ð', thorn: 'þ', THORN: 'Þ',
  ccedil: 'ç', Ccedil: 'Ç', ntilde: 'ñ', Ntilde: 'Ñ', oelig: 'œ', OElig: 'Œ', scaron: 'š',
  Scaron: 'Š', yuml: 'ÿ', Yuml: 'Ÿ', fnof: 'ƒ', circ: 'ˆ', tilde: '˜', prime: '′', Prime: '″',
  infin: '∞', ne: '≠', le: '≤', ge: '≥', minus: '−', lowast: '∗', alpha: 'α', beta: 'β',
  gamma: 'γ', delta: 'δ', pi: 'π', sigma: 'σ', mu: 'μ', omega: 'ω', Omega: 'Ω',
};
const ACCENTS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', ring: '\u030a' };

function namedEntity(name: string): string | undefined {
  const direct = NAMED[name] ?? NAMED[name.toLowerCase()];
  if (direct !== undefined) return direct;
  const m = /^([A-Za-z])(acute|grave|circ|uml|tilde|ring)$/.exec(name);
  if (m) return (m[1]! + ACCENTS[m[2]!]!).normalize('NFC');
  return undefined;
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return namedEntity(ref) ?? all;
  });
}

const SKIP_CONTENT = new Set(['head', 'style', 'script', 'title', 'noscript', 'template', 'xml']);
const BLOCK = new Set([
  'p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
  'pre', 'hr', 'section', 'article', 'header', 'footer', 'dt', 'dd', 'dl', 'center', 'form', 'address',
  'tbody', 'thead', 'tfoot', 'caption', 'nav', 'aside', 'main', 'figure', 'figcaption',
]);
const CELL = new Set(['td', 'th']);

export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  const n = html.length;
  let skipUntil: string | null = null;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && skipUntil === null) out.push(decodeEntities(html.slice(i, textEnd)).replace(/[ \t\r\n\f]+/g, ' '));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      if (skipUntil === null) out.push(html.slice(lt).replace(/[ \t\r\n\f]+/g, ' '));
      break;
    }
    const m = /^<\s*(\/?)\s*([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(lt, Math.min(gt + 1, lt + 64)));
    i = gt + 1;
    if (!m) {
      // "<" that starts no tag (a lone "a < b", a doctype, a CDATA): doctype etc. dropped, text kept
      if (!/^<[!?]/.test(html.slice(lt, lt + 2)) && skipUntil === null) out.push(html.slice(lt, gt + 1));
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (skipUntil !== null) {
      // a missing </head> must not swallow the whole document
      if ((closing && tag === skipUntil) || (skipUntil === 'head' && tag === 'body' && !closing)) skipUntil = null;
      continue;
    }
    if (!closing && SKIP_CONTENT.has(tag) && !html.slice(lt, gt).endsWith('/')) {
      skipUntil = tag;
      continue;
    }
    if (BLOCK.has(tag)) out.push('\n');
    else if (CELL.has(tag) && !closing) out.push(' ');
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
