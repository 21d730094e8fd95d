/**
 * One writer (sync) per account cache across processes: `<cache file>.sync-lock` holds the
 * pid of the process syncing. A lock file rather than a long SQLite write transaction so a
 * sync keeps its transactions short (readers and the checkpointer are never starved) and a
 * second sync can be told who holds the lock. A lock whose pid is gone (a killed process)
 * is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { t } from '../i18n/translate';

export class SyncLockedError extends Error {
  constructor(readonly pid: number) {
    super(t('cache.syncLocked'));
    this.name = 'SyncLockedError';
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the sync lock for `cacheFile`; returns the release function, or throws SyncLockedError. */
export function acquireSyncLock(cacheFile: string): () => void {
  const lockFile = `${cacheFile}.sync-lock`;
  mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) rmSync(lockFile, { force: true });
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: number;
      try {
        holder = Number(readFileSync(lockFile, 'utf8').trim());
      } catch {
        continue; // released between our open and read
      }
      if (alive(holder) && holder !== process.pid) throw new SyncLockedError(holder);
      rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new SyncLockedError(NaN);
}
