/**
 * Stored messages are small (1 to 4 KB deflated), and deflate alone starts every one from
 * nothing: the same header names, JSON keys, relay hosts and HTML boilerplate are paid for
 * in each. A preset dictionary made of samples of the mailbox's own messages removes most
 * of that (about a quarter of the stored bytes on the corpus). A dictionary is built when
 * the cache reaches 256 messages and again at each fourfold growth (1,024, 4,096...), from
 * messages spread over the whole mailbox, and never changes: each stored row names the
 * dictionary it was deflated against, so rows of every era stay readable.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import type { SqlDatabase } from './database';
import { decodeStoredMessage, encodeStoredMessage, inflateStored, type CompressionDictionary } from './stored-message';

const FIRST_AT = 256;
const GROWTH = 4;
/** Deflate's window: a longer dictionary is cut to its last 32 KB anyway. */
const DICTIONARY_BYTES = 32 * 1024;
const SAMPLES = 48;
/** The start of each sampled message: its headers and the top of its JSON and text. */
const SAMPLE_BYTES = 2048;

export class BodyDictionaries {
  /** undefined: not read yet; null: none built yet. */
  private current: (CompressionDictionary & { messageCount: number }) | null | undefined;
  private readonly byId = new Map<number, Buffer>();

  constructor(private readonly db: SqlDatabase) {}

  /** The stored form of a message; `messageCount` (before this one) decides when a new dictionary is due. */
  encode(message: gmail_v1.Schema$Message, messageCount: number): Buffer {
    const dictionary = this.dictionaryFor(messageCount);
    return encodeStoredMessage(message, dictionary ?? undefined);
  }

  decode(value: string | Uint8Array): gmail_v1.Schema$Message {
    return decodeStoredMessage(value, (id) => this.bytesOf(id));
  }

  /** After a rolled-back transaction: a dictionary it built is gone from the file. */
  forgetUnsaved(): void {
    this.current = undefined;
    this.byId.clear();
  }

  private dictionaryFor(messageCount: number): CompressionDictionary | null {
    if (this.current === undefined) {
      const row = this.db.prepare('SELECT id, message_count, bytes FROM body_dictionaries ORDER BY id DESC LIMIT 1').get() as
        { id: number; message_count: number; bytes: Buffer } | undefined;
      this.current = row ? { id: row.id, bytes: row.bytes, messageCount: row.message_count } : null;
    }
    const dueAt = this.current ? this.current.messageCount * GROWTH : FIRST_AT;
    if (messageCount >= dueAt) this.current = this.build(messageCount) ?? this.current;
    return this.current;
  }

  /** A new dictionary from messages at random points of the mailbox's rowid (time) range. */
  private build(messageCount: number): (CompressionDictionary & { messageCount: number }) | null {
    const range = this.db.prepare('SELECT min(rowid) AS low, max(rowid) AS high FROM message_bodies').get() as { low: number | null; high: number | null };
    if (range.low === null || range.high === null) return null;
    const at = this.db.prepare('SELECT rowid, message FROM message_bodies WHERE rowid >= ? ORDER BY rowid LIMIT 1');
    const seen = new Set<number>();
    const samples: Buffer[] = [];
    // Deterministic points (the same mailbox builds the same dictionary), spread evenly with a
    // stride that doesn't line up with any calendar period.
    for (let i = 0; i < SAMPLES; i++) {
      const point = range.low + Math.floor(((i * 0.618034) % 1) * (range.high - range.low));
      const row = at.get(point) as { rowid: number; message: string | Uint8Array } | undefined;
      if (!row || seen.has(row.rowid) || typeof row.message === 'string') continue;
      seen.add(row.rowid);
      samples.push(inflateStored(row.message, (id) => this.bytesOf(id)).subarray(0, SAMPLE_BYTES));
    }
    if (samples.length === 0) return null;
    const joined = Buffer.concat(samples);
    const bytes = Buffer.from(joined.subarray(Math.max(0, joined.length - DICTIONARY_BYTES)));
    const id = Number(this.db.prepare('INSERT INTO body_dictionaries (message_count, bytes) VALUES (?, ?)').run(messageCount, bytes).lastInsertRowid);
    this.byId.set(id, bytes);
    return { id, bytes, messageCount };
  }

  private bytesOf(id: number): Buffer {
    let bytes = this.byId.get(id);
    if (!bytes) {
      const row = this.db.prepare('SELECT bytes FROM body_dictionaries WHERE id = ?').get(id) as { bytes: Buffer } | undefined;
      if (!row) throw new Error(`compression dictionary ${id} is missing`);
      bytes = Buffer.from(row.bytes);
      this.byId.set(id, bytes);
    }
    return bytes;
  }
}
