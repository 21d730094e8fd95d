/** The cache's labels table (written from labels.list, read as infos and counted summaries) and its totals. */
import type { gmail_v1 } from '@googleapis/gmail';
import type { LabelInfo } from '../../common/gmail-query/labels';
import type { LabelSummary } from '../../common/mail-types';
import { scalar, type SqlDatabase } from './database';

/** Replaces every label (call inside a transaction). */
export function writeLabels(db: SqlDatabase, labels: readonly gmail_v1.Schema$Label[]): void {
  db.prepare('DELETE FROM labels').run();
  const insert = db.prepare('INSERT INTO labels (id, name, type, label_json) VALUES (?, ?, ?, ?)');
  for (const l of labels) {
    if (!l.id) continue;
    insert.run(l.id, l.name ?? l.id, l.type === 'user' ? 'user' : 'system', JSON.stringify(l));
  }
}

export function readLabelInfos(db: SqlDatabase): LabelInfo[] {
  return (db.prepare('SELECT id, name, type FROM labels').all() as { id: string; name: string; type: string }[]).map((l) => ({
    id: l.id,
    name: l.name,
    type: l.type === 'user' ? 'user' : 'system',
  }));
}

/** Labels with counts computed from the cache (what labels.get would say); walks every label link. */
export function countLabelSummaries(db: SqlDatabase): LabelSummary[] {
  const rows = db
    .prepare(
      `
    SELECT l.id, l.name, l.type, l.label_json,
      (SELECT count(*) FROM message_labels ml WHERE ml.label_id = l.id) AS total,
      (SELECT count(*) FROM message_labels ml
         JOIN message_labels u ON u.message_rowid = ml.message_rowid AND u.label_id = 'UNREAD' WHERE ml.label_id = l.id) AS unread,
      (SELECT count(DISTINCT m.thread_id) FROM message_labels ml JOIN messages m ON m.rowid = ml.message_rowid WHERE ml.label_id = l.id) AS threads,
      (SELECT count(DISTINCT m.thread_id) FROM message_labels ml JOIN messages m ON m.rowid = ml.message_rowid
         JOIN message_labels u ON u.message_rowid = ml.message_rowid AND u.label_id = 'UNREAD' WHERE ml.label_id = l.id) AS threads_unread
    FROM labels l ORDER BY l.type DESC, l.name`,
    )
    .all() as {
    id: string;
    name: string;
    type: string;
    label_json: string;
    total: number;
    unread: number;
    threads: number;
    threads_unread: number;
  }[];
  return rows.map((r) => {
    const label = JSON.parse(r.label_json) as gmail_v1.Schema$Label;
    return {
      id: r.id,
      name: r.name,
      type: r.type === 'user' ? 'user' : 'system',
      messagesTotal: r.total,
      messagesUnread: r.unread,
      threadsTotal: r.threads,
      threadsUnread: r.threads_unread,
      ...(label.color?.backgroundColor && label.color.textColor
        ? { color: { textColor: label.color.textColor, backgroundColor: label.color.backgroundColor } }
        : {}),
    };
  });
}

export interface CacheStats {
  readonly messages: number;
  readonly threads: number;
  readonly labels: number;
  readonly oldest: number | null;
  readonly newest: number | null;
}

export function readCacheStats(db: SqlDatabase): CacheStats {
  const row = db
    .prepare('SELECT count(*) AS messages, count(DISTINCT thread_id) AS threads, min(internal_date) AS oldest, max(internal_date) AS newest FROM messages')
    .get() as {
    messages: number;
    threads: number;
    oldest: number | null;
    newest: number | null;
  };
  const labels = scalar<number>(db.prepare('SELECT count(*) FROM labels'));
  return { messages: row.messages, threads: row.threads, oldest: row.oldest, newest: row.newest, labels };
}
