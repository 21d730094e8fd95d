/**
 * Search that is complete at every moment: with the cache holding 0 %, 5 %, 50 % and 100 %
 * of the corpus (the newest part, as the sync fills it), the answer the app gives (the
 * MergedMailSource until the cache is complete, then the cache) must be the emulator's own
 * `messages.list` answer over HTTP: same ids, same order, page after page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailSelector, MessagePage } from '../../../common/mail-types';
import { startEmulator, type EmulatorHandle } from '../../../emulator/index';
import { CacheMailSource } from '../../../main/cache/cache-mail-source';
import { openCacheDatabase } from '../../../main/cache/database';
import { MailStore } from '../../../main/cache/mail-store';
import { SyncEngine } from '../../../main/cache/sync-engine';
import type { GmailApi } from '../../../main/gmail/gmail-api';
import { GmailMailSource } from '../../../main/gmail/gmail-mail-source';
import { MergedMailSource } from '../../../main/services/merged-mail-source';
import { CORPUS_ACCOUNT, CORPUS_MAIL, HAVE_CORPUS } from './helpers/corpus';
import { gmailApiFor, refreshTokenFor } from './helpers/emulator-client';

// prettier-ignore
const QUERIES = [
  'natural gas', '"natural gas"', 'meeting', 'from:allen', 'from:@enron.com', 'to:me', 'subject:re', 'has:attachment',
  '-has:attachment', 'filename:pdf', 'in:inbox', 'in:anywhere gas', 'is:unread', 'gas OR power', '-(gas power)',
  'after:2001/01/01', 'before:2001/01/01', 'larger:10k', '日本', '회의', 'zzzznotaword', '"unclosed phrase',
  'constructor', 'label:inbox -from:enron',
];
const PAGES = 3;
const PAGE_SIZE = 100;

let emu: EmulatorHandle;
let dir: string;
let store: MailStore;
let api: GmailApi;
let total = 0;

async function gmailIds(selector: MailSelector): Promise<string[]> {
  const page = await api.listMessages({
    ...(selector.kind === 'query' ? { q: selector.query } : { labelIds: [selector.labelId] }),
    maxResults: PAGES * PAGE_SIZE,
  });
  return (page.messages ?? []).map((m) => m.id ?? '');
}

async function appIds(source: MergedMailSource | CacheMailSource, selector: MailSelector): Promise<{ ids: string[]; pages: MessagePage[] }> {
  const ids: string[] = [];
  const pages: MessagePage[] = [];
  let pageToken: string | null = null;
  for (let i = 0; i < PAGES; i++) {
    const page: MessagePage = await source.listMessages(selector, { threads: false, pageSize: PAGE_SIZE, pageToken });
    pages.push(page);
    ids.push(...page.rows.map((r) => r.id));
    pageToken = page.nextPageToken;
    if (!pageToken) break;
  }
  return { ids, pages };
}

/** Keeps the newest `fraction` of the cache, as a sync that got that far would have it. */
function keepNewest(fraction: number): number {
  const ids = (store.db.prepare('SELECT id FROM messages ORDER BY rowid DESC').all() as { id: string }[]).map((r) => r.id);
  const keep = Math.round(total * fraction);
  store.transaction(() => {
    for (const id of ids.slice(keep)) store.deleteMessage(id);
  });
  return store.messageCount();
}

describe.skipIf(!HAVE_CORPUS)('search is complete while the cache fills', () => {
  beforeAll(async () => {
    emu = await startEmulator({ accounts: [{ email: CORPUS_ACCOUNT, mail: [CORPUS_MAIL] }] });
    dir = mkdtempSync(join(tmpdir(), 'skimmer-merged-'));
    store = new MailStore(openCacheDatabase(join(dir, 'mail.db')));
    api = gmailApiFor(emu, await refreshTokenFor(emu, CORPUS_ACCOUNT));
    await new SyncEngine({ store, api }).syncNow();
    total = store.messageCount();
  }, 240_000);

  afterAll(async () => {
    store?.db.close();
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function sourceAt(complete: boolean): MergedMailSource | CacheMailSource {
    const cache = new CacheMailSource({ store });
    if (complete) return cache;
    return new MergedMailSource({
      cache,
      gmail: new GmailMailSource(api.foreground()),
      api: api.foreground(),
      isComplete: () => false,
      counts: () => ({ cachedMessages: store.messageCount(), totalMessages: total }),
    });
  }

  async function checkLevel(fraction: number): Promise<void> {
    const cached = keepNewest(fraction);
    expect(cached).toBe(Math.round(total * fraction));
    const source = sourceAt(fraction === 1);
    const failures: string[] = [];
    const selectors: MailSelector[] = [...QUERIES.map((query): MailSelector => ({ kind: 'query', query })), { kind: 'label', labelId: 'INBOX' }];
    for (const selector of selectors) {
      const expected = await gmailIds(selector);
      const { ids, pages } = await appIds(source, selector);
      if (JSON.stringify(ids) !== JSON.stringify(expected)) failures.push(`${JSON.stringify(selector)}: got ${ids.length}, want ${expected.length}`);
      if (fraction < 1) {
        expect(pages[0]!.source).toBe('merged');
        expect(pages[0]!.coverage).toMatchObject({ cachedMessages: cached, totalMessages: total, partial: false });
      }
    }
    expect(failures).toEqual([]);
  }

  // Descending, because each level is made by dropping the oldest part of the previous one.
  it.each([1, 0.5])("at %d of the mailbox cached, every query gives Gmail's ids in Gmail's order", (fraction) => checkLevel(fraction), 240_000);

  it('offline with a partial cache: answers what it holds and says the answer is partial', async () => {
    expect(store.messageCount()).toBe(Math.round(total * 0.5));
    emu.setFaults({ dropRate: 1 });
    try {
      const source = sourceAt(false);
      const page = await source.listMessages({ kind: 'query', query: 'gas' }, { threads: false, pageSize: 50 });
      expect(page.coverage?.partial).toBe(true);
      expect(page.rows.length).toBeGreaterThan(0);
      expect(page.rows.every((r) => store.hasMessage(r.id))).toBe(true);
    } finally {
      emu.clearFaults();
    }
  }, 60_000);

  it.each([0.05, 0])("at %d of the mailbox cached, every query gives Gmail's ids in Gmail's order", (fraction) => checkLevel(fraction), 240_000);
});
