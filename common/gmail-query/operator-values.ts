/**
 * The value side of `op:value` (decision table rules 1c–1e, 3–5): which operators there are
 * and the query node each value becomes; a value that can't match says so in a hint.
 */
import type { AddressField, QueryNode, TextField } from './ast';
import { parseDateBound, parseRelativeAge } from './dates';
import { stripEdgeAts, tokenizeText } from './text';

const ADDRESS_OPS: ReadonlySet<string> = new Set(['from', 'to', 'cc', 'bcc', 'deliveredto']);
// Maps, not object literals: an operator such as `constructor:` must not find Object.prototype members.
const TEXT_OPS: ReadonlyMap<string, TextField> = new Map(Object.entries({ subject: 'subject', list: 'list', filename: 'filename' }));
const STATE_OPS: ReadonlySet<string> = new Set(['is', 'in', 'has', 'category']);
const DATE_OPS: ReadonlyMap<string, 'after' | 'before'> = new Map(Object.entries({ after: 'after', newer: 'after', before: 'before', older: 'before' }));
const RELATIVE_OPS: ReadonlySet<string> = new Set(['older_than', 'newer_than']);
const SIZE_OPS: ReadonlyMap<string, 'larger' | 'smaller'> = new Map(Object.entries({ size: 'larger', larger: 'larger', smaller: 'smaller' }));
const OTHER_OPS: ReadonlySet<string> = new Set(['label', 'rfc822msgid']);

export function isKnownOperator(op: string): boolean {
  return ADDRESS_OPS.has(op) || TEXT_OPS.has(op) || STATE_OPS.has(op) || DATE_OPS.has(op) || RELATIVE_OPS.has(op) || SIZE_OPS.has(op) || OTHER_OPS.has(op);
}

/** Value text of an operator, and whether it was quoted (quoted values are phrases, never split). */
export interface OperatorValue {
  readonly text: string;
  readonly quoted: boolean;
  readonly exact: boolean;
}

export function and(children: QueryNode[]): QueryNode | null {
  if (children.length === 0) return null;
  return children.length === 1 ? children[0]! : { kind: 'and', children };
}

export function or(children: QueryNode[]): QueryNode | null {
  if (children.length === 0) return null;
  return children.length === 1 ? children[0]! : { kind: 'or', children };
}

export function nothing(raw: string): QueryNode {
  return { kind: 'nothing', raw };
}

function parseSize(value: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([km]?)b?$/i.exec(value.trim());
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase();
  const multiplier = unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1;
  return Math.round(Number(m[1]) * multiplier);
}

import type { QueryHintCode } from './hints';

/** Builds operator nodes; `hint` explains a value read leniently, `freeTextWord` reads an unknown operator as text. */
export class OperatorValues {
  constructor(
    private readonly hint: (code: QueryHintCode, values?: Record<string, string>) => void,
    private readonly freeTextWord: (text: string, exact: boolean) => QueryNode | null,
  ) {}

  operatorValue(op: string, value: OperatorValue): QueryNode | null {
    if (ADDRESS_OPS.has(op)) return this.addressValue(op as AddressField, value);
    const textField = TEXT_OPS.get(op);
    if (textField) return this.textValue(textField, op, value);
    if (STATE_OPS.has(op)) return this.nonEmpty(op, value, (v) => ({ kind: op as 'is', value: v.toLowerCase() }));
    if (op === 'label') return this.nonEmpty(op, value, (v) => ({ kind: 'label', name: v }));
    if (op === 'rfc822msgid') {
      return this.nonEmpty(op, value, (v) => ({ kind: 'rfc822msgid', messageId: v.replace(/^<+|>+$/g, '').trim() }));
    }
    const dateOp = DATE_OPS.get(op);
    if (dateOp) return this.dateValue(op, dateOp, value.text);
    if (RELATIVE_OPS.has(op)) return this.relativeValue(op as 'older_than', value.text);
    const sizeOp = SIZE_OPS.get(op);
    if (sizeOp) return this.sizeValue(op, sizeOp, value.text);
    return this.freeTextWord(value.text, value.exact);
  }

  private nonEmpty(op: string, value: OperatorValue, build: (v: string) => QueryNode): QueryNode {
    const v = value.text.trim();
    if (v === '') {
      this.hint('noValue', { op });
      return nothing(`${op}:`);
    }
    return build(v);
  }

  /** Rules 1c–1e: `@` trimmed at the edges, an inner `@` means a whole address, unquoted `a+b` means a OR b. */
  private addressValue(field: AddressField, value: OperatorValue): QueryNode | null {
    const v = stripEdgeAts(value.text.trim());
    if (!value.quoted && !v.includes('@') && v.includes('+')) {
      return or(
        v
          .split('+')
          .filter((p) => p !== '')
          .map((p) => this.addressLeaf(field, p)),
      );
    }
    return this.addressLeaf(field, v);
  }

  private addressLeaf(field: AddressField, v: string): QueryNode {
    const tokens = tokenizeText(v);
    if (tokens.length === 0) {
      this.hint('noWords', { op: field });
      return nothing(`${field}:${v}`);
    }
    const me = v.toLowerCase() === 'me';
    return { kind: 'address', field, tokens, wholeAddress: v.includes('@') && !/\s/.test(v), me, raw: v };
  }

  private textValue(field: TextField, op: string, value: OperatorValue): QueryNode {
    const tokens = tokenizeText(value.text);
    if (tokens.length === 0 && field !== 'list') {
      this.hint('noWords', { op });
      return nothing(`${op}:${value.text}`);
    }
    if (value.quoted) return { kind: 'phrase', field, tokens, raw: value.text };
    const variants = field === 'subject' && !value.exact;
    return { kind: 'word', field, tokens, exact: !variants, raw: value.text };
  }

  private dateValue(op: string, dateOp: 'after' | 'before', text: string): QueryNode {
    const at = parseDateBound(text);
    if (at === null) {
      this.hint('badDate', { op, text });
      return nothing(`${op}:${text}`);
    }
    return { kind: 'date', op: dateOp, at, raw: text };
  }

  private relativeValue(op: 'older_than' | 'newer_than', text: string): QueryNode {
    const age = parseRelativeAge(text);
    if (age === null) {
      this.hint('badRelative', { op, text });
      return nothing(`${op}:${text}`);
    }
    return { kind: 'relativeDate', op, amount: age.amount, unit: age.unit };
  }

  private sizeValue(op: string, sizeOp: 'larger' | 'smaller', text: string): QueryNode {
    const bytes = parseSize(text);
    if (bytes === null) {
      this.hint('badSize', { op, text });
      return nothing(`${op}:${text}`);
    }
    return { kind: 'size', op: sizeOp, bytes };
  }
}
