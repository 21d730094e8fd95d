/**
 * The CLI as a whole process: `npm run cli -- search …` (npm, then the built bundle on plain
 * node) and `node out/cli/cli.mjs search …`, wall time from spawn to exit, on a cache of
 * the corpus (one copy of every message). Prints JSON. Budget: under 0.5 s.
 *
 *   npx tsx bench/cli-start.ts [--runs 10]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cacheFileFor } from '../main/cache/database';
import { openSettingsStore } from '../main/settings/settings-store';
import { fillCache, loadBases } from './list-mailbox';
import { summarize } from './list-path';

const ROOT = join(import.meta.dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 10;
const QUERIES = ['meeting', 'from:phillip.allen@enron.com has:attachment', '"natural gas" after:2001/01/01'];

function timed(command: string, args: readonly string[]): { ms: number; lines: number } {
  const t = performance.now();
  const out = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t;
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  return { ms, lines: out.stdout.split('\n').filter(Boolean).length };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'skimmer-bench-cli-'));
  try {
    const bases = await loadBases();
    fillCache(cacheFileFor(dataDir, 'bench-1'), bases.length, bases);
    const settings = openSettingsStore(dataDir);
    settings.set('accounts', [{ id: 'bench-1', email: 'phillip.allen@enron.com', name: 'Bench' }]);
    settings.set('activeAccountId', 'bench-1');
    // The first run builds the bundle if it is missing or stale; it is not timed.
    timed('npm', ['run', '--silent', 'cli', '--', 'search', '--data-dir', dataDir, '--offline', 'meeting']);
    const result: Record<string, unknown> = {};
    for (const [name, command, prefix] of [
      ['npm run cli', 'npm', ['run', '--silent', 'cli', '--']],
      ['node out/cli/cli.mjs', process.execPath, [join(ROOT, 'out/cli/cli.mjs')]],
    ] as const) {
      const samples: number[] = [];
      let lines = 0;
      for (let r = 0; r < RUNS; r++) {
        for (const q of QUERIES) {
          const run = timed(command, [...prefix, 'search', '--data-dir', dataDir, '--offline', q]);
          samples.push(run.ms);
          lines = Math.max(lines, run.lines);
        }
      }
      result[name] = { ...summarize(samples), maxLinesPrinted: lines };
    }
    const loadAverage = loadavg().map((x) => Math.round(x * 10) / 10);
    const report = { bench: 'cli-start', runs: RUNS, queries: QUERIES, messages: bases.length, budgetMs: 500, loadAverage, result };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
