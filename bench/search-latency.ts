/**
 * The list path the person waits for, at 10k and 100k (and with --million, 1M) cached
 * messages, against notmuch2 in-process on the same mail and queries. Prints JSON.
 *
 *   npx tsx bench/search-latency.ts [--sizes 10000,100000] [--million] [--no-notmuch] [--runs 15] [--keep]
 *
 * Per size: `listMessages` through the IPC router (messages and conversations, first page
 * of 50 newest first, the estimate the reply carries included) and the core search on the
 * query mix plus the slow queries; the inbox's first and a deep page; scrolling the inbox's
 * conversations; the cache file against the raw mail; and notmuch2 (Python, the same
 * process for every query, database opened once) on the same Maildir, with the ratio.
 * The corpus-sized mailbox (one copy of every corpus message: 6,049 conversations) is
 * scrolled to its end (no notmuch run at that size). Mailboxes: bench/list-mailbox.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeCacheDatabase, openCacheDatabase } from '../main/cache/database';
import { fillCache, loadBases, receiptIds, writeMaildir, type Base } from './list-mailbox';
import { measureDeepPages, measureQueries, measureScroll, openListBench, type PerQuery, type Stats } from './list-path';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (option('--sizes') ?? '10000,100000')
  .split(',')
  .map(Number)
  .concat(flag('--million') ? [1_000_000] : []);
const RUNS = Number(option('--runs') ?? 15);
const PYTHON = '/usr/bin/python3';
const WITH_NOTMUCH = !flag('--no-notmuch') && spawnSync(PYTHON, ['-c', 'import notmuch2']).status === 0;
const WORK = option('--dir') ?? join(tmpdir(), 'skimmer-bench-search');
/** notmuch is compared up to this size (1M Maildir files and their index would take hours here). */
const NOTMUCH_MAX = 100_000;

/** The query mix: Gmail syntax for Skimmer, the closest notmuch query (null: notmuch has none). */
const MIX: { gmail: string; notmuch: string | null; slow?: true }[] = [
  { gmail: 'label:INBOX (the inbox view)', notmuch: 'tag:inbox' },
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
  { gmail: 'label:bench-receipts', notmuch: 'tag:receipts' },
  { gmail: '日本', notmuch: '日本' },
  { gmail: 'larger:100k', notmuch: null, slow: true },
  { gmail: 'larger:10M', notmuch: null, slow: true },
  { gmail: 'is:starred is:unread -has:attachment', notmuch: 'tag:flagged and tag:unread and not tag:attachment', slow: true },
];

function notmuchConfig(dir: string): string {
  const config = join(dir, 'notmuch-config');
  writeFileSync(config, `[database]\npath=${join(dir, 'mail')}\n[new]\ntags=unread;inbox;\n[search]\nexclude_tags=\n[maildir]\nsynchronize_flags=true\n`);
  return config;
}

interface NotmuchSide {
  openMs: number;
  modes: Record<'messages' | 'threads', { overall: Stats; perQuery: Record<string, Stats & { hits: number }> }>;
}

/** --reuse-notmuch: index from an earlier (interrupted) run of the same size, finished by its own `notmuch new`. */
async function indexedAlready(dir: string): Promise<boolean> {
  if (!flag('--reuse-notmuch') || !existsSync(join(dir, 'mail', '.notmuch'))) return false;
  const pid = Number(process.env.NOTMUCH_WAIT_PID ?? 0);
  const alive = () => {
    try {
      return pid > 0 && process.kill(pid, 0);
    } catch {
      return false;
    }
  };
  while (alive()) await new Promise((r) => setTimeout(r, 2_000));
  return true;
}

async function runNotmuch(n: number, bases: readonly Base[]) {
  const dir = join(WORK, `notmuch-${n}`);
  const reuse = await indexedAlready(dir);
  const receipts = reuse ? receiptIds(n, bases) : writeMaildir(dir, n, bases).receipts;
  const config = notmuchConfig(dir);
  const env = { ...process.env, NOTMUCH_CONFIG: config };
  const t = performance.now();
  const indexed = spawnSync('notmuch', ['new', '--quiet'], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (indexed.status !== 0) throw new Error(`notmuch new failed: ${indexed.stderr}`);
  const indexSeconds = reuse ? null : Math.round((performance.now() - t) / 100) / 10;
  const tagFile = join(dir, 'tags');
  // The same messages carry Label_1 in the cache.
  writeFileSync(tagFile, receipts.map((id) => `+receipts -- id:"${id}"\n`).join(''));
  spawnSync('notmuch', ['tag', '--batch', `--input=${tagFile}`], { env });
  const queriesFile = join(dir, 'queries.json');
  const queries = MIX.filter((q) => q.notmuch !== null).map((q) => q.notmuch!);
  writeFileSync(queriesFile, JSON.stringify(queries));
  const out = spawnSync(PYTHON, [join(import.meta.dirname, 'notmuch-inprocess.py'), config, String(RUNS), queriesFile], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (out.status !== 0) throw new Error(`notmuch2 bench failed: ${out.stderr}`);
  const side = JSON.parse(out.stdout) as NotmuchSide;
  const du = spawnSync('du', ['-sb', join(dir, 'mail', '.notmuch')], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return { side, indexSeconds, indexBytes: Number(du.stdout.split('\t')[0]) };
}

/** Skimmer and notmuch on the queries both can answer, and notmuch's time over Skimmer's (above 1: Skimmer faster). */
function compare(skimmer: { perQuery: PerQuery }, notmuch: { perQuery: Record<string, Stats & { hits: number }> }) {
  const shared = MIX.filter((q) => q.notmuch !== null);
  const ours = shared.flatMap((q) => [skimmer.perQuery[q.gmail]!]);
  const theirs = shared.map((q) => notmuch.perQuery[q.notmuch!]!);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    skimmer: { meanP50: r(mean(ours.map((s) => s.p50))), meanP95: r(mean(ours.map((s) => s.p95))), worstP95: r(Math.max(...ours.map((s) => s.p95))) },
    notmuch2: { meanP50: r(mean(theirs.map((s) => s.p50))), meanP95: r(mean(theirs.map((s) => s.p95))), worstP95: r(Math.max(...theirs.map((s) => s.p95))) },
    notmuchOverSkimmer: {
      meanP50: r(mean(theirs.map((s) => s.p50)) / mean(ours.map((s) => s.p50))),
      meanP95: r(mean(theirs.map((s) => s.p95)) / mean(ours.map((s) => s.p95))),
    },
    perQuery: Object.fromEntries(shared.map((q) => [q.gmail, { skimmer: skimmer.perQuery[q.gmail], notmuch2: notmuch.perQuery[q.notmuch!] }])),
  };
}

function tableBytes(file: string): Record<string, number> | null {
  const db = openCacheDatabase(file);
  try {
    const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as { name: string; bytes: number }[];
    return Object.fromEntries(rows.map((r) => [r.name, Math.round(r.bytes / 1e5) / 10]));
  } catch {
    return null; // dbstat not compiled in
  } finally {
    closeCacheDatabase(db);
  }
}

async function sizeEntry(n: number, bases: readonly Base[]) {
  const file = join(WORK, `cache-${n}.db`);
  // --reuse: measure a cache kept by an earlier --keep run (quick iterations; no build time or raw size then).
  const built = flag('--reuse') && existsSync(file) ? { buildMs: 0, rawBytes: NaN } : fillCache(file, n, bases);
  const bench = openListBench(file);
  const measured = await measureQueries(
    bench,
    MIX.map((q) => q.gmail),
    RUNS,
  );
  const deepPages = await measureDeepPages(bench, RUNS);
  const scroll = await measureScroll(bench, n <= bases.length ? Infinity : 6_000);
  bench.close();
  const fileBytes = statSync(file).size;
  const entry: Record<string, unknown> = {
    messages: n,
    build: { seconds: Math.round(built.buildMs / 100) / 10 },
    size: {
      cacheMb: Math.round(fileBytes / 1e5) / 10,
      rawMailMb: Math.round(built.rawBytes / 1e5) / 10,
      cacheOverRaw: Math.round((fileBytes / built.rawBytes) * 100) / 100,
      tablesMb: tableBytes(file),
    },
    ...measured,
    deepPages,
    scroll,
  };
  if (WITH_NOTMUCH && n <= NOTMUCH_MAX && n !== bases.length) {
    const nm = await runNotmuch(n, bases);
    entry.notmuch2 = {
      openMs: nm.side.openMs,
      indexSeconds: nm.indexSeconds,
      indexMb: Math.round(nm.indexBytes / 1e5) / 10,
      indexOverRaw: Math.round((nm.indexBytes / built.rawBytes) * 100) / 100,
    };
    entry.vsNotmuch2 = {
      messages: compare(measured.listMessages, nm.side.modes.messages),
      conversations: compare(measured.listConversations, nm.side.modes.threads),
    };
  }
  if (!flag('--keep')) for (const s of ['', '-wal', '-shm']) if (existsSync(file + s)) rmSync(file + s);
  return entry;
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const t = performance.now();
  const bases = await loadBases();
  const prepSeconds = Math.round((performance.now() - t) / 100) / 10;
  const results = [];
  for (const n of [bases.length, ...SIZES]) {
    const entry = await sizeEntry(n, bases);
    results.push(entry);
    // Each size also on its own, as soon as it is measured (a long run stays readable if stopped).
    writeFileSync(join(WORK, `result-${n}.json`), JSON.stringify(entry, null, 2));
    process.stderr.write(`done ${n}\n`);
  }
  const budgets = { listP95MsAt100k: 5, listP95MsAt1M: 20, cacheOverRaw: 1, scrollToEndOf6000ConversationsSeconds: 3 };
  const machine = { cpus: 2, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 10) / 10) };
  const report = {
    bench: 'search-latency',
    runsPerQuery: RUNS,
    pageSize: 50,
    corpusMessages: bases.length,
    corpusPrepSeconds: prepSeconds,
    machine,
    budgets,
    mix: MIX,
    results,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

void main();
