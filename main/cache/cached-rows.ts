/**
 * The cached list rows behind CacheMailSource: the columns a list row is read from, the
 * summary it becomes (labels, unread and starred from the row's current labels), and the
 * reads of such rows by rowid or by message id, 500 to a statement.
 */
import type { MessageSummary } from '../../common/mail-types';
import type { SqlDatabase } from './database';

export interface RowData {
  readonly rowid: number;
  readonly id: string;
  readonly thread_id: string;
  readonly internal_date: number;
  readonly subject: string;
  readonly size_estimate: number;
  readonly label_ids: string;
  readonly summary_json: string;
}

/** The columns of `messages m` a list row is read from (as RowData). */
export const ROW_COLUMNS =
  'm.rowid AS rowid, m.id AS id, m.thread_id AS thread_id, m.internal_date AS internal_date, m.subject AS subject, ' +
  'm.size_estimate AS size_estimate, m.label_ids AS label_ids, m.summary_json AS summary_json';

/** Summary fields that have a column of their own: stored in summary_json only where they differ from it. */
const FROM_COLUMNS = ['id', 'threadId', 'internalDate', 'subject', 'sizeEstimate'] as const;

type ColumnFields = Pick<MessageSummary, (typeof FROM_COLUMNS)[number]>;

function columnValues(row: RowData): ColumnFields {
  return { id: row.id, threadId: row.thread_id, internalDate: row.internal_date, subject: row.subject, sizeEstimate: row.size_estimate };
}

/**
 * summary_json of a new row: the summary less what the row's columns already say (ids, date,
 * subject, size) and less the labels (label_ids is the truth, read with every row): about a
 * third of what the whole summary took.
 */
export function storedSummaryJson(summary: MessageSummary, columns: ColumnFields): string {
  const { labelIds: _labels, unread: _unread, starred: _starred, ...rest } = summary;
  const kept: Record<string, unknown> = { ...rest };
  for (const key of FROM_COLUMNS) if (kept[key] === columns[key]) delete kept[key];
  return JSON.stringify(kept);
}

export function summaryFromRow(row: RowData): MessageSummary {
  // Rows stored before schema 4 hold the whole summary; either way the columns fill what it lacks.
  const stored = JSON.parse(row.summary_json) as Partial<MessageSummary>;
  const labelIds = JSON.parse(row.label_ids) as string[];
  return {
    from: { name: '', email: '' },
    to: [],
    snippet: '',
    hasAttachment: false,
    ...columnValues(row),
    ...stored,
    labelIds,
    unread: labelIds.includes('UNREAD'),
    starred: labelIds.includes('STARRED'),
  };
}

/** List rows of these messages, in the order given. */
export function rowsByRowid(db: SqlDatabase, rowids: readonly number[]): RowData[] {
  const out: RowData[] = [];
  for (let i = 0; i < rowids.length; i += 500) {
    const chunk = rowids.slice(i, i + 500);
    out.push(
      ...(db
        .prepare(
          `SELECT ${ROW_COLUMNS} FROM messages m
        WHERE m.rowid IN (${chunk.map(() => '?').join(',')}) ORDER BY m.rowid`,
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
        `SELECT ${ROW_COLUMNS}
        FROM messages m WHERE m.id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk) as RowData[];
    for (const r of rows) out.set(r.id, summaryFromRow(r));
  }
  return out;
}
