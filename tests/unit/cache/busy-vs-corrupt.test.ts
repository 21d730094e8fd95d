import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CacheBusyError,
  closeCacheDatabase,
  isBusyError,
  isCorruptionError,
  openCacheDatabase,
  openCacheReader,
  retryWhileBusy,
} from '../../../main/cache/database';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a busy cache is not a corrupt cache', () => {
  it('classifies lock errors as busy, never as corruption', () => {
    const busy = Object.assign(new Error('database table is locked'), { code: 'SQLITE_LOCKED' });
    expect(isBusyError(busy)).toBe(true);
    expect(isCorruptionError(busy)).toBe(false);
    expect(isCorruptionError(new CacheBusyError())).toBe(false);
    expect(isCorruptionError(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }))).toBe(true);
  });

  it('opens a second connection while another holds a write transaction, and moves nothing aside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skimmer-busy-'));
    dirs.push(dir);
    const file = join(dir, 'mail.db');
    const writer = openCacheDatabase(file);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    other.exec("INSERT INTO sync_state (key, value) VALUES ('x', '1')");
    const reader = openCacheDatabase(file);
    expect(Number(Object.values(reader.prepare('SELECT count(*) FROM messages').get() as object)[0])).toBe(0);
    other.exec('COMMIT');
    other.close();
    closeCacheDatabase(reader);
    closeCacheDatabase(writer);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });
});

describe('real corruption still rebuilds', () => {
  it('moves aside a file with random bytes in the middle of its pages at open', async () => {
    const { openSync, writeSync, closeSync, statSync } = await import('node:fs');
    const { randomBytes } = await import('node:crypto');
    const dir = mkdtempSync(join(tmpdir(), 'skimmer-corrupt-'));
    dirs.push(dir);
    const file = join(dir, 'mail.db');
    const db = openCacheDatabase(file);
    const insert = db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`k${i}`, 'x'.repeat(200));
    })();
    closeCacheDatabase(db);
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(8192), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const recovered: string[] = [];
    const fresh = openCacheDatabase(file, { onRecovered: (i) => recovered.push(i.reason) });
    expect(recovered).toHaveLength(1);
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(true);
    expect(Number(Object.values(fresh.prepare('SELECT count(*) FROM sync_state').get() as object)[0])).toBe(0);
    closeCacheDatabase(fresh);
  });
});

describe('a lock that persists', () => {
  function cacheWithData(): { dir: string; file: string } {
    const dir = mkdtempSync(join(tmpdir(), 'skimmer-locked-'));
    dirs.push(dir);
    const file = join(dir, 'mail.db');
    const db = openCacheDatabase(file);
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('kept', 'yes')").run();
    closeCacheDatabase(db);
    return { dir, file };
  }
  /** SQLite's own error for a lock that outlived busy_timeout, as libsql throws it. */
  const locked = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

  it('a read is retried past a lock and answers once it is released; one that stays locked says busy; other errors pass at once', async () => {
    let failures = 2;
    const flaky = () => {
      if (failures-- > 0) throw locked();
      return 'answer';
    };
    await expect(retryWhileBusy(flaky, { attempts: 3, pauseMs: 1 })).resolves.toBe('answer');
    const stuck = retryWhileBusy(
      () => {
        throw locked();
      },
      { attempts: 3, pauseMs: 1 },
    );
    await expect(stuck).rejects.toBeInstanceOf(CacheBusyError);
    await expect(stuck).rejects.toThrow(/busy in another Skimmer window or command/);
    let calls = 0;
    const malformed = retryWhileBusy(
      () => {
        calls += 1;
        throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
      },
      { attempts: 3, pauseMs: 1 },
    );
    await expect(malformed).rejects.toThrow(/malformed/);
    expect(calls).toBe(1);
  });

  it('a reader refuses writes and leaves a missing cache uncreated', () => {
    const { file } = cacheWithData();
    const reader = openCacheReader(file);
    expect(() => reader.prepare("INSERT INTO sync_state (key, value) VALUES ('x', '1')").run()).toThrow(/readonly|read-only|query_only/i);
    closeCacheDatabase(reader);
    const missing = join(dirs[dirs.length - 1]!, 'none', 'mail.db');
    const empty = openCacheReader(missing);
    expect(Number(Object.values(empty.prepare('SELECT count(*) FROM messages').get() as object)[0])).toBe(0);
    closeCacheDatabase(empty);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('a reader beside a writer that is creating or holding the file', () => {
  it('reads a file still at schema 0 (being created) as empty and leaves its migration to the writer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skimmer-creating-'));
    dirs.push(dir);
    const file = join(dir, 'mail.db');
    const creating = new Database(file);
    creating.exec('CREATE TABLE half_made (x)'); // a writer part-way through creating the cache
    const reader = openCacheReader(file);
    expect(Number(Object.values(reader.prepare('SELECT count(*) FROM messages').get() as object)[0])).toBe(0);
    closeCacheDatabase(reader);
    expect(Number(Object.values(creating.prepare('PRAGMA user_version').get() as object)[0])).toBe(0);
    creating.close();
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('never repairs a file another process is syncing: an unreadable one gives CacheBusyError, nothing moved', async () => {
    const { writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'skimmer-syncing-'));
    dirs.push(dir);
    const file = join(dir, 'mail.db');
    writeFileSync(file, 'not a database yet, or caught mid-write');
    writeFileSync(`${file}.sync-lock`, String(process.pid));
    expect(() => openCacheReader(file)).toThrow(CacheBusyError);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });
});
