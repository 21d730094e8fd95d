/**
 * Reads and writes of the cache tables. Every write of a batch of messages happens in one
 * transaction, so a killed process leaves either the whole page or none of it.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import type { LabelInfo } from '../../common/gmail-query/labels';
import { foldText, parseAddressList } from '../../common/gmail-query/text';
import type { LabelSummary } from '../../common/mail-types';
import { scalar, type SqlDatabase } from './database';
import { decodeStoredMessage, encodeStoredMessage } from './stored-message';
import { indexMessage, orderKeyOf, searchableFromGmail, summaryOf } from './message-record';

const SPAM_TRASH = new Set(['SPAM', 'TRASH']);

type StoredJson = string | Uint8Array;

/** Slots per millisecond of internalDate in the rowid; rowid = bucket * 1024 + slot stays below 2^53. */
export const SLOTS_PER_MS = 1024;
const MAX_BUCKET = 2 ** 42 - 1;

/** internalDate clamped to ±139 years around 1970: rows further out share a bucket, still ordered. */
export function rowidBucket(internalDate: number): number {
  return Math.max(-MAX_BUCKET, Math.min(MAX_BUCKET, Math.trunc(Number.isFinite(internalDate) ? internalDate : 0)));
}

/** Where in its bucket an id would sit by itself: the first hex digits scaled to 0..1023. */
function slotHint(orderKey: string): number {
  const id = orderKey.slice(3);
  const lead = parseInt(id.slice(0, 3).padEnd(3, '0'), 16);
  return Number.isFinite(lead) ? Math.floor((lead / 4096) * SLOTS_PER_MS) : SLOTS_PER_MS / 2;
}

export interface StoredMessageRow {
  readonly rowid: number;
  readonly id: string;
  readonly thread_id: string;
  readonly internal_date: number;
  readonly order_key: string;
  readonly label_ids: string;
  readonly summary_json: string;
}

export interface CacheStats {
  readonly messages: number;
  readonly threads: number;
  readonly labels: number;
  readonly oldest: number | null;
  readonly newest: number | null;
}

/** Gmail fields the cache keeps of each message (everything but `raw`). */
export const CACHED_MESSAGE_FIELDS = 'id,threadId,labelIds,snippet,historyId,internalDate,sizeEstimate,payload';

export class MailStore {
  private readonly stmts;
  /** Messages per label, computed once and then kept in step by every write (dropped if a transaction fails). */
  private labelCountMemo: { counts: Map<string, number>; total: number } | null = null;
  private summaryMemo: { at: number; value: LabelSummary[] } | null = null;

  constructor(readonly db: SqlDatabase) {
    this.stmts = {
      rowidOf: db.prepare('SELECT rowid, label_ids FROM messages WHERE id = ?'),
      bucketRows: db.prepare('SELECT rowid, internal_date, order_key FROM messages WHERE rowid >= ? AND rowid < ? ORDER BY rowid'),
      insertMessage: db.prepare(`INSERT INTO messages (rowid, id, thread_id, internal_date, order_key, history_id, size_estimate, subject,
        from_header, message_id_norm, has_attachment, has_list_id, spam_trash, label_ids, summary_json, generation)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertBody: db.prepare('INSERT INTO message_bodies (rowid, message) VALUES (?, ?)'),
      bodyOf: db.prepare('SELECT message FROM message_bodies WHERE rowid = ?'),
      deleteMessage: db.prepare('DELETE FROM messages WHERE rowid = ?'),
      deleteBody: db.prepare('DELETE FROM message_bodies WHERE rowid = ?'),
      deleteFts: db.prepare('DELETE FROM message_fts WHERE rowid = ?'),
      insertFts: db.prepare(`INSERT INTO message_fts (rowid, text, text_stems, subject, subject_stems, addr_from, addr_to, addr_cc,
        addr_bcc, addr_deliveredto, list, filename) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      deleteLinks: db.prepare('DELETE FROM message_labels WHERE message_rowid = ?'),
      insertLink: db.prepare('INSERT OR IGNORE INTO message_labels (label_id, message_rowid) VALUES (?, ?)'),
      deleteAddresses: db.prepare('DELETE FROM message_addresses WHERE message_rowid = ?'),
      insertAddress: db.prepare('INSERT INTO message_addresses (message_rowid, field, address_norm) VALUES (?, ?, ?)'),
      fromOf: db.prepare('SELECT from_header, label_ids FROM messages WHERE rowid = ?'),
      addSender: db.prepare(`INSERT INTO senders (address, name, folded, message_count, last_date) VALUES (?, ?, ?, 1, ?)
        ON CONFLICT (address) DO UPDATE SET message_count = message_count + 1,
        name = CASE WHEN excluded.last_date >= last_date AND excluded.name <> '' THEN excluded.name ELSE name END,
        folded = CASE WHEN excluded.last_date >= last_date AND excluded.name <> '' THEN excluded.folded ELSE folded END,
        last_date = max(last_date, excluded.last_date)`),
      removeSender: db.prepare('UPDATE senders SET message_count = message_count - 1 WHERE address = ?'),
      updateLabels: db.prepare('UPDATE messages SET label_ids = ?, spam_trash = ?, generation = ? WHERE rowid = ?'),
      setGeneration: db.prepare('UPDATE messages SET generation = ? WHERE rowid = ?'),
      getState: db.prepare('SELECT value FROM sync_state WHERE key = ?'),
      setState: db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      deleteState: db.prepare('DELETE FROM sync_state WHERE key = ?'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (error) {
      this.labelCountMemo = null; // rolled back: the in-memory counts may be off
      throw error;
    }
  }

  // ---- messages ----

  /** Inserts or replaces full messages (format=full). Call inside a transaction for a page. */
  putMessage(message: gmail_v1.Schema$Message, generation = 0): void {
    const id = message.id ?? '';
    if (!id) return;
    const existing = this.stmts.rowidOf.get(id) as { rowid: number } | undefined;
    if (existing) this.removeRow(existing.rowid);
    const internalDate = Number(message.internalDate ?? 0);
    this.insertRow(message, generation, this.allocateRowid(internalDate, orderKeyOf(id)));
  }

  /**
   * A free rowid whose order among all rows is the message's (internalDate, id) order, so
   * `ORDER BY rowid DESC` is newest first and FTS5 and the label index, both ordered by
   * rowid, hand out matches newest first without sorting. A millisecond bucket holds
   * 1024 slots; when neighbours leave no gap the bucket is renumbered.
   */
  allocateRowid(internalDate: number, orderKey: string): number {
    const base = rowidBucket(internalDate) * SLOTS_PER_MS;
    const rows = this.stmts.bucketRows.all(base, base + SLOTS_PER_MS) as { rowid: number; internal_date: number; order_key: string }[];
    const after = (r: { internal_date: number; order_key: string }) =>
      r.internal_date > internalDate || (r.internal_date === internalDate && r.order_key > orderKey);
    let position = rows.findIndex(after);
    if (position < 0) position = rows.length;
    const lower = position === 0 ? base - 1 : rows[position - 1]!.rowid;
    const upper = position === rows.length ? base + SLOTS_PER_MS : rows[position]!.rowid;
    if (upper - lower > 1) return Math.min(upper - 1, Math.max(lower + 1, base + slotHint(orderKey)));
    return this.renumberBucket(base, rows, position);
  }

  /** Spreads a full bucket's rows evenly (moving them) and returns the slot left free at `position`. */
  private renumberBucket(base: number, rows: readonly { rowid: number }[], position: number): number {
    if (rows.length + 1 > SLOTS_PER_MS) throw new Error('More than 1024 messages in one millisecond');
    const saved = rows.map((r) => {
      const row = this.db.prepare('SELECT label_ids, generation FROM messages WHERE rowid = ?').get(r.rowid) as { label_ids: string; generation: number };
      const body = this.stmts.bodyOf.get(r.rowid) as { message: StoredJson };
      this.removeRow(r.rowid);
      return { ...row, message: body.message };
    });
    const step = SLOTS_PER_MS / (rows.length + 1);
    const slotOf = (i: number) => base + Math.floor(i * step + step / 2);
    saved.forEach((row, i) => {
      const message = { ...decodeStoredMessage(row.message), labelIds: JSON.parse(row.label_ids) as string[] };
      this.insertRow(message, row.generation, slotOf(i < position ? i : i + 1));
    });
    return slotOf(position);
  }

  private insertRow(message: gmail_v1.Schema$Message, generation: number, rowid: number): void {
    const id = message.id ?? '';
    const searchable = searchableFromGmail(message);
    const indexed = indexMessage(searchable);
    const labelIds = message.labelIds ?? [];
    this.stmts.insertMessage.run(
      rowid,
      id,
      searchable.threadId,
      searchable.internalDate,
      orderKeyOf(id),
      message.historyId ?? '',
      searchable.sizeEstimate,
      searchable.subject,
      searchable.from,
      indexed.messageIdNorm,
      indexed.hasAttachment ? 1 : 0,
      indexed.hasListId ? 1 : 0,
      labelIds.some((l) => SPAM_TRASH.has(l)) ? 1 : 0,
      JSON.stringify(labelIds),
      JSON.stringify(summaryOf(message)),
      generation,
    );
    this.stmts.insertBody.run(rowid, encodeStoredMessage(message));
    const f = indexed.fts;
    this.stmts.insertFts.run(
      rowid,
      f.text,
      f.text_stems,
      f.subject,
      f.subject_stems,
      f.addr_from,
      f.addr_to,
      f.addr_cc,
      f.addr_bcc,
      f.addr_deliveredto,
      f.list,
      f.filename,
    );
    for (const label of new Set(labelIds)) this.stmts.insertLink.run(label, rowid);
    this.countLabels(new Set(labelIds), 1, 1);
    for (const a of indexed.addresses) this.stmts.insertAddress.run(rowid, a.field, a.norm);
    const sender = parseAddressList(searchable.from)[0];
    if (sender && sender.address) {
      this.stmts.addSender.run(sender.address.toLowerCase(), sender.name, foldText(`${sender.name} ${sender.address}`), searchable.internalDate);
    }
  }

  private countLabels(labelIds: Iterable<string>, delta: number, messages: number): void {
    const memo = this.labelCountMemo;
    if (!memo) return;
    memo.total += messages;
    for (const l of labelIds) memo.counts.set(l, (memo.counts.get(l) ?? 0) + delta);
  }

  private removeRow(rowid: number): void {
    const from = this.stmts.fromOf.get(rowid) as { from_header: string; label_ids: string } | undefined;
    if (from) this.countLabels(new Set(JSON.parse(from.label_ids) as string[]), -1, -1);
    const sender = from ? parseAddressList(from.from_header)[0] : undefined;
    if (sender?.address) this.stmts.removeSender.run(sender.address.toLowerCase());
    this.stmts.deleteFts.run(rowid);
    this.stmts.deleteLinks.run(rowid);
    this.stmts.deleteAddresses.run(rowid);
    this.stmts.deleteMessage.run(rowid);
    this.stmts.deleteBody.run(rowid);
  }

  deleteMessage(id: string): boolean {
    const existing = this.stmts.rowidOf.get(id) as { rowid: number } | undefined;
    if (!existing) return false;
    this.removeRow(existing.rowid);
    return true;
  }

  hasMessage(id: string): boolean {
    return this.stmts.rowidOf.get(id) !== undefined;
  }

  /** Replaces a message's labels (history labelsAdded/Removed, or a minimal refetch). */
  setMessageLabels(id: string, labelIds: readonly string[], generation?: number): boolean {
    const existing = this.stmts.rowidOf.get(id) as { rowid: number; label_ids: string } | undefined;
    if (!existing) return false;
    const unique = [...new Set(labelIds)];
    this.countLabels(new Set(JSON.parse(existing.label_ids) as string[]), -1, 0);
    this.countLabels(unique, 1, 0);
    const gen = generation ?? scalar<number>(this.db.prepare('SELECT generation FROM messages WHERE rowid = ?'), existing.rowid);
    this.stmts.updateLabels.run(JSON.stringify(unique), unique.some((l) => SPAM_TRASH.has(l)) ? 1 : 0, gen, existing.rowid);
    this.stmts.deleteLinks.run(existing.rowid);
    for (const label of unique) this.stmts.insertLink.run(label, existing.rowid);
    return true;
  }

  labelsOf(id: string): string[] | null {
    const existing = this.stmts.rowidOf.get(id) as { rowid: number; label_ids: string } | undefined;
    return existing ? (JSON.parse(existing.label_ids) as string[]) : null;
  }

  /** Ids present in the cache, with the sync generation that last confirmed them. */
  generationsOf(ids: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    if (ids.length === 0) return out;
    const rows = this.db.prepare(`SELECT id, generation FROM messages WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as {
      id: string;
      generation: number;
    }[];
    for (const r of rows) out.set(r.id, r.generation);
    return out;
  }

  /** After a full resync: whatever the server no longer listed goes. */
  deleteOlderGenerations(generation: number): number {
    const rows = this.db.prepare('SELECT id FROM messages WHERE generation < ?').pluck().all(generation) as string[];
    for (const id of rows) this.deleteMessage(id);
    this.db.prepare('DELETE FROM senders WHERE message_count <= 0').run();
    return rows.length;
  }

  messageJson(id: string): gmail_v1.Schema$Message | null {
    const row = this.db.prepare('SELECT b.message, m.label_ids FROM messages m JOIN message_bodies b ON b.rowid = m.rowid WHERE m.id = ?').get(id) as
      | {
          message: StoredJson;
          label_ids: string;
        }
      | undefined;
    if (!row) return null;
    const message = decodeStoredMessage(row.message);
    return { ...message, labelIds: JSON.parse(row.label_ids) as string[] };
  }

  threadMessageIds(threadId: string): string[] {
    return this.db.prepare('SELECT id FROM messages WHERE thread_id = ? ORDER BY rowid ASC').pluck().all(threadId) as string[];
  }

  messageCount(): number {
    return scalar<number>(this.db.prepare('SELECT count(*) FROM messages'));
  }

  allIdsWithLabels(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const r of this.db.prepare('SELECT id, label_ids FROM messages').all() as { id: string; label_ids: string }[]) {
      out.set(r.id, JSON.parse(r.label_ids) as string[]);
    }
    return out;
  }

  /** Messages per label and in total, recomputed only after a write. */
  labelCounts(): { counts: ReadonlyMap<string, number>; total: number } {
    if (!this.labelCountMemo) {
      const rows = this.db.prepare('SELECT label_id, count(*) AS n FROM message_labels GROUP BY label_id').all() as { label_id: string; n: number }[];
      this.labelCountMemo = { counts: new Map(rows.map((r) => [r.label_id, r.n])), total: this.messageCount() };
    }
    return this.labelCountMemo;
  }

  // ---- labels ----

  replaceLabels(labels: readonly gmail_v1.Schema$Label[]): void {
    this.summaryMemo = null;
    this.transaction(() => {
      this.db.prepare('DELETE FROM labels').run();
      const insert = this.db.prepare('INSERT INTO labels (id, name, type, label_json) VALUES (?, ?, ?, ?)');
      for (const l of labels) {
        if (!l.id) continue;
        insert.run(l.id, l.name ?? l.id, l.type === 'user' ? 'user' : 'system', JSON.stringify(l));
      }
    });
  }

  labelInfos(): LabelInfo[] {
    return (this.db.prepare('SELECT id, name, type FROM labels').all() as { id: string; name: string; type: string }[]).map((l) => ({
      id: l.id,
      name: l.name,
      type: l.type === 'user' ? 'user' : 'system',
    }));
  }

  /**
   * Labels with counts computed from the cache (what labels.get would say). Counting walks
   * every label link, so the result is reused for `maxAgeMs` (the sidebar can lag a sync
   * page by a few seconds; a large mailbox must not recount on every call).
   */
  labelSummaries(maxAgeMs = 5_000): LabelSummary[] {
    const now = Date.now();
    if (this.summaryMemo && now - this.summaryMemo.at < maxAgeMs) return this.summaryMemo.value;
    const value = this.countLabelSummaries();
    this.summaryMemo = { at: now, value };
    return value;
  }

  private countLabelSummaries(): LabelSummary[] {
    const rows = this.db
      .prepare(
        `
      SELECT l.id, l.name, l.type, l.label_json,
        (SELECT count(*) FROM message_labels ml WHERE ml.label_id = l.id) AS total,
        (SELECT count(*) FROM message_labels ml JOIN message_labels u ON u.message_rowid = ml.message_rowid AND u.label_id = 'UNREAD' WHERE ml.label_id = l.id) AS unread,
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

  // ---- sync state and settings ----

  getState<T>(key: string): T | undefined {
    const row = this.stmts.getState.get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  setState(key: string, value: unknown): void {
    if (value === undefined) this.stmts.deleteState.run(key);
    else this.stmts.setState.run(key, JSON.stringify(value));
  }

  getMeta(key: string): string | undefined {
    return (this.stmts.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value);
  }

  stats(): CacheStats {
    const row = this.db
      .prepare('SELECT count(*) AS messages, count(DISTINCT thread_id) AS threads, min(internal_date) AS oldest, max(internal_date) AS newest FROM messages')
      .get() as {
      messages: number;
      threads: number;
      oldest: number | null;
      newest: number | null;
    };
    const labels = scalar<number>(this.db.prepare('SELECT count(*) FROM labels'));
    return { messages: row.messages, threads: row.threads, oldest: row.oldest, newest: row.newest, labels };
  }
}
