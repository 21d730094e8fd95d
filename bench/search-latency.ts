/**
 * Local search latency at 10k, 100k (and with --million, 1M) cached messages, side by side
 * with notmuch on the same mail. Prints JSON.
 *
 *   npx tsx bench/search-latency.ts [--sizes 10000,100000] [--million] [--no-notmuch] [--runs 15] [--optimize]
 *
 * The mailboxes are generated from the shared corpus: every corpus message is repeated
 * with a new id, a date moved by whole months per round, a varied sender address, a few
 * Zipf-distributed extra words in the subject, and varied labels. Rows go straight into
 * the cache tables (not through the API); for notmuch the same messages are written as a
 * Maildir (raw corpus bytes with the varied headers) and indexed with `notmuch new`.
 * The timed query is the first page (50 rows) the UI asks for, newest first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseGmailQuery } from '../common/gmail-query/parser';
import { tokenizeText, variantKey } from '../common/gmail-query/text';
import { loadMailbox } from '../emulator/mailbox';
import { formatMessage } from '../emulator/server/gmail/format';
import { closeCacheDatabase, openCacheDatabase, scalar } from '../main/cache/database';
import { searchContext, searchParsed } from '../main/cache/local-search';
import { MailStore } from '../main/cache/mail-store';
import { indexMessage, orderKeyOf, searchableFromGmail, summaryOf, type IndexedMessage } from '../main/cache/message-record';
import type { gmail_v1 } from '@googleapis/gmail';

const CORPUS = join(import.meta.dirname, '../../shared/corpus/mail');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (option('--sizes') ?? '10000,100000').split(',').map(Number).concat(flag('--million') ? [1_000_000] : []);
const RUNS = Number(option('--runs') ?? 15);
const WITH_NOTMUCH = !flag('--no-notmuch') && spawnSync('notmuch', ['--version']).status === 0;
const WORK = option('--dir') ?? join(tmpdir(), 'skimmer-bench-search');

/** The query mix: Gmail syntax for Skimmer, the closest notmuch query (null: notmuch has no equivalent). */
const MIX: { gmail: string; notmuch: string | null }[] = [
  { gmail: 'meeting', notmuch: 'meeting' },
  { gmail: '"natural gas"', notmuch: '"natural gas"' },
  { gmail: 'from:phillip.allen@enron.com', notmuch: 'from:phillip.allen@enron.com' },
  { gmail: 'from:lavorato', notmuch: 'from:lavorato' },
  { gmail: 'to:john subject:re', notmuch: 'to:john and subject:re' },
  { gmail: 'has:attachment after:2001/01/01', notmuch: 'tag:attachment and date:2001-01-01..' },
  { gmail: 'is:unread in:inbox', notmuch: 'tag:unread and tag:inbox' },
  { gmail: 'gas OR power -meeting', notmuch: '(gas or power) and not meeting' },
  { gmail: 'is:starred', notmuch: 'tag:flagged' },
  { gmail: 'zqw7 zqw19', notmuch: 'zqw7 and zqw19' },
  { gmail: 'zqw4000', notmuch: 'zqw4000' },
  { gmail: 'subject:(gas price)', notmuch: 'subject:gas and subject:price' },
  { gmail: 'enron before:2005/01/01 after:2003/01/01', notmuch: 'enron and date:2003-01-01..2004-12-31' },
  { gmail: 'larger:100k', notmuch: null },
  { gmail: 'label:bench-receipts', notmuch: 'tag:receipts' },
  { gmail: '日本', notmuch: '日本' },
];

interface Base {
  indexed: IndexedMessage;
  raw: Buffer;
  internalDate: number;
  size: number;
  fromName: string;
  fromLocal: string;
  fromDomain: string;
  summary: string;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function loadBases(): Promise<Base[]> {
  const mb = await loadMailbox({ email: 'phillip.allen@enron.com', paths: [CORPUS] });
  return mb.list().map((m) => {
    const message = formatMessage(m, { format: 'full' }) as gmail_v1.Schema$Message;
    const searchable = searchableFromGmail(message);
    const address = /<?([^\s<>"]+)@([^\s<>"]+?)>?\s*$/.exec(searchable.from.split(',')[0] ?? '') ?? [];
    return {
      indexed: indexMessage(searchable),
      raw: m.raw,
      internalDate: m.internalDate,
      size: m.sizeEstimate,
      fromName: searchable.from.replace(/<[^>]*>/g, '').replace(/"/g, '').trim(),
      fromLocal: address[1] ?? 'someone',
      fromDomain: address[2] ?? 'example.com',
      summary: JSON.stringify(summaryOf(message)),
    };
  });
}

interface Generated {
  id: string;
  date: number;
  fromAddress: string;
  extraWords: string[];
  labels: string[];
}

const MONTH = 30 * 24 * 3600 * 1000;

function generate(i: number, bases: readonly Base[], rand: () => number): Generated {
  const base = bases[i % bases.length]!;
  const round = Math.floor(i / bases.length);
  const zipf = () => `zqw${Math.floor(1 / Math.max(rand(), 1e-6)) % 5000}`;
  const labels = ['INBOX'];
  const r = rand();
  if (r < 0.7) labels.push('UNREAD');
  if (rand() < 0.05) labels.push('STARRED');
  if (rand() < 0.02) labels.push('Label_1');
  return {
    id: (0x100000000000 + i).toString(16),
    date: base.internalDate + round * MONTH,
    fromAddress: round === 0 ? `${base.fromLocal}@${base.fromDomain}` : `${base.fromLocal}${round % 40}@${base.fromDomain}`,
    extraWords: [zipf(), zipf(), zipf()],
    labels,
  };
}

function fillCache(file: string, n: number, bases: readonly Base[]): number {
  rmSync(file, { force: true });
  for (const s of ['-wal', '-shm']) rmSync(file + s, { force: true });
  const db = openCacheDatabase(file);
  const store = new MailStore(db);
  store.replaceLabels([
    ...['INBOX', 'UNREAD', 'STARRED', 'SPAM', 'TRASH', 'SENT', 'IMPORTANT'].map((id) => ({ id, name: id, type: 'system' })),
    { id: 'Label_1', name: 'Bench/Receipts', type: 'user' },
  ]);
  store.setMeta('accountEmail', 'phillip.allen@enron.com');
  const insertMessage = db.prepare(`INSERT INTO messages (rowid, id, thread_id, internal_date, order_key, size_estimate, subject, from_header, to_header,
    cc_header, bcc_header, delivered_to, list_id, message_id_norm, has_attachment, has_list_id, spam_trash, label_ids, summary_json, message_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', '', ?, ?, ?, 0, ?, ?, '{}')`);
  const insertFts = db.prepare(`INSERT INTO message_fts (rowid, text, text_stems, subject, subject_stems, addr_from, addr_to, addr_cc, addr_bcc,
    addr_deliveredto, list, filename) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLink = db.prepare('INSERT INTO message_labels (label_id, message_rowid) VALUES (?, ?)');
  const insertAddress = db.prepare('INSERT INTO message_addresses (message_rowid, field, address_norm) VALUES (?, ?, ?)');
  const rand = rng(42);
  const started = performance.now();
  const chunk = 5000;
  for (let start = 0; start < n; start += chunk) {
    db.transaction(() => {
      for (let i = start; i < Math.min(n, start + chunk); i++) {
        const base = bases[i % bases.length]!;
        const g = generate(i, bases, rand);
        const f = base.indexed.fts;
        const extra = g.extraWords.join(' ');
        const fromTokens = tokenizeText(g.fromAddress);
        const nameTokens = tokenizeText(base.fromName);
        const rowid = store.allocateRowid(g.date, orderKeyOf(g.id));
        insertMessage.run(rowid, g.id, g.id, g.date, orderKeyOf(g.id), base.size, `${base.indexed.searchable.subject} ${extra}`,
          `${base.fromName} <${g.fromAddress}>`, `${g.id}@bench`, base.indexed.hasAttachment ? 1 : 0, base.indexed.hasListId ? 1 : 0,
          JSON.stringify(g.labels), base.summary);
        const extraStems = g.extraWords.map(variantKey).join(' ');
        insertFts.run(rowid, `${f.text} | ${extra} | ${fromTokens.join(' ')}`, `${f.text_stems} | ${extraStems} | ${fromTokens.map(variantKey).join(' ')}`,
          `${f.subject} ${extra}`, `${f.subject_stems} ${extraStems}`, `${nameTokens.join(' ')} | ${fromTokens.join(' ')}`,
          f.addr_to, f.addr_cc, f.addr_bcc, f.addr_deliveredto, f.list, f.filename);
        for (const l of g.labels) insertLink.run(l, rowid);
        insertAddress.run(rowid, 'from', fromTokens.join(' '));
        for (const a of base.indexed.addresses) if (a.field !== 'from') insertAddress.run(rowid, a.field, a.norm);
      }
    })();
  }
  // The sync never runs 'optimize' (FTS5's automerge keeps segments in check); --optimize
  // shows the best case after a one-off merge.
  if (flag('--optimize')) db.exec("INSERT INTO message_fts(message_fts) VALUES('optimize')");
  db.exec('ANALYZE');
  closeCacheDatabase(db);
  return performance.now() - started;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarize(samples: number[]): { p50: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s[s.length - 1]!) };
}

function benchCache(file: string): { overall: ReturnType<typeof summarize>; perQuery: Record<string, ReturnType<typeof summarize> & { hits: number }>; rssMb: number } {
  const db = openCacheDatabase(file);
  const store = new MailStore(db);
  const ctx = searchContext(store, { now: new Date('2026-11-25T00:00:00Z') });
  const all: number[] = [];
  const perQuery: Record<string, ReturnType<typeof summarize> & { hits: number }> = {};
  for (const q of MIX) searchParsed(db, parseGmailQuery(q.gmail), ctx, { limit: 50 }); // warm the page cache once
  for (const q of MIX) {
    const samples: number[] = [];
    let hits = 0;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const parsed = parseGmailQuery(q.gmail);
      hits = searchParsed(db, parsed, ctx, { limit: 50 }).length;
      samples.push(performance.now() - t);
    }
    all.push(...samples);
    perQuery[q.gmail] = { ...summarize(samples), hits };
  }
  const rssMb = Math.round(process.memoryUsage().rss / 1_048_576);
  closeCacheDatabase(db);
  return { overall: summarize(all), perQuery, rssMb };
}

function headerlessBody(raw: Buffer): { headers: string; body: Buffer } {
  const text = raw.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  const end = m ? m.index : text.length;
  const bodyStart = m ? m.index + m[0].length : text.length;
  return { headers: text.slice(0, end), body: raw.subarray(Buffer.byteLength(text.slice(0, bodyStart), 'latin1')) };
}

function stripHeaders(headers: string, names: readonly string[]): string {
  const lines = headers.split(/\r?\n/);
  const out: string[] = [];
  let skipping = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      if (!skipping) out.push(line);
      continue;
    }
    const name = line.slice(0, line.indexOf(':')).trim().toLowerCase();
    skipping = names.includes(name);
    if (!skipping) out.push(line);
  }
  return out.join('\r\n');
}

function fillMaildir(dir: string, n: number, bases: readonly Base[]): { writeMs: number; indexMs: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, 'mail', sub), { recursive: true });
  const config = join(dir, 'notmuch-config');
  writeFileSync(config, `[database]\npath=${join(dir, 'mail')}\n[new]\ntags=unread;inbox;\n[search]\nexclude_tags=\n[maildir]\nsynchronize_flags=true\n`);
  const rand = rng(42);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length]!;
    const g = generate(i, bases, rand);
    const { headers, body } = headerlessBody(base.raw);
    const subject = `${base.indexed.searchable.subject} ${g.extraWords.join(' ')}`.replace(/[^\x20-\x7e]/g, '?');
    const head = [
      `From: ${base.fromName.replace(/[^\x20-\x7e]/g, '?')} <${g.fromAddress}>`,
      `Date: ${new Date(g.date).toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <${g.id}@bench>`,
      `Subject: ${subject}`,
      stripHeaders(headers, ['from', 'date', 'message-id', 'subject']),
    ].join('\r\n');
    const flags = `${g.labels.includes('UNREAD') ? '' : 'S'}${g.labels.includes('STARRED') ? 'F' : ''}`.split('').sort().join('');
    writeFileSync(join(dir, 'mail', 'cur', `${g.id}:2,${flags}`), Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body]));
  }
  const writeMs = performance.now() - t0;
  const t1 = performance.now();
  const indexed = spawnSync('notmuch', ['new', '--quiet'], { env: { ...process.env, NOTMUCH_CONFIG: config }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (indexed.status !== 0) throw new Error(`notmuch new failed: ${indexed.stderr}`);
  const indexMs = performance.now() - t1;
  // Label_1 ("receipts") as a notmuch tag on the same messages.
  const receipts: string[] = [];
  const rand2 = rng(42);
  for (let i = 0; i < n; i++) if (generate(i, bases, rand2).labels.includes('Label_1')) receipts.push(`id:${(0x100000000000 + i).toString(16)}@bench`);
  for (let i = 0; i < receipts.length; i += 200) {
    spawnSync('notmuch', ['tag', '+receipts', '--', receipts.slice(i, i + 200).join(' or ')], { env: { ...process.env, NOTMUCH_CONFIG: config } });
  }
  const du = spawnSync('du', ['-sb', join(dir, 'mail', '.notmuch')], { encoding: 'utf8' });
  return { writeMs, indexMs, bytes: Number(du.stdout.split('\t')[0]) };
}

function benchNotmuch(dir: string): { overall: ReturnType<typeof summarize>; startupMs: number; perQuery: Record<string, (ReturnType<typeof summarize> & { hits: number }) | null> } {
  const env = { ...process.env, NOTMUCH_CONFIG: join(dir, 'notmuch-config') };
  const run = (q: string) => spawnSync('notmuch', ['search', '--output=messages', '--sort=newest-first', '--limit=50', q], { env, encoding: 'utf8' });
  const startup: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    spawnSync('notmuch', ['--version'], { env });
    startup.push(performance.now() - t);
  }
  const all: number[] = [];
  const perQuery: Record<string, (ReturnType<typeof summarize> & { hits: number }) | null> = {};
  for (const q of MIX) {
    if (q.notmuch === null) {
      perQuery[q.gmail] = null;
      continue;
    }
    run(q.notmuch);
    const samples: number[] = [];
    let hits = 0;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const out = run(q.notmuch);
      samples.push(performance.now() - t);
      hits = out.stdout.split('\n').filter(Boolean).length;
    }
    all.push(...samples);
    perQuery[q.gmail] = { ...summarize(samples), hits };
  }
  return { overall: summarize(all), startupMs: summarize(startup).p50, perQuery };
}

/**
 * RSS of a fresh process that holds the cache as the main process would: open it, run the
 * query mix, list the inbox (conversations) page by page for 2,000 rows.
 */
async function rssProbe(file: string): Promise<void> {
  const { CacheMailSource } = await import('../main/cache/cache-mail-source');
  const db = openCacheDatabase(file);
  const store = new MailStore(db);
  const source = new CacheMailSource({ store });
  for (const q of MIX) await source.listMessages({ kind: 'query', query: q.gmail }, { pageSize: 50 });
  let pageToken: string | null = null;
  for (let i = 0; i < 40; i++) {
    const page: Awaited<ReturnType<typeof source.listMessages>> = await source.listMessages({ kind: 'label', labelId: 'INBOX' }, { pageSize: 50, pageToken, threads: true });
    pageToken = page.nextPageToken;
  }
  process.stdout.write(JSON.stringify({ rssMb: Math.round(process.memoryUsage().rss / 1_048_576), heapMb: Math.round(process.memoryUsage().heapUsed / 1_048_576) }));
  closeCacheDatabase(db);
}

function measureRss(file: string): { rssMb: number; heapMb: number } | null {
  const out = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--rss-probe', file], { encoding: 'utf8' });
  try {
    return JSON.parse(out.stdout) as { rssMb: number; heapMb: number };
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const probe = option('--rss-probe');
  if (probe) return rssProbe(probe);
  mkdirSync(WORK, { recursive: true });
  const t = performance.now();
  const bases = await loadBases();
  const prepMs = performance.now() - t;
  const results = [];
  for (const n of SIZES) {
    const file = join(WORK, `cache-${n}.db`);
    const buildMs = fillCache(file, n, bases);
    const cache = benchCache(file);
    const entry: Record<string, unknown> = {
      messages: n,
      skimmer: {
        ...cache,
        rssMb: undefined,
        mainProcessLike: measureRss(file),
        buildSeconds: Math.round(buildMs / 100) / 10,
        fileMb: Math.round(statSync(file).size / 1_048_576),
        note: 'rows carry no message_json (the bench inserts the search columns only); fileMb is the search index and columns',
      },
    };
    if (WITH_NOTMUCH) {
      const dir = join(WORK, `notmuch-${n}`);
      const built = fillMaildir(dir, n, bases);
      const nm = benchNotmuch(dir);
      entry.notmuch = { ...nm, indexSeconds: Math.round(built.indexMs / 100) / 10, indexMb: Math.round(built.bytes / 1_048_576), note: 'wall time of `notmuch search` per call, process start included (startupMs)' };
      rmSync(join(dir, 'mail'), { recursive: true, force: true });
    }
    results.push(entry);
    if (!flag('--keep')) for (const s of ['', '-wal', '-shm']) if (existsSync(file + s)) rmSync(file + s);
    process.stderr.write(`done ${n}\n`);
  }
  const budgets = { p95MsAt100k: 10, p95MsAt1M: 50 };
  process.stdout.write(`${JSON.stringify({ bench: 'search-latency', runsPerQuery: RUNS, pageSize: 50, corpusMessages: bases.length, corpusPrepSeconds: Math.round(prepMs / 100) / 10, budgets, mix: MIX, results }, null, 2)}\n`);
  void scalar;
}

void main();
