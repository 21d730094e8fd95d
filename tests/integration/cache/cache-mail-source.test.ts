/**
 * CacheMailSource against GmailMailSource on the same emulator mailbox: the same rows for
 * labels and queries, paging by keyset tokens, conversations grouped as Gmail groups them,
 * messages and threads for the reading pane, attachments through the API fallback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListRow, MailSelector, MessagePage } from '../../../common/mail-types';
import { openAccountCache, type AccountCache } from '../../../main/cache/index';
import { GmailNotFoundError, type GmailApi } from '../../../main/gmail/gmail-api';
import { GmailMailSource } from '../../../main/gmail/gmail-mail-source';
import { ALICE, startFixture, type Fixture } from '../emulator/helpers';
import { gmailApiFor, refreshTokenFor } from './helpers/emulator-client';

let fx: Fixture;
let api: GmailApi;
let cache: AccountCache;
let gmail: GmailMailSource;
let dataDir: string;

/** The fields both sources must agree on (hasAttachment needs the full payload, which list metadata lacks). */
function comparable(rows: readonly ListRow[]) {
  return rows.map((r) => ({
    id: r.id,
    threadId: r.threadId,
    internalDate: r.internalDate,
    from: r.from,
    to: r.to,
    subject: r.subject,
    snippet: r.snippet,
    labelIds: [...r.labelIds].sort(),
    unread: r.unread,
    starred: r.starred,
    sizeEstimate: r.sizeEstimate,
  }));
}

async function allRows(source: GmailMailSource | AccountCache['source'], selector: MailSelector, pageSize: number): Promise<ListRow[]> {
  const rows: ListRow[] = [];
  let pageToken: string | null = null;
  do {
    const page: MessagePage = await source.listMessages(selector, { pageSize, pageToken });
    rows.push(...page.rows);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return rows;
}

describe('CacheMailSource', () => {
  beforeAll(async () => {
    fx = await startFixture();
    api = gmailApiFor(fx.emu, await refreshTokenFor(fx.emu, ALICE));
    dataDir = mkdtempSync(join(tmpdir(), 'skimmer-source-'));
    cache = openAccountCache({ dataDir, accountId: 'alice-id', api });
    gmail = new GmailMailSource(api);
    expect(cache.source.isReady()).toBe(false);
    await cache.sync!.syncNow();
  }, 60_000);

  afterAll(async () => {
    await cache?.close();
    await fx?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ready after the sync and lives under the data dir', () => {
    expect(cache.source.isReady()).toBe(true);
    // The 3-message conversation came as one threads.get (10 units instead of 15).
    expect(fx.emu.quotaUsage(ALICE).byMethod['users.threads.get']?.calls).toBe(1);
    expect(fx.emu.quotaUsage(ALICE).byMethod['users.messages.get']?.calls).toBe(11);
    expect(cache.file).toBe(join(dataDir, 'cache', 'alice-id', 'mail.db'));
  });

  it.each<[string, MailSelector]>([
    ['inbox', { kind: 'label', labelId: 'INBOX' }],
    ['spam', { kind: 'label', labelId: 'SPAM' }],
    ['trash', { kind: 'label', labelId: 'TRASH' }],
    ['sent', { kind: 'label', labelId: 'SENT' }],
    ['a query', { kind: 'query', query: 'lunch OR invoice' }],
    ['a query with spam', { kind: 'query', query: 'zebra in:anywhere' }],
    ['no match', { kind: 'query', query: 'nothingmatchesthis' }],
  ])('lists %s like the API, in pages of 3', async (_name, selector) => {
    const fromCache = await allRows(cache.source, selector, 3);
    const fromApi = await allRows(gmail, selector, 3);
    expect(comparable(fromCache)).toEqual(comparable(fromApi));
  });

  it('groups conversations: one row per thread, newest message, a count and the participants', async () => {
    const page = await cache.source.listMessages({ kind: 'query', query: 'lunch' }, { threads: true });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ subject: 'Re: Lunch plans', threadCount: 3 });
    expect(page.rows[0]!.participants).toEqual(['Carol Sender', 'Alice']);
    const all = await cache.source.listMessages({ kind: 'label', labelId: 'INBOX' }, { threads: true, pageSize: 100 });
    const api = await gmail.listMessages({ kind: 'label', labelId: 'INBOX' }, { threads: true, pageSize: 100 });
    expect(all.rows.map((r) => [r.threadId, r.threadCount])).toEqual(api.rows.map((r) => [r.threadId, r.threadCount]));
    expect(page.source).toBe('cache');
  });

  it('counts nothing per page: a label says its known message count, a query a lower bound that grows with the pages', async () => {
    const inbox = await cache.source.listMessages({ kind: 'label', labelId: 'INBOX' }, { pageSize: 2 });
    expect(inbox.resultSizeEstimate).toBe(cache.store.labelCounts().counts.get('INBOX'));
    const all = await allRows(cache.source, { kind: 'query', query: '' }, 100);
    const first = await cache.source.listMessages({ kind: 'query', query: '' }, { pageSize: 3 });
    expect(first.resultSizeEstimate).toBe(4); // three listed, and more to come
    const second = await cache.source.listMessages({ kind: 'query', query: '' }, { pageSize: 3, pageToken: first.nextPageToken });
    expect(second.resultSizeEstimate).toBe(all.length > 6 ? 7 : all.length);
    const lone = await cache.source.listMessages({ kind: 'query', query: 'lunch' }, { pageSize: 50 });
    expect(lone.resultSizeEstimate).toBe(lone.rows.length);
  });

  it('still reads a page token from before the update (the rowid alone)', async () => {
    const first = await cache.source.listMessages({ kind: 'query', query: '' }, { pageSize: 3 });
    const rowid = /^r(-?\d+):/.exec(Buffer.from(first.nextPageToken!, 'base64url').toString('utf8'))![1];
    const older = Buffer.from(`r${rowid}`).toString('base64url');
    const fromOld = await cache.source.listMessages({ kind: 'query', query: '' }, { pageSize: 3, pageToken: older });
    const fromNew = await cache.source.listMessages({ kind: 'query', query: '' }, { pageSize: 3, pageToken: first.nextPageToken });
    expect(fromOld.rows.map((r) => r.id)).toEqual(fromNew.rows.map((r) => r.id));
  });

  it('pages conversations by keyset without gaps or repeats', async () => {
    const ids: string[] = [];
    let pageToken: string | null = null;
    do {
      const page: MessagePage = await cache.source.listMessages({ kind: 'query', query: '' }, { threads: true, pageSize: 2, pageToken });
      ids.push(...page.rows.map((r) => r.threadId));
      pageToken = page.nextPageToken;
    } while (pageToken);
    const everything = await cache.source.listMessages({ kind: 'query', query: '' }, { threads: true, pageSize: 100 });
    expect(ids).toEqual(everything.rows.map((r) => r.threadId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads messages and threads like the API', async () => {
    const list = await gmail.listMessages({ kind: 'query', query: 'lunch' });
    const threadId = list.rows[0]!.threadId;
    expect(await cache.source.getThread(threadId)).toEqual(await gmail.getThread(threadId));
    for (const row of list.rows) expect(await cache.source.getMessage(row.id)).toEqual(await gmail.getMessage(row.id));
    await expect(cache.source.getMessage('0000000000000000')).rejects.toBeInstanceOf(GmailNotFoundError);
    await expect(cache.source.getThread('0000000000000000')).rejects.toBeInstanceOf(GmailNotFoundError);
  });

  it('fetches attachment bytes through the API fallback', async () => {
    const [row] = (await cache.source.listMessages({ kind: 'query', query: 'filename:invoice.pdf' })).rows;
    const detail = await cache.source.getMessage(row!.id);
    const attachment = detail.attachments.find((a) => a.filename === 'invoice.pdf')!;
    const bytes = await cache.source.getAttachment(row!.id, attachment.attachmentId);
    expect(bytes.toString()).toBe('%PDF-1.4 fake invoice bytes');
  });

  it('counts labels from the cache like labels.get', async () => {
    const fromCache = await cache.source.listLabels();
    const fromApi = await gmail.listLabels();
    const pick = (ls: typeof fromApi) =>
      ls.map((l) => ({ id: l.id, total: l.messagesTotal, unread: l.messagesUnread, threads: l.threadsTotal })).sort((a, b) => a.id.localeCompare(b.id));
    expect(pick(fromCache)).toEqual(pick(fromApi));
  });

  it('suggests senders by name or address prefix, most frequent first', () => {
    expect(cache.source.suggestSenders('car')).toEqual([expect.objectContaining({ email: 'carol@example.com', name: 'Carol Sender' })]);
    expect(cache.source.suggestSenders('sender')[0]?.email).toBe('carol@example.com');
    expect(cache.source.suggestSenders('ali')[0]?.email).toBe(ALICE);
    expect(cache.source.suggestSenders('%')).toEqual([]);
    expect(cache.source.suggestSenders('  ')).toEqual([]);
  });

  it('says how a malformed query was read', async () => {
    const page = await cache.source.listMessages({ kind: 'query', query: '"unclosed lunch' });
    expect(page.queryHints.length).toBeGreaterThan(0);
  });
});
