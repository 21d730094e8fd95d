/**
 * Search over the cache: parse with the shared Gmail parser, compile to one SQL statement,
 * run it. Everything that needs the account's context (labels, address, now) is read here.
 */
import { parseGmailQuery } from '../../common/gmail-query/parser';
import type { ParsedQuery } from '../../common/gmail-query/ast';
import { scalar, type SqlDatabase } from './database';
import { searchRows, type SearchContext, type SearchPlanner } from './query-to-sql';
import type { MailStore } from './mail-store';

export interface SearchHit {
  readonly rowid: number;
  readonly id: string;
  readonly threadId: string;
  readonly internalDate: number;
}

export interface LocalSearchOptions {
  readonly limit?: number;
  /** Keyset paging: the rowid of the last hit of the previous page. */
  readonly beforeRowid?: number | null;
  readonly includeSpamTrash?: boolean;
  readonly now?: Date;
}

/**
 * Above this share of the mailbox (and at least MIN_PER_ROW rows) a condition is checked
 * row by row along the newest-first index instead of being materialised: a page of 50
 * then needs only a few hundred rows.
 */
const PER_ROW_SHARE = 0.08;
const MIN_PER_ROW = 2_000;

/** At most this many size matches are materialised (counted through the size index, so the probe stays cheap). */
const FEW_BY_SIZE = 2_000;

/** date_histogram's stretch of dates: 2^31 ms, about 25 days (migration 0005 files a message under `internal_date >> 31`). */
const HISTOGRAM_PERIOD_MS = 2 ** 31;

export function searchPlanner(store: MailStore): SearchPlanner {
  const { counts, total } = store.labelCounts();
  const probe = (op: 'larger' | 'smaller') =>
    store.db.prepare(`SELECT count(*) FROM (SELECT 1 FROM messages WHERE size_estimate ${op === 'larger' ? '>' : '<'} ? LIMIT ${FEW_BY_SIZE})`);
  return {
    threshold: Math.max(MIN_PER_ROW, Math.round(total * PER_ROW_SHARE)),
    labelCount: (ids) => ids.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0),
    fewBySize: (op, bytes) => Number(scalar<number>(probe(op), bytes)) < FEW_BY_SIZE,
    rowsFrom: (date) =>
      Number(
        scalar<number>(store.db.prepare('SELECT coalesce(sum(messages), 0) FROM date_histogram WHERE period >= ?'), Math.floor(date / HISTOGRAM_PERIOD_MS)),
      ),
  };
}

export function searchContext(store: MailStore, options: { now?: Date; includeSpamTrash?: boolean } = {}): SearchContext {
  const accountEmail = store.getMeta('accountEmail');
  return {
    now: options.now ?? new Date(),
    labels: store.labelInfos(),
    includeSpamTrash: options.includeSpamTrash ?? false,
    ...(accountEmail ? { accountEmail } : {}),
    planner: searchPlanner(store),
    wordsFor: (key) => store.wordVariants.wordsFor(key),
    rowids: store.rowids,
  };
}

export function searchParsed(db: SqlDatabase, parsed: ParsedQuery, ctx: SearchContext, options: LocalSearchOptions = {}): SearchHit[] {
  return searchRows<SearchHit>(db, parsed, ctx, { limit: options.limit ?? 50, beforeRowid: options.beforeRowid ?? null });
}

export function searchLocal(store: MailStore, query: string, options: LocalSearchOptions = {}): SearchHit[] {
  const parsed = parseGmailQuery(query);
  return searchParsed(store.db, parsed, searchContext(store, options), options);
}
