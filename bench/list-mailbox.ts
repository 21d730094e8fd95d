/**
 * The benchmark mailboxes: the shared corpus repeated with new ids, dates moved by whole
 * months per round, varied senders, a few Zipf-distributed extra words in the subject and
 * varied labels. Each copy is a whole message: the cache gets its format=full JSON stored
 * (compressed, as a sync stores it), its search columns and its summary; notmuch gets the
 * raw bytes with the same headers. Conversations stay conversations: a round's copies keep
 * their thread, with Message-ID/References renamed per round so notmuch threads them alike.
 * The cache is bulk loaded (secondary indexes built after the rows, no journal), so 1M
 * messages build in minutes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { gmail_v1 } from '@googleapis/gmail';
import { tokenizeText } from '../common/gmail-query/text';
import { loadMailbox } from '../emulator/mailbox';
import { formatMessage } from '../emulator/server/gmail/format';
import { storedSummaryJson } from '../main/cache/cached-rows';
import { compactCacheHere } from '../main/cache/compaction';
import { openCacheDatabase } from '../main/cache/database';
import { MailStore } from '../main/cache/mail-store';
import { ftsValues, indexMessage, INSERT_FTS_SQL, orderKeyOf, searchableFromGmail, summaryOf, type IndexedMessage } from '../main/cache/message-record';

export const CORPUS = join(import.meta.dirname, '../../shared/corpus/mail');
const MONTH = 30 * 24 * 3600 * 1000;

export interface Base {
  readonly full: gmail_v1.Schema$Message;
  readonly indexed: IndexedMessage;
  readonly raw: Buffer;
  readonly fromName: string;
  readonly fromLocal: string;
  readonly fromDomain: string;
}

export interface Generated {
  readonly id: string;
  readonly threadId: string;
  readonly round: number;
  readonly date: number;
  readonly fromAddress: string;
  readonly extraWords: readonly string[];
  readonly labels: readonly string[];
}

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadBases(): Promise<Base[]> {
  const mb = await loadMailbox({ email: 'phillip.allen@enron.com', paths: [CORPUS] });
  return mb.list().map((m) => {
    const full = formatMessage(m, { format: 'full' }) as gmail_v1.Schema$Message;
    const searchable = searchableFromGmail(full);
    const address = /<?([^\s<>"]+)@([^\s<>"]+?)>?\s*$/.exec(searchable.from.split(',')[0] ?? '') ?? [];
    return {
      full,
      indexed: indexMessage(searchable),
      raw: m.raw,
      fromName: searchable.from
        .replace(/<[^>]*>/g, '')
        .replace(/"/g, '')
        .trim(),
      fromLocal: address[1] ?? 'someone',
      fromDomain: address[2] ?? 'example.com',
    };
  });
}

/** The i-th message of every mailbox (the same for the cache and for notmuch). */
export function generate(i: number, bases: readonly Base[]): Generated {
  const base = bases[i % bases.length]!;
  const rand = rng(Math.imul(i + 1, 2654435761));
  const round = Math.floor(i / bases.length);
  const zipf = () => `zqw${Math.floor(1 / Math.max(rand(), 1e-6)) % 5000}`;
  const labels = ['INBOX'];
  if (rand() < 0.7) labels.push('UNREAD');
  if (rand() < 0.05) labels.push('STARRED');
  if (rand() < 0.02) labels.push('Label_1');
  return {
    id: (0x100000000000 + i).toString(16),
    threadId: `${(round + 1).toString(16)}${base.full.threadId ?? base.full.id}`,
    round,
    date: Number(base.full.internalDate) + round * MONTH,
    fromAddress: round === 0 ? `${base.fromLocal}@${base.fromDomain}` : `${base.fromLocal}${round % 40}@${base.fromDomain}`,
    extraWords: [zipf(), zipf(), zipf()],
    labels,
  };
}

function subjectOf(base: Base, g: Generated): string {
  return `${base.indexed.searchable.subject} ${g.extraWords.join(' ')}`;
}

/** Message-ids of a round: `<r3.orig@host>` (round 0 keeps the originals). */
function renameIds(value: string, round: number): string {
  return round === 0 ? value : value.replace(/<([^<>\s]+)>/g, (_m, id: string) => `<r${round}.${id}>`);
}

/** The copy as Gmail would serve it (format=full). */
function gmailCopy(base: Base, g: Generated): gmail_v1.Schema$Message {
  const replaced: Record<string, string> = {
    from: `${base.fromName} <${g.fromAddress}>`,
    subject: subjectOf(base, g),
    date: new Date(g.date).toUTCString().replace('GMT', '+0000'),
  };
  const headers = (base.full.payload?.headers ?? []).map((h) => {
    const name = (h.name ?? '').toLowerCase();
    if (replaced[name] !== undefined) return { name: h.name, value: replaced[name] };
    if (name === 'message-id' || name === 'references' || name === 'in-reply-to') return { name: h.name, value: renameIds(h.value ?? '', g.round) };
    return h;
  });
  return { ...base.full, id: g.id, threadId: g.threadId, internalDate: String(g.date), labelIds: [...g.labels], payload: { ...base.full.payload, headers } };
}

const SECONDARY_INDEXES = [
  'messages_thread',
  'messages_message_id',
  'messages_size',
  'messages_generation',
  'message_labels_message',
  'message_addresses_norm',
];

/** The order a sync stores them: pages of 100 newest first, each page oldest first (sync-engine). */
function syncOrder(n: number, bases: readonly Base[]): Int32Array {
  const dates = new Float64Array(n);
  for (let i = 0; i < n; i++) dates[i] = Number(bases[i % bases.length]!.full.internalDate) + Math.floor(i / bases.length) * MONTH;
  const newestFirst = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => dates[b]! - dates[a]! || b - a);
  const out = new Int32Array(n);
  for (let p = 0; p < n; p += 100) out.set(newestFirst.subarray(p, Math.min(n, p + 100)).reverse(), p);
  return out;
}

/** Builds the cache file for the first `n` messages; returns the build time and the raw mail size. */
export function fillCache(file: string, n: number, bases: readonly Base[]): { buildMs: number; rawBytes: number } {
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  const db = openCacheDatabase(file);
  const store = new MailStore(db);
  store.replaceLabels([
    ...['INBOX', 'UNREAD', 'STARRED', 'SPAM', 'TRASH', 'SENT', 'IMPORTANT'].map((id) => ({ id, name: id, type: 'system' })),
    { id: 'Label_1', name: 'Bench/Receipts', type: 'user' },
  ]);
  store.setMeta('accountEmail', 'phillip.allen@enron.com');
  store.setState('historyId', '1');
  const schema = new Map(
    (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[]).map((r) => [
      r.name,
      r.sql,
    ]),
  );
  // Bulk load: no journal, indexes after the rows.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  for (const name of SECONDARY_INDEXES) db.exec(`DROP INDEX ${name}`);
  const insertMessage = db.prepare(`INSERT INTO messages (rowid, id, thread_id, internal_date, order_key, size_estimate, subject, from_header,
    message_id_norm, has_attachment, has_list_id, spam_trash, label_ids, summary_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`);
  const insertBody = db.prepare('INSERT INTO message_bodies (rowid, message) VALUES (?, ?)');
  const insertFts = db.prepare(INSERT_FTS_SQL);
  const insertLink = db.prepare('INSERT INTO message_labels (label_id, message_rowid) VALUES (?, ?)');
  const insertAddress = db.prepare('INSERT OR IGNORE INTO message_addresses (message_rowid, field, address_norm) VALUES (?, ?, ?)');
  const started = performance.now();
  const order = syncOrder(n, bases);
  let rawBytes = 0;
  let stored = 0;
  for (let start = 0; start < n; start += 10_000) {
    db.transaction(() => {
      for (const i of order.subarray(start, Math.min(n, start + 10_000))) {
        const base = bases[i % bases.length]!;
        const g = generate(i, bases);
        const message = gmailCopy(base, g);
        rawBytes += rawCopy(base, g).length;
        const f = base.indexed.fts;
        const extra = g.extraWords.join(' ');
        const fromTokens = tokenizeText(g.fromAddress);
        const rowid = store.allocateRowid(g.date, orderKeyOf(g.id));
        insertMessage.run(
          rowid,
          g.id,
          g.threadId,
          g.date,
          orderKeyOf(g.id),
          base.full.sizeEstimate ?? 0,
          subjectOf(base, g),
          `${base.fromName} <${g.fromAddress}>`,
          base.indexed.messageIdNorm,
          base.indexed.hasAttachment ? 1 : 0,
          base.indexed.hasListId ? 1 : 0,
          JSON.stringify(g.labels),
          storedSummaryJson(summaryOf(message), {
            id: g.id,
            threadId: g.threadId,
            internalDate: g.date,
            subject: subjectOf(base, g),
            sizeEstimate: base.full.sizeEstimate ?? 0,
          }),
        );
        insertBody.run(rowid, store.bodies.encode(message, stored++));
        insertFts.run(
          rowid,
          ...ftsValues({ ...f, subject: `${f.subject} ${extra}`, addr_from: `${tokenizeText(base.fromName).join(' ')} | ${fromTokens.join(' ')}` }),
        );
        store.wordVariants.record(base.indexed.words);
        store.wordVariants.record([...g.extraWords, ...fromTokens]);
        for (const l of g.labels) insertLink.run(l, rowid);
        insertAddress.run(rowid, 'from', fromTokens.join(' '));
        for (const a of base.indexed.addresses) if (a.field !== 'from') insertAddress.run(rowid, a.field, a.norm);
      }
    })();
  }
  for (const name of SECONDARY_INDEXES) db.exec(schema.get(name)!);
  db.exec('ANALYZE');
  compactCacheHere(db); // as the sync engine does once the initial sync is done (there off the main thread)
  db.close(); // no journal to checkpoint; the next open turns WAL back on

  return { buildMs: performance.now() - started, rawBytes };
}

function splitHead(raw: Buffer): { headers: string; body: Buffer } {
  const text = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  const end = m ? m.index : text.length;
  return { headers: text.slice(0, end), body: raw.subarray(m ? m.index + m[0].length : raw.length) };
}

/** The raw message of a copy: the corpus bytes with the copy's From, Date, Subject and renamed ids. */
export function rawCopy(base: Base, g: Generated): Buffer {
  const { headers, body } = splitHead(base.raw);
  const out: string[] = [];
  let skipping = false;
  for (const line of headers.split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      if (!skipping) out.push(renameIds(line, g.round));
      continue;
    }
    const name = line.slice(0, line.indexOf(':')).trim().toLowerCase();
    skipping = ['from', 'date', 'subject'].includes(name);
    if (!skipping) out.push(name === 'message-id' || name === 'references' || name === 'in-reply-to' ? renameIds(line, g.round) : line);
  }
  const ascii = (s: string) => s.replace(/[^\x20-\x7e]/g, '?');
  out.unshift(
    `From: ${ascii(base.fromName)} <${g.fromAddress}>`,
    `Date: ${new Date(g.date).toUTCString().replace('GMT', '+0000')}`,
    `Subject: ${ascii(subjectOf(base, g))}`,
  );
  return Buffer.concat([Buffer.from(`${out.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/** The Message-IDs of the Label_1 copies (as writeMaildir reports them). */
export function receiptIds(n: number, bases: readonly Base[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length]!;
    const g = generate(i, bases);
    const messageId = renameIds(base.indexed.searchable.rfc822MessageId, g.round).trim().replace(/^<|>$/g, '');
    if (g.labels.includes('Label_1') && messageId !== '') out.push(messageId);
  }
  return out;
}

/** The same messages as a Maildir for notmuch (flags: S unless unread, F when starred); the Message-IDs of the Label_1 ones. */
export function writeMaildir(dir: string, n: number, bases: readonly Base[]): { receipts: string[] } {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, 'mail', sub), { recursive: true });
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length]!;
    const g = generate(i, bases);
    const flags = `${g.labels.includes('STARRED') ? 'F' : ''}${g.labels.includes('UNREAD') ? '' : 'S'}`;
    writeFileSync(join(dir, 'mail', 'cur', `${g.id}:2,${flags}`), rawCopy(base, g));
  }
  return { receipts: receiptIds(n, bases) };
}
