/**
 * Splits a Gmail query into lexemes. There is no escape character (rule 10): a `"` always
 * opens or closes a phrase, and an unclosed one runs to the end of the query (rule 11c).
 */

export type Lexeme =
  | { readonly type: 'lparen' | 'rparen' | 'lbrace' | 'rbrace' | 'minus' | 'plus'; readonly spaceBefore: boolean }
  | { readonly type: 'word'; readonly text: string; readonly spaceBefore: boolean }
  | { readonly type: 'quote'; readonly text: string; readonly closed: boolean; readonly spaceBefore: boolean };

const BRACKETS: Readonly<Record<string, 'lparen' | 'rparen' | 'lbrace' | 'rbrace'>> = {
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};
const WORD_STOP = /[\s(){}"]/;

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/.test(c);
}

/** `-`/`+` prefix a term when they start one and something other than space or a closer follows. */
function isTermPrefix(q: string, i: number, atTermStart: boolean): boolean {
  const next = q[i + 1];
  return atTermStart && next !== undefined && !isSpace(next) && next !== ')' && next !== '}';
}

export function lex(q: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  let spaceBefore = true;
  let atTermStart = true;
  while (i < q.length) {
    const c = q[i]!;
    if (isSpace(c)) {
      spaceBefore = true;
      atTermStart = true;
      i++;
      continue;
    }
    const bracket = BRACKETS[c];
    if (bracket) {
      out.push({ type: bracket, spaceBefore });
      atTermStart = bracket === 'lparen' || bracket === 'lbrace';
      i++;
    } else if ((c === '-' || c === '+') && isTermPrefix(q, i, atTermStart)) {
      out.push({ type: c === '-' ? 'minus' : 'plus', spaceBefore });
      i++;
    } else if (c === '"') {
      const end = q.indexOf('"', i + 1);
      const closed = end >= 0;
      out.push({ type: 'quote', text: q.slice(i + 1, closed ? end : q.length), closed, spaceBefore });
      i = closed ? end + 1 : q.length;
      atTermStart = false;
    } else {
      let j = i;
      while (j < q.length && !WORD_STOP.test(q[j]!)) j++;
      out.push({ type: 'word', text: q.slice(i, j), spaceBefore });
      i = j;
      atTermStart = false;
    }
    spaceBefore = false;
  }
  return out;
}
