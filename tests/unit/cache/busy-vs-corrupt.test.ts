import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheBusyError, closeCacheDatabase, isBusyError, isCorruptionError, openCacheDatabase } from '../../../main/cache/database';

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
