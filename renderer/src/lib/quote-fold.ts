/**
 * Finds the quoted part of a reply (and a signature) so the reading pane can fold it behind
 * "…", as Gmail does: Gmail's `gmail_quote`, Outlook's `divRplyFwdMsg` / `OutlookMessageHeader`
 * (and everything after it), Apple Mail's `blockquote type=cite`, "On … wrote:" lines, `>` lines,
 * and a `-- ` signature.
 */

export const QUOTE_CLASS = 'skimmer-quote';

const WROTE_LINE = /^\s*(On\s.{4,200}\swrote:|Le\s.{4,200}\sa écrit\s?:|Am\s.{4,200}\sschrieb\s.{0,80}:|El\s.{4,200}\sescribió:)\s*$/is;
const OUTLOOK_IDS = new Set(['divRplyFwdMsg', 'OutlookMessageHeader', 'appendonsend']);

function addQuoteClass(el: Element): void {
  el.setAttribute('class', `${el.getAttribute('class') ?? ''} ${QUOTE_CLASS}`.trim());
}

/**
 * Marks one element of mail HTML as quote if it is one (called by the sanitiser on every
 * element before it strips ids and `type`). Outlook's header starts the quote: it and its
 * later siblings fold together.
 */
export function markHtmlQuote(el: Element): void {
  const tag = el.tagName.toLowerCase();
  const classes = (el.getAttribute('class') ?? '').split(/\s+/);
  if (classes.includes('gmail_quote') || classes.includes('gmail_signature')) {
    addQuoteClass(el);
  } else if (tag === 'blockquote' && (el.getAttribute('type') ?? '').toLowerCase() === 'cite') {
    addQuoteClass(el);
    const before = el.previousElementSibling;
    if (before && WROTE_LINE.test(before.textContent ?? '')) addQuoteClass(before);
  } else if (OUTLOOK_IDS.has(el.getAttribute('id') ?? '')) {
    // Outlook puts an <hr> (or a bordered div) just before its header: it belongs to the quote.
    const before = el.previousElementSibling;
    if (before?.tagName.toLowerCase() === 'hr') addQuoteClass(before);
    for (let node: Element | null = el; node; node = node.nextElementSibling) addQuoteClass(node);
  }
}

/** True when the HTML has folded parts and also something of its own to show. */
export function hasFoldableQuote(doc: Document): boolean {
  const quotes = [...doc.querySelectorAll(`.${QUOTE_CLASS}`)];
  if (quotes.length === 0) return false;
  const clone = doc.body.cloneNode(true) as HTMLElement;
  clone.querySelectorAll(`.${QUOTE_CLASS}`).forEach((q) => q.remove());
  return (clone.textContent ?? '').trim().length > 0 || clone.querySelector('img') !== null;
}

export interface TextSegment {
  readonly kind: 'text' | 'quote';
  readonly text: string;
}

/**
 * Splits a plain-text body into its own text and folded runs: `>` lines (with the
 * "On … wrote:" line before them) and everything from a `-- ` signature line on.
 * A body that is all quote is left whole: there would be nothing else to read.
 */
export function splitPlainText(text: string): TextSegment[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const quoted = lines.map((line) => /^\s*>/.test(line));
  for (let i = 0; i < lines.length; i++) {
    if (quoted[i]) {
      // The attribution just above the quote, possibly over two lines, or after a blank one.
      for (let back = i - 1, seen = 0; back >= 0 && seen < 3 && !quoted[back]; back--, seen++) {
        const joined = lines.slice(back, i).join(' ').trim();
        if (WROTE_LINE.test(joined)) {
          for (let k = back; k < i; k++) quoted[k] = true;
          break;
        }
      }
    }
    if (lines[i] === '-- ' || lines[i] === '--') {
      for (let k = i; k < lines.length; k++) quoted[k] = true;
      break;
    }
  }
  if (quoted.every((q, i) => q || lines[i]!.trim() === '')) return [{ kind: 'text', text }];
  const out: { kind: 'text' | 'quote'; text: string }[] = [];
  lines.forEach((line, i) => {
    const kind = quoted[i] ? 'quote' : 'text';
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += `\n${line}`;
    else out.push({ kind, text: line });
  });
  return out;
}
