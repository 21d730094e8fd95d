/**
 * The cached list rows behind CacheMailSource: the columns a list row is read from, the
 * summary it becomes (labels, unread and starred from the row's current labels), and the
 * reads of such rows by rowid or by message id, 500 to a statement.
 */
import type { MessageSummary } from '../../common/mail-types';
import type { SqlDatabase } from './database';

export interface RowData {
  readonly rowid: number;
  readonly thread_id: string;
  readonly internal_date: number;
  readonly label_ids: string;
  readonly summary_json: string;
}

export function summaryFromRow(row: RowData): MessageSummary {
  const summary = JSON.parse(row.summary_json) as MessageSummary;
  const labelIds = JSON.parse(row.label_ids) as string[];
  return { ...summary, labelIds, unread: labelIds.includes('UNREAD'), starred: labelIds.includes('STARRED') };
}

/** List rows of these messages, in the order given. */
export function rowsByRowid(db: SqlDatabase, rowids: readonly number[]): RowData[] {
  const out: RowData[] = [];
  for (let i = 0; i < rowids.length; i += 500) {
    const chunk = rowids.slice(i, i + 500);
    out.push(
      ...(db
        .prepare(
          `SELECT rowid, thread_id, internal_date, label_ids, summary_json FROM messages
        WHERE rowid IN (${chunk.map(() => '?').join(',')}) ORDER BY rowid`,
        )
        .all(...chunk) as RowData[]),
    );
  }
  return out;
}

/** The cached list summaries of these messages, by id (those the cache doesn't hold are absent). */
export function summariesByIds(db: SqlDatabase, ids: readonly string[]): Map<string, MessageSummary> {
  const out = new Map<string, MessageSummary>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db
      .prepare(
        `SELECT m.id AS id, m.rowid AS rowid, m.thread_id, m.internal_date, m.label_ids, m.summary_json
        FROM messages m WHERE m.id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk) as (RowData & { id: string })[];
    for (const r of rows) out.set(r.id, summaryFromRow(r));
  }
  return out;
}
