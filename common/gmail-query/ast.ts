/**
 * The parsed form of a Gmail query. Every leaf is self-contained (its field, its already
 * tokenised words, its resolved bound), so a back end compiles each leaf on its own and
 * combines them with and/or/not: the emulator into closures, the cache into SQL.
 *
 * Field operators applied to a group (`from:(a OR b)`, `subject:(x y)`) are distributed
 * over the group by the parser, so leaves never inherit a field from an ancestor.
 */
import type { QueryHint } from './hints';

/** Where free-text words are looked for. `any` = body, subject, names, addresses, attachment names. */
export type TextField = 'any' | 'subject' | 'list' | 'filename';

/** Address headers; `to` also covers Cc and Bcc (rule 1a). */
export type AddressField = 'from' | 'to' | 'cc' | 'bcc' | 'deliveredto';

/**
 * One word of a query. `tokens` is the contiguous token sequence it must match (several
 * tokens for `e-mail`, `x.com` or a CJK word). `exact` is false when word variants apply
 * (rule 5c): unquoted, no `+`, and a free-text or subject field.
 */
export interface WordNode {
  readonly kind: 'word';
  readonly field: TextField;
  readonly tokens: readonly string[];
  readonly exact: boolean;
  /** The word as typed, for describing the query back to the user. */
  readonly raw: string;
}

/** A quoted phrase: contiguous tokens within one field, never with variants (rule 10). */
export interface PhraseNode {
  readonly kind: 'phrase';
  readonly field: TextField;
  readonly tokens: readonly string[];
  readonly raw: string;
}

/**
 * from:/to:/cc:/bcc:/deliveredto: (rules 1a–1e). With `wholeAddress` the tokens must equal
 * all the tokens of one address (so case and the `.`/`@` separators do not matter);
 * otherwise they must occur contiguously in one address or one display name. `me` means
 * the account's own address, resolved by the back end. `raw` is the value with edge `@`s
 * stripped.
 */
export interface AddressNode {
  readonly kind: 'address';
  readonly field: AddressField;
  readonly tokens: readonly string[];
  readonly wholeAddress: boolean;
  readonly me: boolean;
  readonly raw: string;
}

/** rfc822msgid: the Message-ID without angle brackets, compared whole and case-insensitively. */
export interface MessageIdNode {
  readonly kind: 'rfc822msgid';
  readonly messageId: string;
}

/** label:NAME, matched by name with case and `/`/`-`/space/`_` folded (see labels.ts). */
export interface LabelNode {
  readonly kind: 'label';
  readonly name: string;
}

/** is:VALUE / in:VALUE / has:VALUE / category:VALUE, value lower-cased. Resolved in labels.ts. */
export interface StateNode {
  readonly kind: 'is' | 'in' | 'has' | 'category';
  readonly value: string;
}

/** after:/newer: (`after`, t >= at) and before:/older: (`before`, t < at) on internalDate (rule 3a). */
export interface DateNode {
  readonly kind: 'date';
  readonly op: 'after' | 'before';
  /** Epoch milliseconds. */
  readonly at: number;
  readonly raw: string;
}

/** older_than:/newer_than:, kept relative so each evaluation resolves it against its own `now`. */
export interface RelativeDateNode {
  readonly kind: 'relativeDate';
  readonly op: 'older_than' | 'newer_than';
  readonly amount: number;
  readonly unit: 'd' | 'm' | 'y';
}

/** size:/larger: (`larger`, strictly greater) and smaller: (strictly less) on sizeEstimate, in bytes. */
export interface SizeNode {
  readonly kind: 'size';
  readonly op: 'larger' | 'smaller';
  readonly bytes: number;
}

/**
 * `a AROUND n b`: both in one free-text field with at most `distance` words between them;
 * `ordered` (written inside quotes) also requires `left` before `right`.
 */
export interface AroundNode {
  readonly kind: 'around';
  readonly left: readonly string[];
  readonly right: readonly string[];
  readonly distance: number;
  readonly ordered: boolean;
}

/** A known operator with a value Gmail would not understand: matches no message (rule 11b). */
export interface NothingNode {
  readonly kind: 'nothing';
  readonly raw: string;
}

export interface AndNode {
  readonly kind: 'and';
  readonly children: readonly QueryNode[];
}

export interface OrNode {
  readonly kind: 'or';
  readonly children: readonly QueryNode[];
}

export interface NotNode {
  readonly kind: 'not';
  readonly child: QueryNode;
}

export type QueryNode =
  | WordNode
  | PhraseNode
  | AddressNode
  | MessageIdNode
  | LabelNode
  | StateNode
  | DateNode
  | RelativeDateNode
  | SizeNode
  | AroundNode
  | NothingNode
  | AndNode
  | OrNode
  | NotNode;

export interface ParsedQuery {
  /** null = empty query, matches everything (rule 11c). */
  readonly ast: QueryNode | null;
  /** Human-readable notes (English) on how a malformed query was read leniently. */
  readonly hints: string[];
  /** The same notes as codes, for the renderer to word in the person's language. */
  readonly hintCodes: readonly QueryHint[];
}
