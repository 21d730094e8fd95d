/**
 * Word normalisation and tokenisation shared by every search back end (the in-memory
 * emulator and the SQL cache). Both sides must produce identical tokens, so everything
 * that turns text into words lives here (decision table rules 1b, 5a, 5b, 5c, 5d).
 */
import { stemEnglish } from './stem';

/** A word is a run of letters, digits, marks and underscore (rule 1b); marks keep scripts such as Devanagari whole. */
const WORD_RUN = /[\p{L}\p{N}\p{M}_]+/gu;
/** Han, Hiragana, Katakana and Hangul: scripts Gmail matches inside unspaced runs (rule 5d). */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]+/gu;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]/u;
/**
 * Latin/Greek/Cyrillic combining diacritics only. Kana voicing marks (U+3099/U+309A) are
 * deliberately not stripped: が and か are different words, not accented forms of one.
 */
const DIACRITIC_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
const COMBINING_MARK = /\p{M}/gu;

function isDiacritic(mark: string): boolean {
  const code = mark.codePointAt(0) ?? 0;
  return DIACRITIC_RANGES.some(([lo, hi]) => code >= lo && code <= hi);
}

const ASCII_ONLY = /^[\p{ASCII}]*$/u;
/** In a query word these act like spaces (plain AND) rather than joining words into a phrase (rule 5b). */
const QUERY_SPACE_LIKE = /[~#$%^*;,<>?]+/;

/** Case-fold and strip diacritics, identically for indexed text and query words (rule 5a). */
export function foldText(s: string): string {
  // Most mail is ASCII, where NFKC and diacritic stripping change nothing: skip them.
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARK, (m) => (isDiacritic(m) ? '' : m))
    .normalize('NFC');
}

export function isCjkToken(token: string): boolean {
  return CJK_CHAR.test(token);
}

/** Overlapping character bigrams of a CJK run; a one-character run is its own token (rule 5d). */
export function cjkBigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length <= 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Splits one word run into alternating non-CJK words and CJK bigram sequences, in order. */
function splitWordRun(run: string, out: string[]): void {
  if (!CJK_CHAR.test(run)) {
    out.push(run);
    return;
  }
  let last = 0;
  for (const m of run.matchAll(CJK_RUN)) {
    const start = m.index ?? 0;
    if (start > last) out.push(run.slice(last, start));
    out.push(...cjkBigrams(m[0]));
    last = start + m[0].length;
  }
  if (last < run.length) out.push(run.slice(last));
}

/**
 * The token sequence of a piece of text: folded words in order, CJK runs as bigrams.
 * Used for indexing every field and for turning query values into token sequences.
 */
export function tokenizeText(s: string): string[] {
  const out: string[] = [];
  for (const m of foldText(s).matchAll(WORD_RUN)) splitWordRun(m[0], out);
  return out;
}

/** Stemming dominates indexing time and the vocabulary repeats: one bounded memo shared by every back end. */
const stemMemo = new Map<string, string>();
const STEM_MEMO_LIMIT = 500_000;

/** The variant key of a token (rule 5c): the English stem for Latin words, the token itself otherwise. */
export function variantKey(token: string): string {
  let stem = stemMemo.get(token);
  if (stem === undefined) {
    stem = stemEnglish(token);
    if (stemMemo.size < STEM_MEMO_LIMIT) stemMemo.set(token, stem);
  }
  return stem;
}

/** Tokens of a query word: a word joined by punctuation (`e-mail`, `x.com`) becomes a phrase (rule 5b). */
export function queryWordToTokens(word: string): string[] {
  return tokenizeText(word);
}

/**
 * Splits an unquoted free-text query word on the characters that act like spaces
 * (`a,b` is `a b`), each piece then tokenised by `queryWordToTokens`.
 */
export function splitQueryWordOnSpaceLike(word: string): string[] {
  return word.split(QUERY_SPACE_LIKE).filter((piece) => piece.length > 0);
}

/** Index position of `needle` as a contiguous run inside `haystack`, or -1. */
export function indexOfSequence(haystack: readonly string[], needle: readonly string[], from = 0): number {
  if (needle.length === 0) return from <= haystack.length ? from : -1;
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first!, from); i >= 0 && i + needle.length <= haystack.length; i = haystack.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

export function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  return indexOfSequence(haystack, needle) >= 0;
}

/** One address out of an address header, split into the display name and the address proper. */
export interface ParsedAddress {
  readonly name: string;
  readonly address: string;
}

/**
 * Splits an address header (`"Smith, Amy" <amy@x.com>, bob@y.org, Group: a@b.c;`) into
 * mailboxes. Lenient on purpose: a search index must not lose a recipient because a
 * header is slightly malformed.
 */
export function parseAddressList(header: string): ParsedAddress[] {
  const out: ParsedAddress[] = [];
  for (const part of splitTopLevel(header)) {
    const trimmed = part
      .trim()
      .replace(/^[^"<]*:\s*/, '')
      .replace(/;\s*$/, '');
    if (trimmed === '') continue;
    const angle = /<([^>]*)>/.exec(trimmed);
    if (angle) {
      const name = trimmed
        .slice(0, angle.index)
        .trim()
        .replace(/^"(.*)"$/s, '$1');
      out.push({ name, address: (angle[1] ?? '').trim() });
    } else {
      const bare = /[^\s"()]+@[^\s"()]+/.exec(trimmed);
      const comment = /\(([^)]*)\)/.exec(trimmed)?.[1] ?? '';
      out.push(bare ? { name: comment, address: bare[0] } : { name: trimmed.replace(/^"(.*)"$/s, '$1'), address: '' });
    }
  }
  return out;
}

/** Splits on commas that are outside quotes and angle brackets. */
function splitTopLevel(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inQuote = false;
  let inAngle = false;
  for (const c of header) {
    if (c === '"') inQuote = !inQuote;
    else if (c === '<' && !inQuote) inAngle = true;
    else if (c === '>' && !inQuote) inAngle = false;
    if (c === ',' && !inQuote && !inAngle) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** Strips one leading/trailing `@` from an address value (rule 1c: `@x.com` acts as `x.com`). */
export function stripEdgeAts(value: string): string {
  return value.replace(/^@+/, '').replace(/@+$/, '');
}
