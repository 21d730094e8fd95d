/**
 * 2,048-character queries of hostile shapes: time to parse, compile and answer from a cache
 * of 2,000 messages (searchLocal, what the list handler runs). Prints JSON, worst of 5 runs.
 * Run: npx tsx bench/long-query.ts
 */
import { openCacheDatabase } from '../main/cache/database';
import { searchLocal } from '../main/cache/local-search';
import { MailStore } from '../main/cache/mail-store';
import { plainMessage } from '../tests/unit/helpers/plain-message';

const L = 2048;
const fill = (unit: string) => unit.repeat(Math.ceil(L / unit.length)).slice(0, L);
const shapes: Record<string, string> = {
  words: fill('gas '),
  ors: fill('gas OR '),
  nestedParens: '('.repeat(1024) + ')'.repeat(1024),
  openParens: '('.repeat(L),
  unbalancedQuotes: fill('"a '),
  operators: fill('from:a '),
  mixed: fill('-(a OR {b c}) label:x after:2001/1/1 '),
  around: fill('a AROUND 3 '),
  oneWord: 'a'.repeat(L),
  phrases: fill('"gas price power" '),
};
const words = ['gas', 'price', 'power', 'meeting', 'a', 'b', 'c'];
const store = new MailStore(openCacheDatabase(':memory:'));
const now = Date.parse('2026-11-25T12:00:00Z');
store.transaction(() => {
  for (let i = 0; i < 2000; i++) {
    const text = Array.from({ length: 60 }, (_, j) => words[(i * 7 + j) % words.length]).join(' ');
    store.putMessage(plainMessage({ id: `m${i}`, threadId: `t${i}`, date: now - i * 60_000, subject: 'gas price', text }));
  }
});
const worstMs: Record<string, number> = {};
for (const [name, query] of Object.entries(shapes)) {
  let worst = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    searchLocal(store, query, { limit: 50, now: new Date(now) });
    worst = Math.max(worst, performance.now() - start);
  }
  worstMs[name] = Math.round(worst * 100) / 100;
}
console.log(JSON.stringify({ messages: 2000, queryLength: L, budgetMs: 100, worstMs, overBudget: Object.keys(worstMs).filter((k) => worstMs[k]! > 100) }));
