/**
 * Which parts of a text a search matched, read from the same parser the search uses, so
 * words, quoted phrases and CJK (bigrams) light up exactly where the query found them.
 */
import { foldText, isCjkToken, parseGmailQuery, variantKey, type QueryNode } from '../../../common/gmail-query';

export interface HighlightTerm {
  readonly tokens: readonly string[];
  /** Quoted or `+word`: the token itself, no word variants. */
  readonly exact: boolean;
}

/** The free-text words and phrases of a query, skipping any under `-` (those are not in the results). */
export function highlightTerms(query: string): HighlightTerm[] {
  const out: HighlightTerm[] = [];
  const walk = (node: QueryNode | null): void => {
    if (!node) return;
    if (node.kind === 'word' || node.kind === 'phrase') {
      if ((node.field === 'any' || node.field === 'subject') && node.tokens.length > 0)
        out.push({ tokens: node.tokens, exact: node.kind === 'phrase' || node.exact });
    } else if (node.kind === 'and' || node.kind === 'or') node.children.forEach(walk);
    else if (node.kind === 'around') {
      out.push({ tokens: node.left, exact: false }, { tokens: node.right, exact: false });
    }
  };
  walk(parseGmailQuery(query).ast);
  return out;
}

interface Token {
  readonly token: string;
  readonly start: number;
  readonly end: number;
}

const WORD_RUN = /[\p{L}\p{N}\p{M}_]+/gu;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]+/gu;

/** The text's tokens with where each sits in the original string (CJK runs as overlapping bigrams). */
function positionedTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const word of text.matchAll(WORD_RUN)) {
    const base = word.index ?? 0;
    let last = 0;
    const pushLatin = (from: number, to: number) => {
      if (to > from) out.push({ token: foldText(word[0].slice(from, to)), start: base + from, end: base + to });
    };
    for (const cjk of word[0].matchAll(CJK_RUN)) {
      const at = cjk.index ?? 0;
      pushLatin(last, at);
      const chars = Array.from(cjk[0]);
      let offset = base + at;
      const starts = chars.map((c) => {
        const s = offset;
        offset += c.length;
        return s;
      });
      if (chars.length === 1) out.push({ token: foldText(chars[0]!), start: starts[0]!, end: offset });
      for (let i = 0; i + 1 < chars.length; i++) {
        out.push({ token: foldText(chars[i]! + chars[i + 1]!), start: starts[i]!, end: starts[i + 1]! + chars[i + 1]!.length });
      }
      last = at + cjk[0].length;
    }
    pushLatin(last, word[0].length);
  }
  return out;
}

function same(a: string, b: string, exact: boolean): boolean {
  if (a === b) return true;
  return !exact && !isCjkToken(a) && variantKey(a) === variantKey(b);
}

/** Ranges [start, end) of `text` that match a term, sorted and merged. */
export function findHighlights(text: string, terms: readonly HighlightTerm[]): [number, number][] {
  if (terms.length === 0 || !text) return [];
  const tokens = positionedTokens(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const n = term.tokens.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = same(tokens[i + j]!.token, term.tokens[j]!, term.exact);
      if (ok) ranges.push([tokens[i]!.start, tokens[i + n - 1]!.end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Splits text into plain and matched runs, for rendering with <mark>. */
export function splitHighlights(text: string, terms: readonly HighlightTerm[]): { text: string; hit: boolean }[] {
  const ranges = findHighlights(text, terms);
  if (ranges.length === 0) return [{ text, hit: false }];
  const out: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/** Wraps matches in a document's text (the message frame's) in <mark>, leaving markup alone. */
export function markDocument(doc: Document, terms: readonly HighlightTerm[]): number {
  if (terms.length === 0 || !doc.body) return 0;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = (n as Text).parentElement;
    if (parent && parent.tagName !== 'STYLE' && parent.tagName !== 'MARK') nodes.push(n as Text);
  }
  let count = 0;
  for (const node of nodes) {
    const parts = splitHighlights(node.data, terms);
    if (parts.length === 1 && !parts[0]!.hit) continue;
    const frag = doc.createDocumentFragment();
    for (const part of parts) {
      if (!part.hit) frag.append(part.text);
      else {
        const mark = doc.createElement('mark');
        mark.className = 'skimmer-hit';
        mark.textContent = part.text;
        frag.append(mark);
        count += 1;
      }
    }
    node.replaceWith(frag);
  }
  return count;
}
