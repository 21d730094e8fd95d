// A cache found damaged when the app opens it (random bytes in the middle of its pages):
// the app answers anyway, sets the file aside, refills it, and says so once in the status
// until the refill is done. Needs a Secret Service for the restart (scripts/with-keyring.sh).
import { closeSync, openSync, readdirSync, statSync, writeSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../common/ipc';
import { cacheFileFor } from '../../../main/cache/database';
import { KeyringCipher } from '../../../main/secrets/keyring-cipher';
import { cacheSetAsideMessage } from '../../../main/services/account-mail';

const CACHE_SET_ASIDE_MESSAGE = cacheSetAsideMessage();
import { playBrowser, recordingOpener } from '../auth/browser';
import { keyringGate } from '../secrets/keyring-env';
import { startServices } from './start-services';

const gate = await keyringGate('damaged cache in the app');

describe.runIf(gate.run)('a damaged cache in the app', () => {
  const roots: string[] = [];
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it('is set aside at open, the list still answers, the person is told until the refill is done', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'skimmer-damaged-'));
    roots.push(root);
    const dataDir = path.join(root, 'data');
    const keychainService = `Skimmer damaged-cache test ${process.pid}`;
    const opener = recordingOpener();
    const firstStatuses: SyncStatus[] = [];
    const first = await startServices({ dataDir, opener, ciphers: [new KeyringCipher({ service: keychainService })], statuses: firstStatuses });
    const signingIn = first.handlers.startDemo();
    await playBrowser(await opener.next());
    const account = await signingIn;
    await first.handlers.listMessages(account.id, { kind: 'label', labelId: 'INBOX' }, { threads: true });
    await expect.poll(async () => (await first.handlers.getSyncStatus(account.id)).lastSyncedAt, { timeout: 60_000, interval: 250 }).not.toBeNull();
    await first.dispose();

    const file = cacheFileFor(dataDir, account.id);
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(16_384), 0, 16_384, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    const statuses: SyncStatus[] = [];
    const second = await startServices({ dataDir, opener, ciphers: [new KeyringCipher({ service: keychainService })], statuses });
    try {
      const inbox = await second.handlers.listMessages(account.id, { kind: 'label', labelId: 'INBOX' }, { threads: true });
      expect(inbox.rows.length).toBeGreaterThan(0);
      expect(readdirSync(path.dirname(file)).some((f) => f.includes('.corrupt-'))).toBe(true);
      expect(existsSync(file)).toBe(true);
      expect((await second.handlers.getSyncStatus(account.id)).message).toBe(CACHE_SET_ASIDE_MESSAGE);
      // Refilled: the status goes back to plain words, and the notice was given, not repeated forever.
      await expect.poll(async () => (await second.handlers.getSyncStatus(account.id)).lastSyncedAt, { timeout: 60_000, interval: 250 }).not.toBeNull();
      const done = await second.handlers.getSyncStatus(account.id);
      expect(done).toMatchObject({ phase: 'idle', cachedMessages: 465 });
      expect(done.message).not.toBe(CACHE_SET_ASIDE_MESSAGE);
      expect(statuses.filter((s) => s.phase === 'initial').every((s) => s.message === CACHE_SET_ASIDE_MESSAGE)).toBe(true);
      expect(statuses.some((s) => s.message === CACHE_SET_ASIDE_MESSAGE)).toBe(true);
      const cached = await second.handlers.listMessages(account.id, { kind: 'query', query: 'in:inbox' }, { threads: false });
      expect(cached.source).toBe('cache');
    } finally {
      await second.dispose();
    }
  }, 180_000);
});
