/**
 * Gmail query parser. Grammar (decision table rules 2a–2c, 11a–11c):
 *
 *   sequence := (or ('AND')?)*             implicit AND; explicit AND is the same
 *   or       := unary ('OR' unary)*         OR binds tighter than AND
 *   unary    := ('-' | 'NOT') unary | around
 *   around   := primary ('AROUND' N primary)*
 *   primary  := '(' sequence ')' | '{' sequence '}' | '"…"' | '+'word | word | op:value
 *
 * It never throws: whatever is malformed is read leniently and explained in `hints`.
 */
import type { QueryNode, TextField } from './ast';
import { lex, type Lexeme } from './lexer';
import { and, isKnownOperator, OperatorValues, or } from './operator-values';
import { queryWordToTokens, splitQueryWordOnSpaceLike, tokenizeText } from './text';
import type { ParsedQuery } from './ast';
import { hintText, type QueryHint, type QueryHintCode } from './hints';

type Closer = 'rparen' | 'rbrace' | null;

function isKeyword(l: Lexeme | undefined, keyword: string): boolean {
  return l?.type === 'word' && l.text === keyword;
}

class Parser {
  private pos = 0;
  readonly hints: string[] = [];
  readonly hintCodes: QueryHint[] = [];
  private readonly values = new OperatorValues(
    (code, values) => this.hint(code, values),
    (text, exact) => this.freeTextWord(text, exact),
  );

  constructor(private readonly lexemes: readonly Lexeme[]) {}

  parse(): QueryNode | null {
    return and(this.sequence(null, null));
  }

  private peek(offset = 0): Lexeme | undefined {
    return this.lexemes[this.pos + offset];
  }

  private hint(code: QueryHintCode, values: Record<string, string> = {}): void {
    const hint = { code, values };
    const text = hintText(hint);
    if (this.hints.includes(text)) return;
    this.hints.push(text);
    this.hintCodes.push(hint);
  }

  private atEnd(closer: Closer): boolean {
    const l = this.peek();
    return l === undefined || (closer !== null && l.type === closer);
  }

  /** Operands up to `closer` (or the end), to be ANDed by a `(…)` or ORed by a `{…}`. */
  private sequence(field: string | null, closer: Closer): QueryNode[] {
    const nodes: QueryNode[] = [];
    while (!this.atEnd(closer)) {
      const l = this.peek()!;
      if (l.type === 'rparen' || l.type === 'rbrace') {
        this.hint('strayCloser', { char: l.type === 'rparen' ? ')' : '}' });
        this.pos++;
      } else if (isKeyword(l, 'AND') || isKeyword(l, 'OR')) {
        this.hint('dangling', { text: (l as { text: string }).text });
        this.pos++;
      } else {
        const node = this.or(field, closer);
        if (node) nodes.push(node);
        if (isKeyword(this.peek(), 'AND')) this.skipAnd(closer);
      }
    }
    return nodes;
  }

  private skipAnd(closer: Closer): void {
    this.pos++;
    if (this.atEnd(closer)) this.hint('dangling', { text: 'AND' });
  }

  private or(field: string | null, closer: Closer): QueryNode | null {
    const children: QueryNode[] = [];
    const first = this.unary(field, closer);
    if (first) children.push(first);
    while (isKeyword(this.peek(), 'OR')) {
      this.pos++;
      if (this.atEnd(closer) || isKeyword(this.peek(), 'AND')) {
        this.hint('dangling', { text: 'OR' });
        break;
      }
      if (isKeyword(this.peek(), 'OR')) continue;
      const next = this.unary(field, closer);
      if (next) children.push(next);
    }
    return or(children);
  }

  private unary(field: string | null, closer: Closer): QueryNode | null {
    const l = this.peek();
    const isNot = l?.type === 'minus' || isKeyword(l, 'NOT');
    if (!isNot) return this.around(field, closer);
    this.pos++;
    if (this.atEnd(closer)) {
      this.hint('danglingNegation');
      return null;
    }
    const child = this.unary(field, closer);
    return child ? { kind: 'not', child } : null;
  }

  private around(field: string | null, closer: Closer): QueryNode | null {
    let left = this.primary(field, closer);
    while (isKeyword(this.peek(), 'AROUND')) {
      this.pos++;
      const n = this.peek();
      if (n?.type !== 'word' || !/^\d+$/.test(n.text)) {
        this.hint('aroundNeedsNumber');
        continue;
      }
      this.pos++;
      if (this.atEnd(closer)) {
        this.hint('aroundNothingAfter');
        break;
      }
      const right = this.primary(field, closer);
      left = this.makeAround(left, right, Number(n.text), false);
    }
    return left;
  }

  private makeAround(left: QueryNode | null, right: QueryNode | null, distance: number, ordered: boolean): QueryNode | null {
    const freeText = (n: QueryNode | null): n is QueryNode & { tokens: readonly string[] } =>
      n !== null && (n.kind === 'word' || n.kind === 'phrase') && n.field === 'any' && n.tokens.length > 0;
    if (freeText(left) && freeText(right)) {
      return { kind: 'around', left: left.tokens, right: right.tokens, distance, ordered };
    }
    this.hint('aroundNeedsWords');
    return and([left, right].filter((n): n is QueryNode => n !== null));
  }

  private primary(field: string | null, closer: Closer): QueryNode | null {
    const l = this.peek();
    if (!l || (closer !== null && l.type === closer)) return null;
    this.pos++;
    switch (l.type) {
      case 'lparen':
        return and(this.group(field, 'rparen'));
      case 'lbrace':
        return or(this.group(field, 'rbrace'));
      case 'rparen':
      case 'rbrace':
        this.hint('strayCloser', { char: l.type === 'rparen' ? ')' : '}' });
        return null;
      case 'minus':
        return null;
      case 'plus':
        return this.exactWord(field, closer);
      case 'quote':
        return this.quoted(l.text, l.closed, field);
      case 'word':
        return this.word(l.text, field, closer, false);
    }
  }

  private group(field: string | null, closer: 'rparen' | 'rbrace'): QueryNode[] {
    const nodes = this.sequence(field, closer);
    if (this.peek()?.type === closer) this.pos++;
    else this.hint('unmatchedOpener', { char: closer === 'rparen' ? '(' : '{' });
    return nodes;
  }

  /** `+word`: the word without variants (rule 5c). A `+` before anything else is ignored. */
  private exactWord(field: string | null, closer: Closer): QueryNode | null {
    const l = this.peek();
    if (l?.type === 'word') {
      this.pos++;
      return this.word(l.text, field, closer, true);
    }
    return this.primary(field, closer);
  }

  private quoted(text: string, closed: boolean, field: string | null): QueryNode | null {
    if (!closed) this.hint('unmatchedQuote');
    if (field !== null) return this.values.operatorValue(field, { text, quoted: true, exact: true });
    const around = /^(.*?)\s+AROUND\s+(\d+)\s+(.*)$/s.exec(text);
    if (around) {
      return this.makeAround(this.phrase('any', around[1] ?? ''), this.phrase('any', around[3] ?? ''), Number(around[2]), true);
    }
    return this.phrase('any', text);
  }

  private phrase(field: TextField, text: string): QueryNode | null {
    const tokens = tokenizeText(text);
    return tokens.length > 0 ? { kind: 'phrase', field, tokens, raw: text } : null;
  }

  private word(text: string, field: string | null, closer: Closer, exact: boolean): QueryNode | null {
    const op = /^([A-Za-z_0-9]+):(.*)$/s.exec(text);
    const name = op?.[1]?.toLowerCase();
    if (op && name !== undefined && isKnownOperator(name)) return this.operator(name, op[2] ?? '', closer, exact);
    if (field !== null) return this.values.operatorValue(field, { text, quoted: false, exact });
    return this.freeTextWord(text, exact);
  }

  /** An unquoted free-text word: split on space-like characters, each piece a (possibly multi-token) word. */
  private freeTextWord(text: string, exact: boolean): QueryNode | null {
    const nodes: QueryNode[] = [];
    for (const piece of splitQueryWordOnSpaceLike(text)) {
      const tokens = queryWordToTokens(piece);
      if (tokens.length > 0) nodes.push({ kind: 'word', field: 'any', tokens, exact, raw: piece });
    }
    return and(nodes);
  }

  /** `op:value`, `op:"…"`, `op:(…)`/`op:{…}`; with a space after the colon the next term is taken as the value. */
  private operator(op: string, rest: string, closer: Closer, exact: boolean): QueryNode | null {
    if (rest !== '') return this.values.operatorValue(op, { text: rest, quoted: false, exact });
    const next = this.peek();
    if (next === undefined || !this.canBeValue(next)) return this.values.operatorValue(op, { text: '', quoted: false, exact });
    if (next.spaceBefore) this.hint('spaceAfterOperator', { op });
    return this.primary(op, closer);
  }

  /** A lexeme after `op:` that can be its value: a group, a phrase, or a plain word that is not itself `op:…`. */
  private canBeValue(l: Lexeme): boolean {
    if (l.type === 'lparen' || l.type === 'lbrace' || l.type === 'quote') return true;
    if (l.type !== 'word' || ['OR', 'AND', 'NOT', 'AROUND'].includes(l.text)) return false;
    const op = /^([A-Za-z_0-9]+):/.exec(l.text)?.[1]?.toLowerCase();
    return op === undefined || !isKnownOperator(op);
  }
}

/** Parses a Gmail `q` string. Never throws; an empty or blank query gives `ast: null` (match all). */
export function parseGmailQuery(q: string): ParsedQuery {
  try {
    const parser = new Parser(lex(typeof q === 'string' ? q : ''));
    const ast = parser.parse();
    return { ast, hints: parser.hints, hintCodes: parser.hintCodes };
  } catch {
    // Defensive only: a parser bug must not turn into a failed search (rule 11c).
    const unreadable: QueryHint = { code: 'unreadable', values: {} };
    return { ast: null, hints: [hintText(unreadable)], hintCodes: [unreadable] };
  }
}
