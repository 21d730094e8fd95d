import { deflateRawSync } from 'node:zlib';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cacheFileFor,
  closeCacheDatabase,
  deleteCacheFiles,
  discardCacheFile,
  isCorruptionError,
  openCacheDatabase,
  scalar,
  schemaVersion,
  type SqlDatabase,
} from '../../../main/cache/database';
import { MailStore } from '../../../main/cache/mail-store';
import { searchContext, searchLocal } from '../../../main/cache/local-search';
import { LATEST_SCHEMA_VERSION } from '../../../main/cache/migrations/index';

let dir: string;
const open: SqlDatabase[] = [];

function track(db: SqlDatabase): SqlDatabase {
  open.push(db);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skimmer-db-'));
});

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openCacheDatabase', () => {
  it('creates a WAL database at the latest schema under the account dir', () => {
    const file = cacheFileFor(dir, 'acct/../x');
    expect(file).toBe(join(dir, 'cache', 'acct_.._x', 'mail.db'));
    const db = track(openCacheDatabase(file));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(scalar<string>(db.prepare('PRAGMA journal_mode'))).toBe('wal');
    expect(scalar<number>(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'message_fts'"))).toBe(1);
  });

  it.each([
    ['junk bytes', () => Buffer.from('this is not a database at all, just junk '.repeat(200))],
    ['random bytes', () => Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251))],
  ])('moves a file of %s aside and starts fresh', (_name, bytes) => {
    const file = join(dir, 'mail.db');
    writeFileSync(file, bytes());
    const recovered: string[] = [];
    const db = track(openCacheDatabase(file, { onRecovered: (i) => recovered.push(i.movedTo), now: () => Date.UTC(2026, 10, 25) }));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(recovered).toEqual([`${file}.corrupt-2026-11-25T00-00-00-000Z`]);
    expect(existsSync(recovered[0]!)).toBe(true);
  });

  it('moves a truncated file aside and starts fresh', () => {
    const file = join(dir, 'mail.db');
    const db = openCacheDatabase(file);
    const store = new MailStore(db);
    store.transaction(() => {
      for (let i = 0; i < 300; i++) store.setMeta(`k${i}`, 'x'.repeat(2000));
    });
    closeCacheDatabase(db);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(100_000);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const recovered: string[] = [];
    const fresh = track(openCacheDatabase(file, { onRecovered: (i) => recovered.push(i.reason) }));
    expect(recovered).toHaveLength(1);
    expect(scalar<number>(fresh.prepare("SELECT count(*) FROM meta WHERE key LIKE 'k%'"))).toBe(0);
    expect(readdirSync(dir).some((f) => f.startsWith('mail.db.corrupt-'))).toBe(true);
  });

  it('moves aside a file from a newer Skimmer', () => {
    const file = join(dir, 'mail.db');
    const db = openCacheDatabase(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const reasons: string[] = [];
    const again = track(openCacheDatabase(file, { onRecovered: (i) => reasons.push(i.reason) }));
    expect(schemaVersion(again)).toBe(LATEST_SCHEMA_VERSION);
    expect(reasons[0]).toMatch(/newer/);
  });

  it('discards a file on request (after a corruption error at run time) and deletes it on sign-out', () => {
    const file = join(dir, 'mail.db');
    const db = openCacheDatabase(file);
    new MailStore(db).setMeta('accountEmail', 'ana@example.com');
    closeCacheDatabase(db);
    expect(isCorruptionError(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }))).toBe(true);
    expect(isCorruptionError(new Error('no such column: x'))).toBe(false);
    const moved = discardCacheFile(file, Date.UTC(2026, 0, 1));
    expect(moved).toBe(`${file}.corrupt-2026-01-01T00-00-00-000Z`);
    const fresh = openCacheDatabase(file);
    expect(new MailStore(fresh).getMeta('accountEmail')).toBeUndefined();
    closeCacheDatabase(fresh);
    deleteCacheFiles(file);
    expect(existsSync(file)).toBe(false);
  });

  it('keeps a healthy file as it is', () => {
    const file = join(dir, 'mail.db');
    const db = openCacheDatabase(file);
    new MailStore(db).setMeta('accountEmail', 'ana@example.com');
    db.close();
    const again = track(
      openCacheDatabase(file, {
        onRecovered: () => {
          throw new Error('should not recover');
        },
      }),
    );
    expect(new MailStore(again).getMeta('accountEmail')).toBe('ana@example.com');
  });
});

describe('migrations', () => {
  const fixture = fileURLToPath(new URL('./fixtures/schema-v1.db', import.meta.url));

  it('0001: an empty (zero-byte) file becomes schema 1', () => {
    const file = join(dir, 'empty.db');
    writeFileSync(file, '');
    const db = track(openCacheDatabase(file, { targetVersion: 1 }));
    expect(schemaVersion(db)).toBe(1);
    for (const table of ['messages', 'labels', 'message_labels', 'message_addresses', 'senders', 'meta', 'message_fts']) {
      expect(scalar<number>(db.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?'), table)).toBe(1);
    }
  });

  it('0002: a real schema-1 file keeps its mail and moves sync progress to sync_state', () => {
    const file = join(dir, 'v1.db');
    copyFileSync(fixture, file);
    const v1 = openCacheDatabase(file, { targetVersion: 1 });
    expect(schemaVersion(v1)).toBe(1);
    v1.close();
    const db = track(
      openCacheDatabase(file, {
        onRecovered: () => {
          throw new Error('should migrate, not recover');
        },
      }),
    );
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const store = new MailStore(db);
    expect(store.getState<string>('historyId')).toBe('4242');
    expect(store.getMeta('sync.historyId')).toBeUndefined();
    expect(store.getMeta('accountEmail')).toBe('ana@example.com');
    expect(store.messageCount()).toBe(2);
    const hits = db
      .prepare('SELECT m.id FROM messages m WHERE m.rowid IN (SELECT rowid FROM message_fts WHERE message_fts MATCH \'subject : "lunch"\')')
      .all() as { id: string }[];
    expect(hits.map((h) => h.id)).toEqual(['00000000000000a2']);
    expect(scalar<number>(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'senders_folded'"))).toBe(1);
  });

  it('0003: stored messages move to message_bodies (old deflated and plain JSON still read), unused header columns go', () => {
    const file = join(dir, 'v2.db');
    copyFileSync(fixture, file);
    const v2 = openCacheDatabase(file, { targetVersion: 2 });
    const stored = {
      id: '00000000000000a1',
      threadId: '00000000000000a1',
      snippet: 'the report',
      payload: { mimeType: 'text/plain', body: { size: 5, data: 'aGVsbG8' } },
    };
    v2.prepare('UPDATE messages SET message_json = ? WHERE id = ?').run(deflateRawSync(Buffer.from(JSON.stringify(stored))), stored.id);
    v2.close();
    const db = track(
      openCacheDatabase(file, {
        onRecovered: () => {
          throw new Error('should migrate, not recover');
        },
      }),
    );
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const columns = (db.prepare('PRAGMA table_info(messages)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('message_json');
    expect(columns).not.toContain('to_header');
    expect(columns).toEqual(expect.arrayContaining(['id', 'subject', 'from_header', 'summary_json', 'label_ids']));
    expect(scalar<number>(db.prepare('SELECT count(*) FROM message_bodies'))).toBe(2);
    const store = new MailStore(db);
    expect(store.messageJson(stored.id)).toEqual({ ...stored, labelIds: ['INBOX'] });
    expect(store.messageJson('00000000000000a2')).toEqual({ labelIds: ['INBOX'] });
    store.transaction(() => store.putMessage({ ...stored, id: '00000000000000b1', internalDate: '1700000200000', labelIds: ['INBOX'] }));
    expect(store.messageJson('00000000000000b1')?.payload?.body?.data).toBe('aGVsbG8');
    expect(store.messageCount()).toBe(3);
  });

  it('0004: words of schema-3 rows are filed under their variant keys, so variant search finds old and new rows alike', () => {
    const file = join(dir, 'v3.db');
    copyFileSync(fixture, file);
    const v3 = openCacheDatabase(file, { targetVersion: 3 });
    const firstRowid = scalar<number>(v3.prepare("SELECT rowid FROM messages WHERE id = '00000000000000a1'"));
    const addAddress = v3.prepare('INSERT INTO message_addresses (message_rowid, field, address_norm) VALUES (?, ?, ?)');
    // Schema 3 kept a row per occurrence: the same sender twice.
    for (let i = 0; i < 2; i++) addAddress.run(firstRowid, 'from', 'ana example com');
    v3.close();
    const db = track(openCacheDatabase(file));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    const store = new MailStore(db);
    expect(store.rowids.name).toBe('ms'); // a cache with rows keeps its numbering
    const ids = (q: string) => searchLocal(store, q).map((h) => h.id);
    // The old rows: "quarterly report", "lunch plans" (in text and subject, as schema 3 wrote them).
    expect(ids('quarter')).toEqual(['00000000000000a1']);
    expect(ids('plan')).toEqual(['00000000000000a2']);
    expect(ids('+plan')).toEqual([]);
    // message_addresses, rebuilt keyed by message: one row per address and field, still found by address.
    expect(scalar<number>(db.prepare('SELECT count(*) FROM message_addresses'))).toBe(1);
    expect(ids('from:ana@example.com')).toEqual(['00000000000000a1']);
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'message_addresses_message'").get()).toBeUndefined();
    const body = Buffer.from('We are planning the launch.').toString('base64url');
    store.transaction(() =>
      store.putMessage({
        id: '00000000000000b1',
        threadId: '00000000000000b1',
        internalDate: '1700000200000',
        labelIds: ['INBOX'],
        payload: { mimeType: 'text/plain', headers: [{ name: 'Subject', value: 'Launch' }], body: { size: 27, data: body } },
      }),
    );
    expect(ids('plans')).toEqual(['00000000000000b1', '00000000000000a2']);
    expect(ids('"planning the launch"')).toEqual(['00000000000000b1']);
    expect(ids('launches')).toEqual(['00000000000000b1']);
  });

  it('0005: the date histogram counts the rows already there, and triggers keep it in step', () => {
    const file = join(dir, 'v4.db');
    copyFileSync(fixture, file);
    const v4 = openCacheDatabase(file, { targetVersion: 4 });
    const dates = v4.prepare('SELECT internal_date FROM messages').pluck().all() as number[];
    v4.close();
    expect(dates.length).toBeGreaterThan(0);
    const db = track(openCacheDatabase(file));
    const store = new MailStore(db);
    const rowsFrom = searchContext(store).planner!.rowsFrom!;
    expect(rowsFrom(0)).toBe(dates.length);
    expect(rowsFrom(Math.max(...dates) + 2 ** 32)).toBe(0);
    store.transaction(() =>
      store.putMessage({ id: '00000000000000c1', threadId: '00000000000000c1', internalDate: String(Date.UTC(2030, 0, 1)), labelIds: ['INBOX'] }),
    );
    expect(rowsFrom(Date.UTC(2029, 11, 1))).toBe(1);
    expect(rowsFrom(0)).toBe(dates.length + 1);
    store.transaction(() => store.deleteMessage('00000000000000c1'));
    expect(rowsFrom(Date.UTC(2029, 11, 1))).toBe(0);
  });
});
