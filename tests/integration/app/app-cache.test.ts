// The app's reads move from the Gmail API to the offline cache once it has synced, and
// the answers stay the same; sign-out deletes the cache.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../common/ipc';
import type { AppServices } from '../../../main/app-services';
import { DemoServer } from '../../../main/services/demo-server';
import { recordingOpener } from '../auth/browser';
import { signInDemo, startServices } from './start-services';

describe('app reads from the cache once it is synced', () => {
  let root: string;
  let services: AppServices;
  const progress: SyncStatus[] = [];
  const opener = recordingOpener();
  let accountId = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'skimmer-app-cache-'));
    // The shipped demo mailbox (465 messages).
    services = await startServices({ dataDir: path.join(root, 'data'), opener, statuses: progress });
    accountId = await signInDemo(services, opener);
  });

  afterAll(async () => {
    await services?.dispose();
    await rm(root, { recursive: true, force: true });
  });

  it('syncs in the background with progress, then answers lists and searches from the cache', async () => {
    const first = await services.handlers.listMessages(accountId, { kind: 'label', labelId: 'INBOX' }, { threads: false });
    expect(first.rows.length).toBeGreaterThan(0);
    await expect.poll(async () => (await services.handlers.getSyncStatus(accountId)).lastSyncedAt, { timeout: 60_000, interval: 250 }).not.toBeNull();
    expect(progress.some((p) => p.phase === 'initial' && p.cachedMessages > 0)).toBe(true);
    const status = await services.handlers.getSyncStatus(accountId);
    expect(status).toMatchObject({ phase: 'idle', cachedMessages: 465 });

    for (const query of ['in:inbox', 'has:attachment', 'from:hannah', 'label:work', 'is:starred', 'category:promotions', '"House Espresso"']) {
      const cached = await services.handlers.listMessages(accountId, { kind: 'query', query }, { threads: false, pageSize: 100 });
      expect(cached.source, query).toBe('cache');
      const emulator = await new DemoServer().start(); // a fresh copy of the same mailbox answers as Gmail would
      try {
        const expected = await fetchIds(emulator, query);
        expect(
          cached.rows.map((r) => r.id),
          query,
        ).toEqual(expected);
      } finally {
        await emulator.close();
      }
    }
    expect((await services.handlers.suggestSenders(accountId, 'hann')).some((s) => /hannah/i.test(s))).toBe(true);
  });

  it('deletes the cache at sign-out', async () => {
    const cacheDir = path.join(root, 'data', 'cache', accountId);
    expect(existsSync(cacheDir)).toBe(true);
    await services.handlers.signOut(accountId);
    expect(existsSync(path.join(cacheDir, 'mail.db'))).toBe(false);
  });
});

/** Gmail's own answer for a query, read through the emulator with a freshly minted token. */
async function fetchIds(emulator: Awaited<ReturnType<DemoServer['start']>>, query: string): Promise<string[]> {
  const email = emulator.accounts[0]!;
  const ids: string[] = [];
  const token = emulator.state.oauth.mintAccessToken(emulator.clientId, email, ['https://www.googleapis.com/auth/gmail.readonly'], 'online').token;
  let pageToken = '';
  do {
    const url = new URL('gmail/v1/users/me/messages', emulator.gmailRootUrl);
    url.searchParams.set('q', query);
    url.searchParams.set('maxResults', '100');
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    const body = (await (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      messages?: { id: string }[];
      nextPageToken?: string;
    };
    ids.push(...(body.messages ?? []).map((m) => m.id));
    pageToken = body.nextPageToken ?? '';
  } while (pageToken && ids.length < 100);
  return ids.slice(0, 100);
}
