import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncLockedError, acquireSyncLock } from '../../../main/cache/sync-lock';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempCache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'skimmer-lock-'));
  dirs.push(dir);
  return join(dir, 'acct', 'mail.db');
}

describe('sync lock', () => {
  it('refuses a second holder while a live process holds it', () => {
    const file = tempCache();
    const release = acquireSyncLock(file);
    // Another live process (the parent of this worker) holds it.
    writeFileSync(`${file}.sync-lock`, String(process.ppid));
    expect(() => acquireSyncLock(file)).toThrow(SyncLockedError);
    expect(() => acquireSyncLock(file)).toThrow('A sync is already running for this account.');
    release(); // not ours any more: left in place
    expect(existsSync(`${file}.sync-lock`)).toBe(true);
  });

  it('takes over a stale lock from a process that is gone, and releases it', () => {
    const file = tempCache();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    acquireSyncLock(file)();
    writeFileSync(`${file}.sync-lock`, dead);
    const release = acquireSyncLock(file);
    release();
    expect(existsSync(`${file}.sync-lock`)).toBe(false);
  });
});
