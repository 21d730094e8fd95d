/**
 * "Did you mean" on a corpus-sized cache (one copy of every corpus message, 7,148) and a
 * 100k one: the first suggestion (which reads its letters' words from the FTS index) and
 * each query once those are read. Prints JSON.
 *
 *   npx tsx bench/did-you-mean.ts [--sizes 7148,100000] [--runs 20]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeCacheDatabase, openCacheDatabase } from '../main/cache/database';
import { MailStore } from '../main/cache/mail-store';
import { CacheVocabulary } from '../main/cache/vocabulary';
import { fillCache, loadBases } from './list-mailbox';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (option('--sizes') ?? '7148,100000').split(',').map(Number);
const RUNS = Number(option('--runs') ?? 20);
const QUERIES = ['meetnig', 'natual gas', 'from:allen contrct', 'electricty prices', 'meeting', '"naturl gas"', '日본', 'nvoice'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bases = await loadBases();
const dir = join(tmpdir(), 'skimmer-bench-dym');
mkdirSync(dir, { recursive: true });
const results = [];
for (const size of SIZES) {
  const file = join(dir, `cache-${size}.db`);
  fillCache(file, size, bases);
  const db = openCacheDatabase(file);
  const store = new MailStore(db);
  const started = performance.now();
  const vocabulary = new CacheVocabulary(db, () => store.labelCounts().total);
  vocabulary.suggest('warmup');
  const loadMs = performance.now() - started;
  const perQuery = QUERIES.map((query) => {
    const times: number[] = [];
    let suggestion: string | null = null;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      suggestion = vocabulary.suggest(query);
      times.push(performance.now() - t0);
    }
    return { query, suggestion, medianMs: Number(median(times).toFixed(2)), maxMs: Number(Math.max(...times).toFixed(2)) };
  });
  results.push({ messages: size, firstSuggestionMs: Number(loadMs.toFixed(1)), perQuery });
  closeCacheDatabase(db);
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
}
console.log(JSON.stringify({ bench: 'did-you-mean', loadavg: loadavg().map((l) => Number(l.toFixed(2))), results }, null, 2));
