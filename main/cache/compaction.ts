/**
 * Rewriting a cache compactly once its initial sync is done, whatever its size, without
 * holding up the process that shows the mail.
 *
 * A sync stores pages newest first, so each page lands left of the last and b-tree pages
 * split half full; it also writes the full-text index a page at a time, as many small
 * segments. FTS5's `optimize` merges them, then VACUUM rewrites the file (a 1M-message
 * cache: 4.6 GB before, under its raw mail after).
 *
 * Both run on a connection of their own in a worker thread: in WAL mode the app's
 * connection keeps reading the old snapshot meanwhile (a 1M-message cache took 42 s here).
 * VACUUM builds its copy in a temporary file beside the cache, not in memory, and the new
 * pages pass through the WAL, so it needs free disk of about twice the file there; with
 * less it is skipped, and the freed pages are reused by later syncs.
 */
import { statfsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS, isBusyError, type SqlDatabase } from './database';

interface Compacted {
  readonly ran: true;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
}

interface NotCompacted {
  readonly ran: false;
  /** In-memory database; too little free disk beside the file; another connection held the lock past the timeout. */
  readonly reason: 'in-memory' | 'disk' | 'busy';
}

export type CompactionOutcome = Compacted | NotCompacted;

/** Free disk asked for beyond twice the file: the cache's directory is also the user's. */
const DISK_MARGIN_BYTES = 256 * 1024 * 1024;

/** The statements, for a connection of their own (temp_store_directory is SQLite's, for the process: set back at the end). */
function compactionStatements(file: string): string[] {
  const quoted = `'${dirname(file).replaceAll("'", "''")}'`;
  return [
    `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
    'PRAGMA temp_store = FILE',
    `PRAGMA temp_store_directory = ${quoted}`,
    "INSERT INTO message_fts (message_fts) VALUES ('optimize')",
    'VACUUM',
    'PRAGMA wal_checkpoint(TRUNCATE)',
  ];
}

/** Back to the connection's usual temp store (configure() in database.ts), and SQLite's default directory. */
const RESET = ["PRAGMA temp_store_directory = ''", 'PRAGMA temp_store = MEMORY'];

function freeBytesBeside(file: string): number {
  const fs = statfsSync(dirname(file));
  return Number(fs.bavail) * Number(fs.bsize);
}

/** The file behind `db`, or null for an in-memory database. */
function databaseFile(db: SqlDatabase): string | null {
  const main = (db.prepare('PRAGMA database_list').all() as { name: string; file: string }[]).find((d) => d.name === 'main');
  return main?.file ? main.file : null;
}

/** Where the compaction stands before it runs: skipped (and why), or the statements for the file. */
function prepare(db: SqlDatabase): Plan | CompactionOutcome {
  const file = databaseFile(db);
  if (file === null) return { ran: false, reason: 'in-memory' };
  const bytesBefore = statSync(file).size;
  if (freeBytesBeside(file) < 2 * bytesBefore + DISK_MARGIN_BYTES) return { ran: false, reason: 'disk' };
  return { file, bytesBefore, statements: compactionStatements(file) };
}

interface Plan {
  readonly file: string;
  readonly bytesBefore: number;
  readonly statements: string[];
}

function compacted(plan: Plan): CompactionOutcome {
  return { ran: true, bytesBefore: plan.bytesBefore, bytesAfter: statSync(plan.file).size };
}

/** Another connection held the lock past the timeout: that only postpones the compaction. Anything else is thrown. */
function postponed(error: unknown): CompactionOutcome {
  if (isBusyError(error)) return { ran: false, reason: 'busy' };
  throw error;
}

/** Compacts the cache behind `db` on a connection of its own in a worker thread; `db` stays usable for reading meanwhile. */
export async function compactCache(db: SqlDatabase): Promise<CompactionOutcome> {
  const plan = prepare(db);
  if ('ran' in plan) return plan;
  try {
    await runInWorker(plan.file, plan.statements);
  } catch (error) {
    // No worker to run it (it could not start or load libsql): here, as before, rather than never.
    if (error instanceof WorkerFailedError) return compactCacheHere(db);
    return postponed(error);
  }
  return compacted(plan);
}

/** The same on `db` itself, synchronously: the bench's bulk load, which has nothing else to do meanwhile. */
export function compactCacheHere(db: SqlDatabase): CompactionOutcome {
  const plan = prepare(db);
  if ('ran' in plan) return plan;
  try {
    for (const statement of plan.statements) db.exec(statement);
  } catch (error) {
    return postponed(error);
  } finally {
    for (const statement of RESET) db.exec(statement);
  }
  return compacted(plan);
}

/**
 * The worker's whole program: open, run, close. Given as source (not a module of ours) so
 * it runs the same from the TypeScript sources in tests and from the app's one bundle;
 * libsql is required by its resolved path.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.libsql);
const db = new Database(workerData.file);
try {
  for (const statement of workerData.statements) db.exec(statement);
  parentPort.postMessage({ ok: true });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error && error.message), code: String(error && error.code) });
} finally {
  for (const statement of workerData.reset) db.exec(statement);
  db.close();
}`;

/** The worker itself failed (as opposed to a statement in it). */
class WorkerFailedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WorkerFailedError';
  }
}

/**
 * libsql's entry on disk: in the packaged app it is unpacked beside the archive
 * (electron-builder.yml asarUnpack), and a worker has no view into the archive.
 */
function libsqlEntry(): string {
  return createRequire(import.meta.url)
    .resolve('libsql')
    .replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

function runInWorker(file: string, statements: readonly string[]): Promise<void> {
  const libsql = libsqlEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { libsql, file, statements, reset: RESET } });
    let answered = false;
    worker.once('message', (reply: { ok: boolean; message?: string; code?: string }) => {
      answered = true;
      if (reply.ok) resolve();
      else reject(Object.assign(new Error(reply.message ?? 'compaction failed'), { code: reply.code }));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(new WorkerFailedError('compaction worker failed', { cause: error }));
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new WorkerFailedError(`compaction worker exited with code ${code}`));
    });
  });
}
