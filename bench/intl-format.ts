/**
 * What the list's locale-aware dates cost: formatListDate per row with the cached Intl
 * formatters, against building an Intl.DateTimeFormat per call (what a naive
 * toLocaleDateString-style helper does), for Korean and US English.
 *
 *   npx tsx bench/intl-format.ts [--rows 20000]
 *
 * Prints one JSON object: nanoseconds per row for each locale and way.
 */
import { formatListDate } from '../renderer/src/lib/intl-format';

const args = process.argv.slice(2);
const rowsAt = args.indexOf('--rows');
const ROWS = rowsAt >= 0 ? Number(args[rowsAt + 1]) : 20_000;
const now = new Date(2026, 9, 20, 16, 0);
// A spread like a real inbox: today, this year, older years.
const stamps = Array.from({ length: ROWS }, (_, i) => now.getTime() - i * 37 * 60_000 * (1 + (i % 7)));

function nsPerRow(run: (stamp: number) => string): number {
  for (let i = 0; i < 500; i += 1) run(stamps[i % ROWS]!); // warm-up
  const start = process.hrtime.bigint();
  let chars = 0;
  for (const stamp of stamps) chars += run(stamp).length;
  const ns = Number(process.hrtime.bigint() - start) / ROWS;
  if (chars === 0) throw new Error('nothing formatted');
  return Math.round(ns);
}

const result: Record<string, unknown> = { rows: ROWS, node: process.version };
for (const locale of ['ko-KR', 'en-US']) {
  result[locale] = {
    cachedNsPerRow: nsPerRow((s) => formatListDate(s, locale, now)),
    uncachedNsPerRow: nsPerRow((s) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(s)),
  };
}
console.log(JSON.stringify(result, null, 2));
