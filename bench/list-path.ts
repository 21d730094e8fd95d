/**
 * What the person waits for, measured in one process: `listMessages` through the IPC router
 * (argument validation, the handler, MergedMailSource over a complete cache,
 * CacheMailSource, and a structured clone of the reply as Electron's IPC makes), next to
 * the core search (`searchParsed`, ids only) on the same queries.
 *
 * The handler is the body of app-services' `listMessages` (same defaults: conversations,
 * 50 rows); the real one needs a signed-in account, which a 1M-message bench can't sync.
 */
import { performance } from 'node:perf_hooks';
import type { RequestHandlers } from '../main/ipc/router';
import { createIpcRouter } from '../main/ipc/router';
import type { MailSelector, MessagePage } from '../common/mail-types';
import { parseGmailQuery } from '../common/gmail-query/parser';
import { CacheMailSource } from '../main/cache/cache-mail-source';
import { closeCacheDatabase, openCacheDatabase, type SqlDatabase } from '../main/cache/database';
import { searchContext, searchParsed } from '../main/cache/local-search';
import { MailStore } from '../main/cache/mail-store';
import { MergedMailSource } from '../main/services/merged-mail-source';

export interface Stats {
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarize(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s[s.length - 1]!) };
}

const CHANNEL = 'mail:list-messages';
const ACCOUNT = 'bench@example.com';
export const NOW = new Date('2026-11-25T00:00:00Z');

export interface ListBench {
  readonly db: SqlDatabase;
  list(selector: MailSelector, threads: boolean, pageToken?: string | null): Promise<MessagePage>;
  core(query: string): number;
  close(): void;
}

export function openListBench(file: string): ListBench {
  const db = openCacheDatabase(file);
  const store = new MailStore(db);
  const cache = new CacheMailSource({ store, now: () => NOW });
  // Complete cache: the merged source hands every list to the cache (Gmail is never asked).
  const merged = new MergedMailSource({
    cache,
    gmail: {} as never,
    api: {} as never,
    isComplete: () => true,
    counts: () => ({ cachedMessages: 0, totalMessages: 0 }),
  });
  const handlers = {
    listMessages: async (_accountId: string, selector: MailSelector, listOptions: { pageToken?: string | null; threads?: boolean; pageSize?: number }) =>
      merged.listMessages(selector, { pageToken: listOptions.pageToken ?? null, threads: listOptions.threads ?? true, pageSize: listOptions.pageSize ?? 50 }),
  } as unknown as RequestHandlers;
  const router = createIpcRouter(handlers, { isTrustedSender: () => true });
  return {
    db,
    async list(selector, threads, pageToken = null) {
      const reply = await router.handle(CHANNEL, 'app://skimmer/index.html', [ACCOUNT, selector, { threads, pageSize: 50, pageToken }]);
      const cloned = structuredClone(reply);
      if (!cloned.ok) throw new Error(`list failed: ${JSON.stringify(cloned.error)}`);
      return cloned.value as MessagePage;
    },
    core(query) {
      return searchParsed(db, parseGmailQuery(query), searchContext(store, { now: NOW }), { limit: 50 }).length;
    },
    close: () => closeCacheDatabase(db),
  };
}

export type PerQuery = Record<string, Stats & { rows: number }>;

async function timeEach(
  queries: readonly string[],
  runs: number,
  one: (q: string) => Promise<number> | number,
): Promise<{ overall: Stats; perQuery: PerQuery }> {
  const all: number[] = [];
  const perQuery: PerQuery = {};
  for (const q of queries) await one(q); // warm the page cache once
  for (const q of queries) {
    const samples: number[] = [];
    let rows = 0;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      rows = await one(q);
      samples.push(performance.now() - t);
    }
    all.push(...samples);
    perQuery[q] = { ...summarize(samples), rows };
  }
  return { overall: summarize(all), perQuery };
}

function selectorOf(q: string): MailSelector {
  return q === 'label:INBOX (the inbox view)' ? { kind: 'label', labelId: 'INBOX' } : { kind: 'query', query: q };
}

export async function measureQueries(bench: ListBench, queries: readonly string[], runs: number) {
  return {
    core: await timeEach(
      queries.filter((q) => selectorOf(q).kind === 'query'),
      runs,
      (q) => bench.core(q),
    ),
    listMessages: await timeEach(queries, runs, async (q) => (await bench.list(selectorOf(q), false)).rows.length),
    listConversations: await timeEach(queries, runs, async (q) => (await bench.list(selectorOf(q), true)).rows.length),
  };
}

function tokenAt(rowid: number): string {
  return Buffer.from(`r${rowid}:0`).toString('base64url');
}

/** The inbox's first page and a page 95 % of the way down (keyset: it should cost the same). */
export async function measureDeepPages(bench: ListBench, runs: number) {
  const total = Number((bench.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n);
  const deep = (bench.db.prepare('SELECT rowid FROM messages ORDER BY rowid LIMIT 1 OFFSET ?').get(Math.floor(total * 0.05)) as { rowid: number }).rowid;
  const out: Record<string, Stats> = {};
  for (const threads of [false, true]) {
    for (const [name, token] of [
      ['first', null],
      ['at95pct', tokenAt(deep)],
    ] as const) {
      const samples: number[] = [];
      await bench.list({ kind: 'label', labelId: 'INBOX' }, threads, token);
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        await bench.list({ kind: 'label', labelId: 'INBOX' }, threads, token);
        samples.push(performance.now() - t);
      }
      out[`${threads ? 'conversations' : 'messages'}.${name}`] = summarize(samples);
    }
  }
  return out;
}

/** Page through the inbox's conversations as infinite scroll does, up to `maxRows` (or the end). */
export async function measureScroll(bench: ListBench, maxRows: number) {
  let token: string | null = null;
  let rows = 0;
  let pages = 0;
  const pageMs: number[] = [];
  const started = performance.now();
  do {
    const t = performance.now();
    const page: MessagePage = await bench.list({ kind: 'label', labelId: 'INBOX' }, true, token);
    pageMs.push(performance.now() - t);
    rows += page.rows.length;
    pages++;
    token = page.nextPageToken;
  } while (token && rows < maxRows);
  return {
    conversations: rows,
    pages,
    reachedEnd: token === null,
    totalMs: Math.round(performance.now() - started),
    perPage: summarize(pageMs),
    lastPageMs: Math.round(pageMs[pageMs.length - 1]! * 100) / 100,
  };
}
