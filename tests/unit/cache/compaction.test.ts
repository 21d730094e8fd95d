/**
 * Compacting a cache file (compaction.ts) on a real SQLite file: the worker-thread form
 * leaves the main thread free and the app's connection usable, both forms shrink a file the
 * sync left sparse and keep every message, and no temporary file stays behind.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compactCache, compactCacheHere } from '../../../main/cache/compaction';
import { closeCacheDatabase, openCacheDatabase, scalar, type SqlDatabase } from '../../../main/cache/database';
import { searchLocal } from '../../../main/cache/local-search';
import { MailStore } from '../../../main/cache/mail-store';

let dir: string;
let file: string;
let db: SqlDatabase;
let store: MailStore;

function message(i: number): gmail_v1.Schema$Message {
  const text = `note ${i} ${'lorem ipsum dolor sit amet '.repeat(40)} ${i % 2 ? 'odd' : 'even'}`;
  return {
    id: (0x10000 + i).toString(16),
    threadId: (0x10000 + i).toString(16),
    labelIds: ['INBOX'],
    snippet: '',
    historyId: '1',
    internalDate: String(Date.UTC(2025, 0, 1) + i * 60_000),
    sizeEstimate: text.length,
    payload: {
      mimeType: 'text/plain',
      headers: [
        { name: 'From', value: `sender${i % 50}@example.com` },
        { name: 'Subject', value: `message ${i}` },
      ],
      body: { size: text.length, data: Buffer.from(text).toString('base64url') },
    },
  };
}

/** A file as a long sync leaves it: many pages written in small transactions, then half the mail deleted. */
function sparseCache(): void {
  store.replaceLabels([{ id: 'INBOX', name: 'INBOX', type: 'system' }]);
  for (let page = 0; page < 40; page++) store.transaction(() => [...Array(50).keys()].forEach((k) => store.putMessage(message(page * 50 + k))));
  store.transaction(() => [...Array(2000).keys()].filter((i) => i % 2 === 0).forEach((i) => store.deleteMessage(message(i).id!)));
  db.pragma('wal_checkpoint(TRUNCATE)');
}

const ids = (query: string) => searchLocal(store, query, { limit: 5000 }).map((h) => h.id);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skimmer-compact-'));
  file = join(dir, 'mail.db');
  db = openCacheDatabase(file);
  store = new MailStore(db);
  sparseCache();
});

afterEach(() => {
  closeCacheDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('compactCache', () => {
  it('runs in a worker thread: the main thread keeps running, the file shrinks, every message is still found', async () => {
    const before = ids('odd');
    expect(before).toHaveLength(1000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const outcome = await compactCache(db);
    clearInterval(timer);
    expect(outcome.ran).toBe(true);
    if (!outcome.ran) return;
    expect(outcome.bytesAfter).toBeLessThan(outcome.bytesBefore * 0.75);
    expect(statSync(file).size).toBe(outcome.bytesAfter);
    // The event loop ran while the worker worked (the synchronous form below lets it run not once).
    expect(ticks).toBeGreaterThan(0);
    // The app's own connection reads the compacted file and can still write to it.
    expect(ids('odd')).toEqual(before);
    expect(ids('even')).toEqual([]);
    store.putMessage(message(2));
    expect(ids('even')).toEqual([message(2).id]);
    expect(scalar(db.prepare('PRAGMA integrity_check'))).toBe('ok');
    expect(readdirSync(dir).filter((f) => !/^mail\.db(-wal|-shm)?$/.test(f))).toEqual([]);
  });

  it('compactCacheHere does the same on the connection itself, synchronously', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const outcome = compactCacheHere(db);
    const ticksDuring = ticks;
    clearInterval(timer);
    expect(ticksDuring).toBe(0);
    expect(outcome.ran && outcome.bytesAfter < outcome.bytesBefore * 0.75).toBe(true);
    expect(ids('odd')).toHaveLength(1000);
    // The connection's own temp store is back in memory.
    expect(scalar(db.prepare('PRAGMA temp_store'))).toBe(2);
    await Promise.resolve();
  });

  it('an in-memory cache is left as it is', async () => {
    const memory = openCacheDatabase(':memory:');
    expect(await compactCache(memory)).toEqual({ ran: false, reason: 'in-memory' });
    expect(compactCacheHere(memory)).toEqual({ ran: false, reason: 'in-memory' });
    closeCacheDatabase(memory);
  });
});
