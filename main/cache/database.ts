/**
 * The cache file of one account: a libsql (SQLite) database in WAL mode, migrated to the
 * latest schema on open. The cache is disposable: a file that can't be opened, is not a
 * database, is truncated or comes from a newer Skimmer is moved aside as
 * `<file>.corrupt-<time>` and a fresh one is created. Opening never throws for a bad file.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'libsql';
import { SkimmerError } from '../../common/errors';
import { t } from '../i18n/translate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index';

export type SqlDatabase = Database.Database;

export interface OpenCacheOptions {
  /** Apply migrations up to this version only (tests of older schemas). */
  readonly targetVersion?: number;
  /** Told when a bad file was moved aside, with the reason. */
  readonly onRecovered?: (info: { movedTo: string; reason: string }) => void;
  readonly now?: () => number;
  /** How long a statement waits for another connection's lock; default BUSY_TIMEOUT_MS. */
  readonly busyTimeoutMs?: number;
}

/** `<dataDir>/cache/<accountId>/mail.db`: one cache file per account. */
export function cacheFileFor(dataDir: string, accountId: string): string {
  const safe = accountId.replace(/[^A-Za-z0-9._@+-]/g, '_');
  return join(dataDir, 'cache', safe, 'mail.db');
}

/** The first column of the first row (libsql's get() ignores pluck()). */
export function scalar<T>(statement: Database.Statement, ...params: unknown[]): T {
  const row = statement.get(...params) as Record<string, unknown> | undefined;
  return (row === undefined ? undefined : Object.values(row)[0]) as T;
}

export function schemaVersion(db: SqlDatabase): number {
  return Number(scalar<number>(db.prepare('PRAGMA user_version')) ?? 0);
}

/** Caches up to this size are compacted after a migration that freed much of them. */
const VACUUM_MAX_BYTES = 1024 * 1024 * 1024;

function fileBytes(db: SqlDatabase): number {
  return Number(scalar<number>(db.prepare('PRAGMA page_count'))) * Number(scalar<number>(db.prepare('PRAGMA page_size')));
}

export function migrate(db: SqlDatabase, migrations: readonly Migration[] = MIGRATIONS, targetVersion = LATEST_SCHEMA_VERSION): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) throw new CacheFileError(`schema version ${current} is newer than this Skimmer (${LATEST_SCHEMA_VERSION})`);
  for (const m of migrations) {
    if (m.version <= current || m.version > targetVersion) continue;
    let applied = false;
    // IMMEDIATE, and the version read again inside: the app and the CLI may open a new cache
    // at the same moment, and the second must find the first's migration done, not run it again
    // (a "table already exists" here once set a healthy cache aside as corrupt).
    db.transaction(() => {
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.up);
      m.fill?.(db);
      db.pragma(`user_version = ${m.version}`);
      applied = true;
    }).immediate();
    // Outside the transaction (VACUUM can't run in one); skipped on a fresh, empty file, and on a
    // very large one (it rewrites the whole file at open and needs as much free disk): there the
    // freed pages are simply reused by the next syncs.
    if (applied && m.vacuum && current > 0) vacuumIfSmall(db);
  }
}

/** VACUUM, unless the file is over VACUUM_MAX_BYTES (it needs as much free disk): true when it ran. */
function vacuumIfSmall(db: SqlDatabase): boolean {
  if (fileBytes(db) > VACUUM_MAX_BYTES) return false;
  db.exec('VACUUM');
  return true;
}

/** Caches up to this size are integrity-checked at open (quick_check walks the whole file). */
const QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024;

/** Page size of a new cache file. */
const PAGE_SIZE = 16_384;

/** How long a statement waits for another connection's lock before giving up. */
export const BUSY_TIMEOUT_MS = 15_000;

/** The cache is in use by another connection or process and stayed locked: not damage, never a rebuild. */
export class CacheBusyError extends SkimmerError {
  constructor(cause?: unknown) {
    const message = t('cache.busy');
    super('internal', message, { cause, publicMessage: message });
    this.name = 'CacheBusyError';
  }
}

/** SQLITE_BUSY / SQLITE_LOCKED (and their extended codes): someone else holds the lock. */
export function isBusyError(error: unknown): boolean {
  if (error instanceof CacheBusyError) return true;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  return /^SQLITE_(BUSY|LOCKED)/.test(code) || /database (table )?is locked|database is busy/i.test(message);
}

class CacheFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheFileError';
  }
}

function configure(db: SqlDatabase, busyTimeoutMs = BUSY_TIMEOUT_MS): void {
  // First: every later statement (journal_mode included) then waits for another connection's
  // lock instead of failing at once with SQLITE_BUSY.
  db.pragma(`busy_timeout = ${Math.round(busyTimeoutMs)}`);
  // Takes effect only when the file is created: stored messages are 1 to 4 KB each, and in
  // 4 KB pages a quarter of their pages was slack (an existing file keeps its page size).
  db.pragma(`page_size = ${PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
}

/** A file shorter than its page count says, with no WAL to supply the rest, has lost pages. */
function checkNotTruncated(db: SqlDatabase, file: string): void {
  if (file === ':memory:' || !existsSync(file)) return;
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return;
  const pageSize = Number(scalar<number>(db.prepare('PRAGMA page_size')));
  const pageCount = Number(scalar<number>(db.prepare('PRAGMA page_count')));
  const size = statSync(file).size;
  if (size < pageSize * pageCount) throw new CacheFileError(`file is ${size} bytes, expected ${pageSize * pageCount}`);
}

function openChecked(file: string, options: OpenCacheOptions): SqlDatabase {
  const db = new Database(file);
  try {
    configure(db, options.busyTimeoutMs);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    checkNotTruncated(db, file);
    // Damaged pages in the middle of the file (not the header, not the schema) are only found by
    // walking the b-trees; quick_check does that without the slower index cross-checks.
    // Bounded: on a very large cache the walk would hold up start-up for seconds; there,
    // damage is caught where it surfaces (SQLITE_CORRUPT in a query or a sync) instead.
    if (file !== ':memory:' && statSync(file).size <= QUICK_CHECK_MAX_BYTES) {
      const verdict = String(scalar<string>(db.prepare('PRAGMA quick_check(1)')) ?? '');
      if (verdict !== 'ok') throw new CacheFileError(`integrity check failed: ${verdict}`);
    }
    migrate(db, MIGRATIONS, options.targetVersion ?? LATEST_SCHEMA_VERSION);
    // Touch every table once: a damaged page in the schema or a root page fails here, not later.
    for (const table of ['messages', 'labels', 'message_labels', 'message_fts']) {
      if (db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(table)) db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).all();
    }
    return db;
  } catch (error) {
    try {
      db.close();
    } catch {
      /* already unusable */
    }
    throw error;
  }
}

function moveAside(file: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const target = `${file}.corrupt-${stamp}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Moves a cache file (closed first) aside as `<file>.corrupt-<time>`, e.g. after a query
 * failed with isCorruptionError(): the next openCacheDatabase() starts a fresh one.
 */
export function discardCacheFile(file: string, now = Date.now()): string | null {
  return existsSync(file) ? moveAside(file, now) : null;
}

/** Deletes an account's cache for good (sign-out). */
export function deleteCacheFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** Opens (creating and migrating as needed) the cache database at `file`. */
export function openCacheDatabase(file: string, options: OpenCacheOptions = {}): SqlDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    return openChecked(file, options);
  } catch (error) {
    if (file === ':memory:' || !existsSync(file)) throw error;
    // A lock is another reader or writer at work: moving the file aside would throw away their cache.
    if (isBusyError(error)) throw new CacheBusyError(error);
    const movedTo = moveAside(file, (options.now ?? Date.now)());
    options.onRecovered?.({ movedTo, reason: error instanceof Error ? error.message : String(error) });
    return openChecked(file, options);
  }
}

/**
 * A reader's connection (stats, search, a second window while another process syncs):
 * `query_only`, no integrity walk, no migration, and closed without a checkpoint, so it never
 * takes the writer's locks. libsql ignores the `readonly` open flag, hence the pragma. A file
 * that is missing, older than this Skimmer or unreadable goes through openCacheDatabase()
 * instead, which migrates or repairs it; a missing one reads as empty.
 */
export function openCacheReader(file: string, options: OpenCacheOptions = {}): SqlDatabase {
  // Nothing cached yet: an empty in-memory cache answers, and no file is created beside a sync about to.
  if (file === ':memory:' || !existsSync(file)) return openCacheDatabase(':memory:', options);
  let db: SqlDatabase | null = null;
  try {
    db = new Database(file);
    db.pragma(`busy_timeout = ${Math.round(options.busyTimeoutMs ?? BUSY_TIMEOUT_MS)}`);
    db.pragma('query_only = ON');
    db.pragma('cache_size = -32000');
    const version = schemaVersion(db);
    if (version === LATEST_SCHEMA_VERSION) {
      READERS.add(db);
      return db;
    }
    // Version 0: the file is being created by a writer right now; there is nothing to read yet,
    // and a reader must not race it through the migrations.
    if (version === 0) {
      db.close();
      return openCacheDatabase(':memory:', options);
    }
  } catch (error) {
    try {
      db?.close();
    } catch {
      /* already unusable */
    }
    // A lock, or anything at all while another process holds the sync lock (it is writing the
    // file this instant): wait and retry, never repair what the writer owns.
    if (isBusyError(error) || existsSync(`${file}.sync-lock`)) throw new CacheBusyError(error);
    return openCacheDatabase(file, options);
  }
  db?.close();
  // An older schema: the writer's open migrates it (safe beside another writer, see migrate()).
  return openCacheDatabase(file, options);
}

/** Connections opened by openCacheReader(): closed without a checkpoint. */
const READERS = new WeakSet<SqlDatabase>();

/**
 * Runs a read, waiting out a lock that outlived the busy timeout (a checkpoint or a long write
 * in another process) a few more times; a lock that persists becomes CacheBusyError, whose
 * message says what is going on. Never a rebuild.
 */
export async function retryWhileBusy<T>(read: () => T | Promise<T>, { attempts = 3, pauseMs = 500 } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      if (attempt >= attempts) throw error instanceof CacheBusyError ? error : new CacheBusyError(error);
      await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
    }
  }
}

/** Checkpoints the WAL into the main file, then closes: a closed cache is one self-contained file. */
export function closeCacheDatabase(db: SqlDatabase): void {
  if (!db.open) return;
  if (READERS.has(db)) {
    db.close();
    return;
  }
  try {
    // PASSIVE: never waits for, or blocks, another process's sync. The last connection to close
    // checkpoints in full and removes the WAL by itself.
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
}

/** True for the errors SQLite gives when the file itself is damaged (as opposed to a bad query). */
export function isCorruptionError(error: unknown): boolean {
  if (isBusyError(error)) return false;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  return /SQLITE_(CORRUPT|NOTADB)/.test(code) || /malformed|not a database|file is encrypted/i.test(message);
}
