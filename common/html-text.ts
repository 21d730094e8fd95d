/**
 * HTML to plain text for search and snippets, shared by the emulator and the local cache
 * so both index the same words of HTML-only mail: a single linear scan (no regex
 * backtracking, safe on the 1 MB stress inputs), dropping head/style/script, turning block
 * ends and <br> into new lines and decoding character references.
 */
import { decodeHTML, decodeHTMLStrict } from 'entities';

/**
 * Character references decoded by the maintained `entities` package (the full WHATWG table,
 * legacy references without `;`), instead of a hand-written table that was a plain object:
 * `&constructor;` must stay text, not become a function's source.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return decodeHTML(text);
}

/** Gmail's snippets escape HTML entities; the list shows plain text. Strict: every reference ends in `;`. */
export function decodeEntitiesStrict(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

const SKIP_CONTENT = new Set(['head', 'style', 'script', 'title', 'noscript', 'template', 'xml']);
// prettier-ignore
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
