/**
 * The emulator's search ("the server"): compiles a parsed Gmail query into a predicate
 * over prepared messages, following the decision table in
 * shared/reference/gmail-search-semantics.md.
 */
import type { AddressNode, AroundNode, ParsedQuery, PhraseNode, QueryNode, WordNode } from '../../common/gmail-query/ast';
import { relativeAgeBound } from '../../common/gmail-query/dates';
import { messageIdKey } from '../../common/gmail-query/fields';
import {
  isUserLabelId,
  queryIncludesSpamTrash,
  resolveLabelCondition,
  SPAM_TRASH_IDS,
  type LabelCondition,
  type LabelInfo,
} from '../../common/gmail-query/labels';
import { containsSequence, indexOfSequence, tokenizeText, variantKey } from '../../common/gmail-query/text';
import { type PreparedAddress, type PreparedMessage, type TokenSegment } from './prepare';

export { prepareMessage, type PreparedMessage } from './prepare';

export interface MatchContext {
  readonly now: Date;
  readonly labels: ReadonlyArray<LabelInfo>;
  readonly includeSpamTrash: boolean;
  /** The account's primary address, for `from:me`/`to:me` (rule 1e). Without it `me` is an ordinary word. */
  readonly accountEmail?: string;
}

type Matcher = (p: PreparedMessage) => boolean;

const always: Matcher = () => true;
const never: Matcher = () => false;

/** Free-text or subject words; variants compare stems at the same positions (rule 5c). */
function segmentsMatcher(segmentsOf: (p: PreparedMessage) => readonly TokenSegment[], node: WordNode | PhraseNode): Matcher {
  const useStems = node.kind === 'word' && !node.exact;
  const needle = useStems ? node.tokens.map(variantKey) : node.tokens;
  const pick = (s: TokenSegment) => (useStems ? s.stems : s.tokens);
  const isFreeText = node.field === 'any';
  return (p) => {
    if (isFreeText) {
      const vocabulary = useStems ? p.freeTextStems : p.freeTextTokens;
      if (!needle.every((t) => vocabulary.has(t))) return false;
    }
    return segmentsOf(p).some((s) => containsSequence(pick(s), needle));
  };
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

function textMatcher(node: WordNode | PhraseNode): Matcher {
  switch (node.field) {
    case 'any':
      return segmentsMatcher((p) => p.freeText, node);
    case 'subject':
      return segmentsMatcher((p) => [p.subject], node);
    case 'filename':
      return (p) => p.filenames.some((f) => containsSequence(f, node.tokens));
    case 'list':
      // An empty list: value matches any message that has a List-Id (rule 8).
      return node.tokens.length === 0 ? (p) => p.hasListId : (p) => containsSequence(p.listTokens, node.tokens);
  }
}

function addressesOf(p: PreparedMessage, field: AddressNode['field']): readonly PreparedAddress[] {
  return p[field];
}

/** Rules 1b–1e: a whole address must equal one address; otherwise a word run inside one name or address. */
function addressMatcher(node: AddressNode, ctx: MatchContext): Matcher {
  const useAccount = node.me && ctx.accountEmail !== undefined && ctx.accountEmail !== '';
  const tokens = useAccount ? tokenizeText(ctx.accountEmail ?? '') : node.tokens;
  if (node.wholeAddress || useAccount) {
    return (p) => addressesOf(p, node.field).some((a) => sameTokens(a.addressTokens, tokens));
  }
  return (p) => addressesOf(p, node.field).some((a) => containsSequence(a.addressTokens, tokens) || containsSequence(a.nameTokens, tokens));
}

function sequencePositions(tokens: readonly string[], needle: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = indexOfSequence(tokens, needle); i >= 0; i = indexOfSequence(tokens, needle, i + 1)) out.push(i);
  return out;
}

/** Words strictly between two occurrences, or -1 when they overlap. */
function gapBetween(firstStart: number, firstLength: number, secondStart: number): number {
  return secondStart - (firstStart + firstLength);
}

function aroundInSegment(tokens: readonly string[], node: AroundNode): boolean {
  const lefts = sequencePositions(tokens, node.left);
  if (lefts.length === 0) return false;
  const rights = sequencePositions(tokens, node.right);
  return lefts.some((l) =>
    rights.some((r) => {
      const forward = gapBetween(l, node.left.length, r);
      if (forward >= 0 && forward <= node.distance) return true;
      if (node.ordered) return false;
      const backward = gapBetween(r, node.right.length, l);
      return backward >= 0 && backward <= node.distance;
    }),
  );
}

function aroundMatcher(node: AroundNode): Matcher {
  return (p) => p.freeText.some((s) => aroundInSegment(s.tokens, node));
}

function labelConditionMatcher(condition: LabelCondition, ctx: MatchContext): Matcher {
  switch (condition.kind) {
    case 'anyLabel':
      return (p) => condition.labelIds.some((id) => p.labelIds.has(id));
    case 'noLabel':
      return (p) => !condition.labelIds.some((id) => p.labelIds.has(id));
    case 'hasAttachment':
      return (p) => p.hasAttachment;
    case 'userLabels': {
      const hasUser = (p: PreparedMessage) => [...p.labelIds].some((id) => isUserLabelId(id, ctx.labels));
      return condition.present ? hasUser : (p) => !hasUser(p);
    }
    case 'textSequence':
      return (p) => p.freeText.some((s) => condition.sequences.some((seq) => containsSequence(s.tokens, seq)));
    case 'always':
      return always;
    case 'never':
      return never;
  }
}

function compileNode(node: QueryNode, ctx: MatchContext): Matcher {
  switch (node.kind) {
    case 'word':
    case 'phrase':
      return textMatcher(node);
    case 'address':
      return addressMatcher(node, ctx);
    case 'rfc822msgid': {
      const wanted = messageIdKey(node.messageId);
      return (p) => p.messageId === wanted;
    }
    case 'label':
    case 'is':
    case 'in':
    case 'has':
    case 'category':
      return labelConditionMatcher(resolveLabelCondition(node, ctx.labels), ctx);
    case 'date':
      return node.op === 'after' ? (p) => p.message.internalDate >= node.at : (p) => p.message.internalDate < node.at;
    case 'relativeDate': {
      const bound = relativeAgeBound(ctx.now.getTime(), node.amount, node.unit);
      return node.op === 'newer_than' ? (p) => p.message.internalDate >= bound : (p) => p.message.internalDate < bound;
    }
    case 'size':
      return node.op === 'larger' ? (p) => p.message.sizeEstimate > node.bytes : (p) => p.message.sizeEstimate < node.bytes;
    case 'around':
      return aroundMatcher(node);
    case 'nothing':
      return never;
    case 'not': {
      const inner = compileNode(node.child, ctx);
      return (p) => !inner(p);
    }
    case 'and': {
      const parts = distinct(node.children).map((c) => compileNode(c, ctx));
      return (p) => parts.every((m) => m(p));
    }
    case 'or': {
      const parts = distinct(node.children).map((c) => compileNode(c, ctx));
      return (p) => parts.some((m) => m(p));
    }
  }
}

/** Rule 9a: Spam and Trash stay out unless asked for by the request or by the query itself. */
function scopeMatcher(parsed: ParsedQuery, ctx: MatchContext): Matcher {
  if (ctx.includeSpamTrash || queryIncludesSpamTrash(parsed.ast)) return always;
  return (p) => !SPAM_TRASH_IDS.some((id) => p.labelIds.has(id));
}

/** `x AND x` is `x`, `x OR x` is `x`: a 2,048-character run of one word is evaluated once, not 500 times. */
function distinct(children: readonly QueryNode[]): QueryNode[] {
  const seen = new Set<string>();
  return children.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function compileMatcher(parsed: ParsedQuery, ctx: MatchContext): (p: PreparedMessage) => boolean {
  const inScope = scopeMatcher(parsed, ctx);
  const query = parsed.ast === null ? always : compileNode(parsed.ast, ctx);
  return (p) => inScope(p) && query(p);
}

/** Gmail ids are hex strings: a longer id is a larger number. */
function compareIdsDescending(a: string, b: string): number {
  if (a.length !== b.length) return b.length - a.length;
  return a < b ? 1 : a > b ? -1 : 0;
}

/** Newest first: internalDate descending, ties by id descending. */
export function compareNewestFirst(a: PreparedMessage, b: PreparedMessage): number {
  return b.message.internalDate - a.message.internalDate || compareIdsDescending(a.message.id, b.message.id);
}

export function searchMessages(parsed: ParsedQuery, prepared: readonly PreparedMessage[], ctx: MatchContext): PreparedMessage[] {
  const matches = compileMatcher(parsed, ctx);
  return prepared.filter(matches).sort(compareNewestFirst);
}

/**
 * Rule 9c: a thread matches when one of its messages satisfies the whole query on its own.
 * Thread ids come back ordered by their newest matching message.
 */
export function searchThreadIds(parsed: ParsedQuery, prepared: readonly PreparedMessage[], ctx: MatchContext): string[] {
  const seen = new Set<string>();
  for (const p of searchMessages(parsed, prepared, ctx)) seen.add(p.message.threadId);
  return [...seen];
}
