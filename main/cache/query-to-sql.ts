/**
 * A parsed Gmail query compiled to ONE SQL statement over the cache schema, with the same
 * semantics as the emulator's evaluator (emulator/search/evaluate.ts) and the decision
 * table in shared/reference/gmail-search-semantics.md.
 *
 * Words and phrases become FTS5 phrase queries over pre-tokenised columns (the tokens of
 * common/gmail-query/text.ts; "|" separates fields so a phrase never spans two); word
 * variants use the parallel `*_stems` columns; labels go through the link table; dates,
 * sizes and flags through plain columns. Full-text leaves of an AND (negated ones too) or
 * of an OR are merged into one MATCH, so FTS5 combines its own posting lists.
 *
 * Which index drives the statement, and paging: search-statement.ts (compileSearch).
 */
import type { AddressNode, ParsedQuery, PhraseNode, QueryNode, WordNode } from '../../common/gmail-query/ast';
import { relativeAgeBound } from '../../common/gmail-query/dates';
import { queryIncludesSpamTrash, resolveLabelCondition, type LabelCondition, type LabelInfo } from '../../common/gmail-query/labels';
import { tokenizeText, variantKey } from '../../common/gmail-query/text';
import { normalizeMessageId } from './message-record';

/**
 * Row counts that decide, per label condition, between materialising the matching set
 * once (`m.rowid IN (…)`, best when small) and checking each row as the newest-first walk
 * reaches it (`EXISTS (…)`, best when large: the first page fills after a few rows).
 */
export interface SearchPlanner {
  /** At or above this many rows a label set is checked per row instead of materialised. */
  readonly threshold: number;
  /** Messages carrying any of these labels. */
  labelCount(labelIds: readonly string[]): number;
  /** True when fewer than a few thousand messages are larger (or smaller) than `bytes`: worth materialising. */
  fewBySize?(op: 'larger' | 'smaller', bytes: number): boolean;
}

export interface SearchContext {
  readonly now: Date;
  readonly labels: readonly LabelInfo[];
  readonly includeSpamTrash?: boolean;
  /** The account's primary address, for from:me / to:me. */
  readonly accountEmail?: string;
  readonly planner?: SearchPlanner;
}

export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export interface SearchSqlOptions {
  readonly limit: number;
  /** Keyset paging: only rows older than this rowid (the last row of the previous page). */
  readonly beforeRowid?: number | null;
  /** Only among these rows (which of a conversation's messages match). */
  readonly onlyRowids?: readonly number[];
  /** Columns to select from `messages m` (default: rowid, id, threadId, internalDate). */
  readonly columns?: string;
}

export type Frag =
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'fts'; readonly expr: string }
  | { readonly kind: 'notfts'; readonly expr: string }
  | { readonly kind: 'sql'; readonly sql: string; readonly params: readonly unknown[] }
  /** Messages with any of `labelIds` (none of them when negated); `perRow`: checked row by row, else materialised. */
  | { readonly kind: 'labels'; readonly labelIds: readonly string[]; readonly negate: boolean; readonly perRow: boolean; readonly count: number }
  /** internalDate >= at (`after`) or < at (`before`). */
  | { readonly kind: 'range'; readonly op: 'after' | 'before'; readonly at: number }
  | { readonly kind: 'and'; readonly children: readonly Frag[] };

const TRUE: Frag = { kind: 'const', value: true };
const FALSE: Frag = { kind: 'const', value: false };

function quotePhrase(tokens: readonly string[]): string {
  // Tokens are runs of letters, digits, marks and "_": they never contain a double quote.
  return `"${tokens.join(' ')}"`;
}

function fts(column: string, tokens: readonly string[]): Frag {
  return { kind: 'fts', expr: `${column} : ${quotePhrase(tokens)}` };
}

function sql(text: string, params: readonly unknown[] = []): Frag {
  return { kind: 'sql', sql: text, params };
}

export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

function group(exprs: readonly string[], op: 'AND' | 'OR'): string {
  return exprs.length === 1 ? exprs[0]! : `(${exprs.join(` ${op} `)})`;
}

class Compiler {
  constructor(private readonly ctx: SearchContext) {}

  private large(count: () => number): boolean {
    const planner = this.ctx.planner;
    return planner !== undefined && count() >= planner.threshold;
  }

  private labelSet(labelIds: readonly string[], negate: boolean): Frag {
    const count = this.ctx.planner?.labelCount(labelIds) ?? 0;
    return { kind: 'labels', labelIds, negate, perRow: this.large(() => count), count };
  }

  private textLeaf(node: WordNode | PhraseNode): Frag {
    const stems = node.kind === 'word' && !node.exact;
    if (node.tokens.length === 0) {
      if (node.field === 'filename') return sql('m.has_attachment = 1');
      if (node.field === 'list') return sql('m.has_list_id = 1');
      return TRUE;
    }
    switch (node.field) {
      case 'any':
        return stems ? fts('text_stems', node.tokens.map(variantKey)) : fts('text', node.tokens);
      case 'subject':
        return stems ? fts('subject_stems', node.tokens.map(variantKey)) : fts('subject', node.tokens);
      case 'filename':
        return fts('filename', node.tokens);
      case 'list':
        return fts('list', node.tokens);
    }
  }

  private addressLeaf(node: AddressNode): Frag {
    const ctx = this.ctx;
    const useAccount = node.me && ctx.accountEmail !== undefined && ctx.accountEmail !== '';
    const tokens = useAccount ? tokenizeText(ctx.accountEmail ?? '') : node.tokens;
    const fields = ADDRESS_FIELDS[node.field];
    if (node.wholeAddress || useAccount || tokens.length === 0) {
      const whole = node.wholeAddress || useAccount;
      return sql(
        `m.rowid IN (SELECT a.message_rowid FROM message_addresses a WHERE ${whole ? 'a.address_norm = ? AND ' : ''}a.field IN (${placeholders(fields.length)}))`,
        whole ? [tokens.join(' '), ...fields] : [...fields],
      );
    }
    return fts(`addr_${node.field}`, tokens);
  }

  private labelLeaf(condition: LabelCondition): Frag {
    switch (condition.kind) {
      case 'anyLabel':
      case 'noLabel':
        return this.labelSet(condition.labelIds, condition.kind === 'noLabel');
      case 'hasAttachment':
        return sql('m.has_attachment = 1');
      case 'userLabels': {
        const userIds = this.ctx.labels.filter((l) => l.type === 'user').map((l) => l.id);
        const knownIds = this.ctx.labels.map((l) => l.id);
        return sql(
          `${condition.present ? '' : 'NOT '}EXISTS (SELECT 1 FROM message_labels ml WHERE ml.message_rowid = m.rowid AND (ml.label_id IN (${placeholders(userIds.length)}) OR (substr(ml.label_id, 1, 6) = 'Label_' AND ml.label_id NOT IN (${placeholders(knownIds.length)}))))`,
          [...userIds, ...knownIds],
        );
      }
      case 'textSequence':
        return condition.sequences.length === 0
          ? FALSE
          : {
              kind: 'fts',
              expr: group(
                condition.sequences.map((s) => `text : ${quotePhrase(s)}`),
                'OR',
              ),
            };
      case 'always':
        return TRUE;
      case 'never':
        return FALSE;
    }
  }

  node(node: QueryNode): Frag {
    switch (node.kind) {
      case 'word':
      case 'phrase':
        return this.textLeaf(node);
      case 'address':
        return this.addressLeaf(node);
      case 'rfc822msgid':
        return sql('m.message_id_norm = ?', [normalizeMessageId(node.messageId)]);
      case 'label':
      case 'is':
      case 'in':
      case 'has':
      case 'category':
        return this.labelLeaf(resolveLabelCondition(node, this.ctx.labels));
      case 'date':
        return { kind: 'range', op: node.op, at: node.at };
      case 'relativeDate': {
        const at = relativeAgeBound(this.ctx.now.getTime(), node.amount, node.unit);
        return { kind: 'range', op: node.op === 'newer_than' ? 'after' : 'before', at };
      }
      case 'size': {
        const test = node.op === 'larger' ? 'size_estimate > ?' : 'size_estimate < ?';
        // Few matches (a size query with no hits is common): found through the size index, not by walking every row.
        if (this.ctx.planner?.fewBySize?.(node.op, node.bytes)) return sql(`m.rowid IN (SELECT rowid FROM messages WHERE ${test})`, [node.bytes]);
        return sql(`m.${test}`, [node.bytes]);
      }
      case 'around':
        if (node.left.length === 0 || node.right.length === 0) return FALSE;
        return { kind: 'fts', expr: `text : NEAR(${quotePhrase(node.left)} ${quotePhrase(node.right)}, ${node.distance})` };
      case 'nothing':
        return FALSE;
      case 'not':
        return not(this.node(node.child));
      case 'and':
        return and(node.children.map((c) => this.node(c)));
      case 'or':
        return or(node.children.map((c) => this.node(c)));
    }
  }
}

const ADDRESS_FIELDS: Readonly<Record<AddressNode['field'], readonly string[]>> = {
  from: ['from'],
  to: ['to', 'cc', 'bcc'],
  cc: ['cc'],
  bcc: ['bcc'],
  deliveredto: ['deliveredto'],
};

function and(parts: readonly Frag[]): Frag {
  const children: Frag[] = [];
  for (const p of parts) {
    if (p.kind === 'const') {
      if (!p.value) return FALSE;
    } else if (p.kind === 'and') children.push(...p.children);
    else children.push(p);
  }
  return andOf(mergeNegatedText(children));
}

function andOf(children: readonly Frag[]): Frag {
  if (children.length === 0) return TRUE;
  return children.length === 1 ? children[0]! : { kind: 'and', children };
}

/**
 * `-a -b -c ...` as one `NOT IN (MATCH a OR b OR c)` rather than one subquery each (a
 * 2,048-character query of negations took 0.6 s on a 7,000-mail cache); repeated terms once.
 */
function mergeNegatedText(children: readonly Frag[]): Frag[] {
  const negated = new Set<string>();
  const positive = new Set<string>();
  const out: Frag[] = [];
  for (const c of children) {
    if (c.kind === 'notfts') negated.add(c.expr);
    else if (c.kind === 'fts') {
      if (!positive.has(c.expr)) out.push(c);
      positive.add(c.expr);
    } else out.push(c);
  }
  if (negated.size > 0) out.push({ kind: 'notfts', expr: group([...negated], 'OR') });
  return out;
}

function or(parts: readonly Frag[]): Frag {
  const kept: Frag[] = [];
  for (const p of parts) {
    if (p.kind === 'const') {
      if (p.value) return TRUE;
    } else kept.push(p);
  }
  if (kept.length === 0) return FALSE;
  if (kept.length === 1) return kept[0]!;
  const positive = kept.filter((p): p is Extract<Frag, { kind: 'fts' }> => p.kind === 'fts').map((p) => p.expr);
  if (positive.length === kept.length) return { kind: 'fts', expr: group(positive, 'OR') };
  // Full-text alternatives still go to FTS5 together; the rest are ORed in SQL.
  const rest = kept.filter((p) => p.kind !== 'fts').map(toSql);
  if (positive.length > 0) rest.unshift(toSql({ kind: 'fts', expr: group(positive, 'OR') }));
  return sql(
    `(${rest.map((s) => s.sql).join(' OR ')})`,
    rest.flatMap((s) => s.params),
  );
}

function not(inner: Frag): Frag {
  switch (inner.kind) {
    case 'const':
      return inner.value ? FALSE : TRUE;
    case 'fts':
      return { kind: 'notfts', expr: inner.expr };
    case 'notfts':
      return { kind: 'fts', expr: inner.expr };
    case 'range':
      return { kind: 'range', op: inner.op === 'after' ? 'before' : 'after', at: inner.at };
    case 'labels':
      return { ...inner, negate: !inner.negate };
    case 'sql':
    case 'and': {
      const s = toSql(inner);
      return sql(`NOT (${s.sql})`, s.params);
    }
  }
}

/** One MATCH for the full-text conjuncts of an AND: the positive ones ANDed, the negated ones NOTed off them. */
export function matchOf(conjuncts: readonly Frag[]): { expr: string; rest: Frag[] } | null {
  const positive = conjuncts.filter((f): f is Extract<Frag, { kind: 'fts' }> => f.kind === 'fts').map((f) => f.expr);
  if (positive.length === 0) return null;
  const negative = conjuncts.filter((f): f is Extract<Frag, { kind: 'notfts' }> => f.kind === 'notfts').map((f) => f.expr);
  const expr = [group(positive, 'AND'), ...negative.map((n) => `NOT ${n.startsWith('(') ? n : `(${n})`}`)].join(' ');
  return { expr, rest: conjuncts.filter((f) => f.kind !== 'fts' && f.kind !== 'notfts') };
}

export function toSql(f: Frag): SqlFragment {
  switch (f.kind) {
    case 'const':
      return { sql: f.value ? '1' : '0', params: [] };
    case 'sql':
      return f;
    case 'labels': {
      const list = placeholders(f.labelIds.length);
      if (f.perRow)
        return {
          sql: `${f.negate ? 'NOT ' : ''}EXISTS (SELECT 1 FROM message_labels WHERE label_id IN (${list}) AND message_rowid = m.rowid)`,
          params: f.labelIds,
        };
      return { sql: `m.rowid ${f.negate ? 'NOT IN' : 'IN'} (SELECT message_rowid FROM message_labels WHERE label_id IN (${list}))`, params: f.labelIds };
    }
    case 'fts':
      return { sql: 'm.rowid IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?)', params: [f.expr] };
    case 'notfts':
      return { sql: 'm.rowid NOT IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?)', params: [f.expr] };
    case 'range':
      return { sql: f.op === 'after' ? 'm.internal_date >= ?' : 'm.internal_date < ?', params: [f.at] };
    case 'and': {
      const merged = matchOf(f.children);
      const parts = merged ? [toSql({ kind: 'fts', expr: merged.expr }), ...merged.rest.map(toSql)] : f.children.map(toSql);
      return { sql: `(${parts.map((p) => p.sql).join(' AND ')})`, params: parts.flatMap((p) => p.params) };
    }
  }
}

export function compileScoped(parsed: ParsedQuery, ctx: SearchContext): Frag {
  const query = parsed.ast === null ? TRUE : new Compiler(ctx).node(parsed.ast);
  return ctx.includeSpamTrash || queryIncludesSpamTrash(parsed.ast) ? query : and([sql('m.spam_trash = 0'), query]);
}

/** The WHERE clause (over `messages m`) of a query, Spam/Trash scope included (rule 9a). */
export function compileWhere(parsed: ParsedQuery, ctx: SearchContext): SqlFragment {
  return toSql(compileScoped(parsed, ctx));
}

export { compileSearch } from './search-statement';
