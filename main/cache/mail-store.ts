/**
 * Reads and writes of the cache tables. Every write of a batch of messages happens in one
 * transaction, so a killed process leaves either the whole page or none of it.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import type { LabelInfo } from '../../common/gmail-query/labels';
import { foldText, parseAddressList } from '../../common/gmail-query/text';
import type { LabelSummary } from '../../common/mail-types';
import { scalar, type SqlDatabase } from './database';
import { ftsValues, indexMessage, orderKeyOf, searchableFromGmail, summaryOf } from './message-record';
import { countLabelSummaries, readCacheStats, readLabelInfos, writeLabels, type CacheStats } from './label-summaries';
import { prepareMailStatements } from './mail-statements';
import { storedSummaryJson } from './cached-rows';
import { rowidSchemeNamed, type RowidScheme } from './rowid-order';
import { RowidAllocator } from './rowid-allocation';
import { WordVariants } from './word-variants';
import { BodyDictionaries } from './body-dictionaries';

export type { CacheStats } from './label-summaries';

const SPAM_TRASH = new Set(['SPAM', 'TRASH']);

type StoredJson = string | Uint8Array;

/** Gmail fields the cache keeps of each message (everything but `raw`). */
export const CACHED_MESSAGE_FIELDS = 'id,threadId,labelIds,snippet,historyId,internalDate,sizeEstimate,payload';

export class MailStore {
  private readonly stmts;
  /** Messages per label, computed once and then kept in step by every write (dropped if a transaction fails). */
  private labelCountMemo: { counts: Map<string, number>; total: number } | null = null;
  private summaryMemo: { at: number; value: LabelSummary[] } | null = null;

  readonly wordVariants: WordVariants;
  readonly bodies: BodyDictionaries;
  /** How this file's rowids encode dates (rowid-order.ts). */
  readonly rowids: RowidScheme;
  private readonly allocator: RowidAllocator;

  constructor(readonly db: SqlDatabase) {
    this.stmts = prepareMailStatements(db);
    this.rowids = rowidSchemeNamed(this.getMeta('rowidScheme'));
    this.allocator = new RowidAllocator(db, this.rowids, (moves) => this.moveRows(moves));
    this.wordVariants = new WordVariants(db);
    this.bodies = new BodyDictionaries(db);
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (error) {
      this.labelCountMemo = null; // rolled back: the in-memory counts may be off
      this.wordVariants.forgetFiled();
      this.bodies.forgetUnsaved();
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

  /** A free rowid in the message's (internalDate, id) order (rowid-allocation.ts). */
  allocateRowid(internalDate: number, orderKey: string): number {
    return this.allocator.allocate(internalDate, orderKey);
  }

  /** Moves rows to new rowids (to make room for one between them): read, removed, written again. */
  private moveRows(moves: readonly { from: number; to: number }[]): void {
    const saved = moves.map(({ from, to }) => {
      const row = this.stmts.labelsAndGeneration.get(from) as { label_ids: string; generation: number };
      const body = this.stmts.bodyOf.get(from) as { message: StoredJson };
      this.removeRow(from);
      return { ...row, message: body.message, to };
    });
    for (const row of saved) {
      const message = { ...this.bodies.decode(row.message), labelIds: JSON.parse(row.label_ids) as string[] };
      this.insertRow(message, row.generation, row.to);
    }
  }

  private insertRow(message: gmail_v1.Schema$Message, generation: number, rowid: number): void {
    const id = message.id ?? '';
    const searchable = searchableFromGmail(message);
    const indexed = indexMessage(searchable);
    const labelIds = message.labelIds ?? [];
    const storedBefore = this.labelCounts().total; // before this row: the counts then stay in step
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
      storedSummaryJson(summaryOf(message), { ...searchable, id }),
      generation,
    );
    this.stmts.insertBody.run(rowid, this.bodies.encode(message, storedBefore));
    this.stmts.insertFts.run(rowid, ...ftsValues(indexed.fts));
    this.wordVariants.record(indexed.words);
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
    const message = this.bodies.decode(row.message);
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
    this.transaction(() => writeLabels(this.db, labels));
  }

  labelInfos(): LabelInfo[] {
    return readLabelInfos(this.db);
  }

  /**
   * Labels with counts computed from the cache (what labels.get would say). Counting walks
   * every label link, so the result is reused for `maxAgeMs` (the sidebar can lag a sync
   * page by a few seconds; a large mailbox must not recount on every call).
   */
  labelSummaries(maxAgeMs = 5_000): LabelSummary[] {
    const now = Date.now();
    if (this.summaryMemo && now - this.summaryMemo.at < maxAgeMs) return this.summaryMemo.value;
    const value = countLabelSummaries(this.db);
    this.summaryMemo = { at: now, value };
    return value;
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
    return readCacheStats(this.db);
  }
}
