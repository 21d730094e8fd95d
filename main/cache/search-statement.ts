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
import type { RowidScheme } from './rowid-order';
import { compileScoped, type SearchContext, type SearchSqlOptions } from './query-to-sql';
import { matchOf, placeholders, toSql, type Frag, type SqlFragment } from './sql-fragments';

type LabelsFrag = Extract<Frag, { kind: 'labels' }>;

/** A rowid bound implied by a date bound: a superset, the exact date test stays in the WHERE. */
function rowidBound(range: Extract<Frag, { kind: 'range' }>, column: string, rowids: RowidScheme): SqlFragment {
  return range.op === 'after'
    ? { sql: `${column} >= ?`, params: [rowids.bucket(range.at) * rowids.slots] }
    : { sql: `${column} < ?`, params: [(rowids.bucket(range.at) + 1) * rowids.slots] };
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

/** One statement: the matching messages, newest first, one page older than `beforeRowid`. */
export function compileSearch(parsed: ParsedQuery, ctx: SearchContext, options: SearchSqlOptions): SqlFragment {
  const scoped = compileScoped(parsed, ctx);
  const conjuncts = scoped.kind === 'and' ? scoped.children : [scoped];
  const columns = options.columns ?? 'm.rowid AS rowid, m.id AS id, m.thread_id AS threadId, m.internal_date AS internalDate';
  if (conjuncts.some((c) => c.kind === 'const' && !c.value)) return { sql: `SELECT ${columns} FROM messages m WHERE 0 LIMIT 0`, params: [] };
  const matched = matchOf(conjuncts);
  // Checking given rows: FTS5 with `rowid IN (…)` walks the whole match list, a lookup per row does not.
  const checkRows = matched !== null && options.onlyRowids !== undefined;
  const merged = checkRows ? null : matched;
  const label = merged || checkRows ? null : drivingLabel(conjuncts);
  const driver = merged ? 'f.rowid' : label ? 'd.message_rowid' : 'm.rowid';
  const rest = (matched ? matched.rest : conjuncts).filter((c) => !(c.kind === 'const' && c.value) && c !== label);
  const where: SqlFragment[] = [];
  if (merged) where.push({ sql: 'f.message_fts MATCH ?', params: [merged.expr] });
  if (checkRows) where.push({ sql: 'EXISTS (SELECT 1 FROM message_fts WHERE message_fts MATCH ? AND rowid = m.rowid)', params: [matched.expr] });
  if (label) where.push({ sql: 'd.label_id = ?', params: [label.labelIds[0]] });
  for (const c of rest) {
    if (c.kind === 'range') where.push(rowidBound(c, driver, ctx.rowids));
    where.push(label ? asFilter(toSql(c)) : toSql(c));
  }
  if (options.beforeRowid !== undefined && options.beforeRowid !== null) where.push({ sql: `${driver} < ?`, params: [options.beforeRowid] });
  if (options.onlyRowids) where.push({ sql: `${driver} IN (${placeholders(options.onlyRowids.length)})`, params: options.onlyRowids });
  // CROSS JOIN keeps the driver outermost; its primary key (label_id, message_rowid) gives the output order.
  const from = merged
    ? 'message_fts f JOIN messages m ON m.rowid = f.rowid'
    : label
      ? 'message_labels d CROSS JOIN messages m ON m.rowid = d.message_rowid'
      : 'messages m';
  const whereSql = where.length ? ` WHERE ${where.map((w) => w.sql).join(' AND ')}` : '';
  return {
    sql: `SELECT ${columns} FROM ${from}${whereSql} ORDER BY ${driver} DESC LIMIT ?`,
    params: [...where.flatMap((w) => w.params), options.limit],
  };
}
