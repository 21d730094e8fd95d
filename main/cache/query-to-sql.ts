/**
 * A parsed Gmail query compiled to ONE SQL statement over the cache schema, with the same
 * semantics as the emulator's evaluator (emulator/search/evaluate.ts) and the decision
 * table in shared/reference/gmail-search-semantics.md.
 *
 * Words and phrases become FTS5 phrase queries over pre-tokenised columns (the tokens of
 * common/gmail-query/text.ts; "|" separates fields so a phrase never spans two); a word's
 * variants are the indexed words filed under its variant key; labels go through the link table; dates,
 * sizes and flags through plain columns. Full-text leaves of an AND (negated ones too) or
 * of an OR are merged into one MATCH, so FTS5 combines its own posting lists.
 *
 * Which index drives the statement, and paging: search-statement.ts (compileSearch).
 */
import type { AddressNode, ParsedQuery, PhraseNode, QueryNode, WordNode } from '../../common/gmail-query/ast';
import { messageIdKey } from '../../common/gmail-query/fields';
import { relativeAgeBound } from '../../common/gmail-query/dates';
import { queryIncludesSpamTrash, resolveLabelCondition, type LabelCondition, type LabelInfo } from '../../common/gmail-query/labels';
import { tokenizeText, variantKey } from '../../common/gmail-query/text';
import { FREE_TEXT_COLUMNS, RECIPIENT_COLUMNS } from './message-record';
import type { RowidScheme } from './rowid-order';
import { FALSE, TRUE, and, columnSet, fts, ftsAny, not, or, placeholders, quotePhrase, sql, type Frag } from './sql-fragments';

/** Phrases one multi-token word's variants may become before the search settles for a superset. */
const MAX_VARIANT_PHRASES = 64;

function cartesian(choices: readonly (readonly string[])[]): string[][] {
  return choices.reduce<string[][]>((acc, words) => acc.flatMap((prefix) => words.map((w) => [...prefix, w])), [[]]);
}

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
  /** About how many messages are dated at or after `date` (ms; counted by stretches of about 25 days, date_histogram). */
  rowsFrom?(date: number): number;
}

export interface SearchContext {
  readonly now: Date;
  readonly labels: readonly LabelInfo[];
  readonly includeSpamTrash?: boolean;
  /** The account's primary address, for from:me / to:me. */
  readonly accountEmail?: string;
  readonly planner?: SearchPlanner;
  /** How the cache's rowids encode dates (date bounds become rowid ranges). */
  readonly rowids: RowidScheme;
  /** The indexed words whose variant key is `key` (WordVariants.wordsFor). */
  readonly wordsFor: (key: string) => readonly string[];
}

export interface SearchSqlOptions {
  readonly limit: number;
  /** Keyset paging: only rows older than this rowid (the last row of the previous page). */
  readonly beforeRowid?: number | null;
  /** Only rows at or above this rowid, walked by rowid with the words checked per row (searchRows' date probe). */
  readonly rowidFloor?: number;
  /** Only among these rows (which of a conversation's messages match). */
  readonly onlyRowids?: readonly number[];
  /** Columns to select from `messages m` (default: rowid, id, threadId, internalDate). */
  readonly columns?: string;
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
        return stems ? this.variants(FREE_TEXT_COLUMNS, node.tokens) : fts(FREE_TEXT_COLUMNS, node.tokens);
      case 'subject':
        return stems ? this.variants('subject', node.tokens) : fts('subject', node.tokens);
      case 'filename':
        return fts('filename', node.tokens);
      case 'list':
        return fts('list', node.tokens);
    }
  }

  /**
   * A word with its variants: every indexed word sharing each token's variant key
   * (word-variants.ts). A word of several tokens (`e-mail`) is a phrase: one phrase per
   * combination, up to MAX_VARIANT_PHRASES; past that each token's variants are required
   * anywhere in one field, a superset (a word with that many variants per part is rare).
   */
  private variants(columns: string | readonly string[], tokens: readonly string[]): Frag {
    const choices = tokens.map((t) => this.ctx.wordsFor(variantKey(t)));
    const combinations = choices.reduce((n, c) => n * c.length, 1);
    if (combinations <= MAX_VARIANT_PHRASES) return ftsAny(columns, cartesian(choices));
    return and(
      choices.map((words) =>
        ftsAny(
          columns,
          words.map((w) => [w]),
        ),
      ),
    );
  }

  private addressLeaf(node: AddressNode): Frag {
    const ctx = this.ctx;
    const useAccount = node.me && ctx.accountEmail !== undefined && ctx.accountEmail !== '';
    const tokens = useAccount ? tokenizeText(ctx.accountEmail ?? '') : node.tokens;
    const fields = ADDRESS_FIELDS[node.field];
    if (node.wholeAddress || useAccount || tokens.length === 0) {
      const whole = node.wholeAddress || useAccount;
      return sql(
        `m.rowid IN (SELECT a.message_rowid FROM message_addresses a WHERE ${whole ? 'a.address_norm = ? AND ' : ''}` +
          `a.field IN (${placeholders(fields.length)}))`,
        whole ? [tokens.join(' '), ...fields] : [...fields],
      );
    }
    return fts(node.field === 'to' ? RECIPIENT_COLUMNS : `addr_${node.field}`, tokens);
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
          // A user label: one the labels list calls user, or a Label_ id the list doesn't know (yet).
          `${condition.present ? '' : 'NOT '}EXISTS (SELECT 1 FROM message_labels ml WHERE ml.message_rowid = m.rowid AND (` +
            `ml.label_id IN (${placeholders(userIds.length)}) OR ` +
            `(substr(ml.label_id, 1, 6) = 'Label_' AND ml.label_id NOT IN (${placeholders(knownIds.length)}))))`,
          [...userIds, ...knownIds],
        );
      }
      case 'textSequence':
        return condition.sequences.length === 0 ? FALSE : ftsAny(FREE_TEXT_COLUMNS, condition.sequences);
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
        return sql('m.message_id_norm = ?', [messageIdKey(node.messageId)]);
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
        return { kind: 'fts', expr: `${columnSet(FREE_TEXT_COLUMNS)} : NEAR(${quotePhrase(node.left)} ${quotePhrase(node.right)}, ${node.distance})` };
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

export function compileScoped(parsed: ParsedQuery, ctx: SearchContext): Frag {
  const query = parsed.ast === null ? TRUE : new Compiler(ctx).node(parsed.ast);
  return ctx.includeSpamTrash || queryIncludesSpamTrash(parsed.ast) ? query : and([sql('m.spam_trash = 0'), query]);
}

export { compileSearch, searchRows } from './search-statement';
