/**
 * The statement for one page of a compiled query: which index drives it, newest first.
 *
 * A message's rowid encodes (internalDate, id), and FTS5, the label link table's primary
 * key (label_id, message_rowid) and the messages table are all ordered by it, so whichever
 * drives hands out rows newest first and the page stops after `limit` rows:
 * - a positive full-text part: FTS5 drives;
 * - else the smallest positive single label that is not checked row by row (Starred,
 *   a user label): its links drive, so `is:starred is:unread` never builds the whole
 *   Starred set first;
 * - else the messages table, walked backwards.
 * Date bounds become rowid ranges on the driver; `beforeRowid` is keyset paging, so a deep
 * page costs what the first does.
 */
import type { ParsedQuery } from '../../common/gmail-query/ast';
import type { SqlDatabase } from './database';
import type { RowidScheme } from './rowid-order';
import { compileScoped, type SearchContext, type SearchSqlOptions } from './query-to-sql';
import { matchOf, placeholders, toSql, type Frag, type SqlFragment } from './sql-fragments';

type LabelsFrag = Extract<Frag, { kind: 'labels' }>;
type RangeFrag = Extract<Frag, { kind: 'range' }>;

/**
 * The rowid bound a date bound implies, a superset (the exact date test stays in the WHERE):
 * `after`, the first rowid of the date's bucket; `before`, the first past it.
 */
function boundRowid(range: RangeFrag, rowids: RowidScheme): number {
  return (rowids.bucket(range.at) + (range.op === 'after' ? 0 : 1)) * rowids.slots;
}

/**
 * Under a driving label, `m.rowid IN (set)` must stay a check on each row: SQLite would
 * otherwise carry it over to the driver (m.rowid = d.message_rowid) and loop over that set
 * instead, in another index and order. The unary `+` keeps it a filter.
 */
function asFilter(fragment: SqlFragment): SqlFragment {
  return { sql: fragment.sql.replace(/(^|[^+.\w])m\.rowid IN \(/g, '$1+m.rowid IN ('), params: fragment.params };
}

function drivingLabel(conjuncts: readonly Frag[]): LabelsFrag | null {
  const candidates = conjuncts.filter((c): c is LabelsFrag => c.kind === 'labels' && !c.negate && !c.perRow && c.labelIds.length === 1);
  return candidates.reduce<LabelsFrag | null>((best, c) => (best === null || c.count < best.count ? c : best), null);
}

/** A compiled page, and where FTS5 would drive it below a date bound (then searchRows may probe the date range first). */
export interface SearchStatement extends SqlFragment {
  readonly belowDate?: {
    /** The rowid range the driver walks. */
    readonly below: number;
    readonly atLeast: number;
    /** The exact dates (internalDate): the rowid range is whole days. */
    readonly dateBelow: number;
    readonly dateFrom: number;
  };
}

/** One statement: the matching messages, newest first, one page older than `beforeRowid`. */
export function compileSearch(parsed: ParsedQuery, ctx: SearchContext, options: SearchSqlOptions): SearchStatement {
  return statementFor(compileScoped(parsed, ctx), ctx, options);
}

/** The statement for a query already compiled (compileScoped: its word variants are read once, however many statements follow). */
function statementFor(scoped: Frag, ctx: SearchContext, options: SearchSqlOptions): SearchStatement {
  const conjuncts = scoped.kind === 'and' ? scoped.children : [scoped];
  const columns = options.columns ?? 'm.rowid AS rowid, m.id AS id, m.thread_id AS threadId, m.internal_date AS internalDate';
  if (conjuncts.some((c) => c.kind === 'const' && !c.value)) return { sql: `SELECT ${columns} FROM messages m WHERE 0 LIMIT 0`, params: [] };
  const matched = matchOf(conjuncts);
  // Checking given rows: FTS5 with `rowid IN (…)` walks the whole match list, a lookup per row does not.
  const checkRows = matched !== null && (options.onlyRowids !== undefined || options.rowidFloor !== undefined);
  const merged = checkRows ? null : matched;
  const label = merged || checkRows ? null : drivingLabel(conjuncts);
  const driver = merged ? 'f.rowid' : label ? 'd.message_rowid' : 'm.rowid';
  const rest = (matched ? matched.rest : conjuncts).filter((c) => !(c.kind === 'const' && c.value) && c !== label);
  const where: SqlFragment[] = [];
  if (merged) where.push({ sql: 'f.message_fts MATCH ?', params: [merged.expr] });
  if (checkRows) where.push({ sql: 'EXISTS (SELECT 1 FROM message_fts WHERE message_fts MATCH ? AND rowid = m.rowid)', params: [matched.expr] });
  if (label) where.push({ sql: 'd.label_id = ?', params: [label.labelIds[0]] });
  // One rowid range on the driver, the tightest of every bound: given two lower bounds, SQLite
  // may seek by the looser one and filter by the other (178 ms instead of 0.1 at 1M).
  const ranges = rest.filter((c): c is RangeFrag => c.kind === 'range');
  const befores = ranges.filter((r) => r.op === 'before');
  const afters = ranges.filter((r) => r.op === 'after');
  const below = tightest(Math.min, [...befores.map((r) => boundRowid(r, ctx.rowids)), options.beforeRowid]);
  const atLeast = tightest(Math.max, [...afters.map((r) => boundRowid(r, ctx.rowids)), options.rowidFloor]);
  if (below !== null) where.push({ sql: `${driver} < ?`, params: [below] });
  if (atLeast !== null) where.push({ sql: `${driver} >= ?`, params: [atLeast] });
  for (const c of rest) where.push(label ? asFilter(toSql(c)) : toSql(c));
  if (options.onlyRowids) where.push({ sql: `${driver} IN (${placeholders(options.onlyRowids.length)})`, params: options.onlyRowids });
  // CROSS JOIN keeps the driver outermost; its primary key (label_id, message_rowid) gives the output order.
  const from = merged
    ? 'message_fts f JOIN messages m ON m.rowid = f.rowid'
    : label
      ? 'message_labels d CROSS JOIN messages m ON m.rowid = d.message_rowid'
      : 'messages m';
  const whereSql = where.length ? ` WHERE ${where.map((w) => w.sql).join(' AND ')}` : '';
  const statement = {
    sql: `SELECT ${columns} FROM ${from}${whereSql} ORDER BY ${driver} DESC LIMIT ?`,
    params: [...where.flatMap((w) => w.params), options.limit],
  };
  if (!merged || below === null || befores.length === 0) return statement;
  const belowDate = {
    below,
    atLeast: atLeast ?? Number.MIN_SAFE_INTEGER,
    dateBelow: Math.min(...befores.map((r) => r.at)),
    dateFrom: Math.max(Number.MIN_SAFE_INTEGER, ...afters.map((r) => r.at)),
  };
  return { ...statement, belowDate };
}

/** The tightest of these bounds (`pick`: Math.min for upper bounds, Math.max for lower), or null for none. */
function tightest(pick: (...values: number[]) => number, bounds: readonly (number | null | undefined)[]): number | null {
  const given = bounds.filter((b): b is number => b !== null && b !== undefined);
  return given.length === 0 ? null : pick(...given);
}

/**
 * Under a `before:` date, FTS5 driving newest first steps through every posting newer than
 * the bound before it reaches one below it (measured: `enron before:2002/01/01` stepped
 * through about 700k postings at 1M messages, 35 ms; a rowid range doesn't make FTS5 seek
 * here, forwards or backwards). A word that is common below the bound fills a page within a
 * few rows of it, checked with one lookup per row. Which is cheaper follows from two
 * numbers: how much mail is newer than the bound (date_histogram) and how dense the words
 * are just below it (a first window of PROBE_FIRST rows). A row check costs about
 * ROW_CHECK_POSTINGS postings stepped (3 to 20 µs against 40 ns, measured at 1M).
 */
const PROBE_FIRST = 100;
const PROBE_MOST = 2_000;
const ROW_CHECK_POSTINGS = 250;
/** Below this much newer mail FTS5's walk is cheaper than even the first window could save. */
const PROBE_MIN_NEWER = 100_000;

/** The next rows in the date range below a rowid: how many there are (up to the limit), and the oldest's rowid. */
const WINDOW_SQL =
  'SELECT count(*) AS n, min(rowid) AS floor FROM (SELECT rowid FROM messages WHERE rowid < ? AND rowid >= ? ' +
  'AND internal_date < ? AND internal_date >= ? ORDER BY rowid DESC LIMIT ?)';

/**
 * One page of `compileSearch`'s rows. Under a `before:` date with words and much newer mail,
 * the rows just below the bound are checked first, as long as that costs less than FTS5's
 * walk; what they don't fill, FTS5 drives on from below them, so the page is the same either way.
 */
export function searchRows<T>(db: SqlDatabase, parsed: ParsedQuery, ctx: SearchContext, options: SearchSqlOptions): T[] {
  const scoped = compileScoped(parsed, ctx);
  const statement = statementFor(scoped, ctx, options);
  const bounds = statement.belowDate;
  const run = (s: SqlFragment) => db.prepare(s.sql).all(...s.params) as T[];
  const newer = bounds ? (ctx.planner?.rowsFrom?.(bounds.dateBelow) ?? 0) : 0;
  if (!bounds || newer < PROBE_MIN_NEWER) return run(statement);
  const found: T[] = [];
  let top = bounds.below;
  /** Checks the next `size` rows below `top`; true when the page is settled (full, or no older rows in range). */
  const probe = (size: number): boolean => {
    const window = db.prepare(WINDOW_SQL).get(top, bounds.atLeast, bounds.dateBelow, bounds.dateFrom, size) as {
      n: number;
      floor: number | null;
    };
    if (window.floor === null) return true;
    found.push(...run(statementFor(scoped, ctx, { ...options, beforeRowid: top, rowidFloor: window.floor, limit: options.limit - found.length })));
    top = window.floor;
    return found.length >= options.limit || window.n < size;
  };
  if (probe(PROBE_FIRST)) return found;
  const density = found.length / PROBE_FIRST;
  // Rows the rest of the page needs at that density (with a margin), against the postings FTS5 would step through.
  const needed = density === 0 ? Infinity : Math.ceil(((options.limit - found.length) * 1.5) / density);
  const worthIt = PROBE_FIRST + needed <= PROBE_MOST && needed * ROW_CHECK_POSTINGS < density * newer;
  if (worthIt && probe(needed)) return found;
  return [...found, ...run(statementFor(scoped, ctx, { ...options, beforeRowid: top, limit: options.limit - found.length }))];
}
