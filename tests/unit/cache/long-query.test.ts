/**
 * A 2,048-character query of any shape (issue 10) parses, compiles and runs against a cache,
 * and through the emulator's evaluator, without throwing. The time bound here is only a
 * hang guard (ten times the budget; the old parser blocked 6 to 7 s under load-free
 * conditions): the budget itself, 100 ms, is measured by bench/long-query.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGmailQuery } from '../../../common/gmail-query';
import { compileMatcher, prepareMessage } from '../../../emulator/search/evaluate';
import { openCacheDatabase } from '../../../main/cache/database';
import { searchLocal } from '../../../main/cache/local-search';
import { MailStore } from '../../../main/cache/mail-store';
import { plainMessage, plainSearchable } from '../helpers/plain-message';

const L = 2048;
const HANG_GUARD_MS = 1_000;
const fill = (unit: string) => unit.repeat(Math.ceil(L / unit.length)).slice(0, L);
let n = 0;
const distinctWords = () => {
  let s = '';
  while (s.length < L) s += `w${n++} `;
  return s.slice(0, L);
};
const SHAPES: Record<string, string> = {
  words: fill('gas '),
  distinctWords: distinctWords(),
  ors: fill('gas OR '),
  nestedParens: '('.repeat(1024) + ')'.repeat(1024),
  openParens: '('.repeat(L),
  quotes: fill('"a" '),
  unbalancedQuotes: fill('"a '),
  operators: fill('from:a '),
  mixed: fill('-(a OR {b c}) label:x after:2001/1/1 '),
  minus: '-'.repeat(L),
  braces: '{'.repeat(L),
  around: fill('a AROUND 3 '),
  oneWord: 'a'.repeat(L),
  negations: fill('-a '),
  phrases: fill('"gas price power" '),
  subjects: fill('subject:(gas OR price) '),
};
const NOW = new Date('2026-11-25T12:00:00Z');
const WORDS = ['gas', 'price', 'power', 'meeting', 'a', 'b', 'c', 'w1', 'w2', 'w300'];
const body = (i: number) => Array.from({ length: 40 }, (_, j) => WORDS[(i * 7 + j) % WORDS.length]).join(' ');

describe('2,048-character queries', () => {
  let store: MailStore;
  beforeAll(() => {
    store = new MailStore(openCacheDatabase(':memory:'));
    for (let i = 0; i < 300; i++) {
      store.putMessage(plainMessage({ id: `m${i}`, threadId: `t${i}`, date: NOW.getTime() - i * 60_000, subject: 'gas price', text: body(i) }));
    }
  });
  afterAll(() => store.db.close());

  it.each(Object.entries(SHAPES))('%s: cache answers without hanging and never throws', (_name, q) => {
    expect(q.length).toBe(L);
    searchLocal(store, 'gas', { limit: 10, now: NOW }); // warm the statement cache
    const t = performance.now();
    expect(() => searchLocal(store, q, { limit: 100, now: NOW })).not.toThrow();
    expect(performance.now() - t).toBeLessThan(HANG_GUARD_MS);
  });

  it.each(Object.entries(SHAPES))('%s: emulator evaluator answers without hanging and never throws', (_name, q) => {
    const base = plainSearchable({ id: '1', date: NOW.getTime(), subject: 'gas price', bodyText: '' });
    const prepared = Array.from({ length: 300 }, (_, i) => prepareMessage({ ...base, id: `m${i}`, bodyText: body(i) }));
    const t = performance.now();
    expect(() => {
      const match = compileMatcher(parseGmailQuery(q), { now: NOW, labels: [], includeSpamTrash: false });
      prepared.filter(match);
    }).not.toThrow();
    expect(performance.now() - t).toBeLessThan(HANG_GUARD_MS);
  });
});
