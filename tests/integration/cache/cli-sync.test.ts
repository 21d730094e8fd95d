/**
 * End to end through the real CLI processes: sign-in (token in the OS keychain), sync into
 * the cache with plain progress lines, then search --json offline. Needs a Secret Service:
 * run under scripts/with-keyring.sh, otherwise it is skipped with the reason.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playBrowser } from '../auth/browser';
import { ALICE, startFixture, type Fixture } from '../emulator/helpers';
import { keyringGate } from '../secrets/keyring-env';
import { cacheFileFor, closeCacheDatabase, openCacheDatabase } from '../../../main/cache/database';
import { MailStore } from '../../../main/cache/mail-store';

/** Account ids that have a cache under the data dir. */
async function listAccountIds(dir: string): Promise<string[]> {
  const { readdirSync } = await import('node:fs');
  return readdirSync(join(dir, 'cache'));
}

const ROOT = resolve(import.meta.dirname, '../../..');
const gate = await keyringGate('cache cli sync');

function cli(args: string[]): { code: Promise<number>; out: () => string; err: () => string; firstUrl: Promise<string> } {
  const child = spawn('npx', ['tsx', 'main/cli/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onUrl: (u: string) => void = () => undefined;
  const firstUrl = new Promise<string>((r) => (onUrl = r));
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
    const url = out.split('\n').find((l) => /^https?:\/\//.test(l));
    if (url) onUrl(url);
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return { code: new Promise((r) => child.on('close', (c) => r(c ?? -1))), out: () => out, err: () => err, firstUrl };
}

let fx: Fixture;
let dataDir: string;

describe.skipIf(!gate.run)('cli sync then search (real processes, keychain)', () => {
  beforeAll(async () => {
    fx = await startFixture();
    dataDir = mkdtempSync(join(tmpdir(), 'skimmer-cli-sync-'));
  }, 60_000);

  afterAll(async () => {
    await fx?.cleanup();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in, syncs with progress lines, searches offline', async () => {
    const serverFile = join(dataDir, 'server.json');
    writeFileSync(serverFile, JSON.stringify(fx.emu.info));
    const signIn = cli(['sign-in', '--data-dir', dataDir, '--server', serverFile]);
    await playBrowser(await signIn.firstUrl, { account: ALICE });
    expect(await signIn.code).toBe(0);

    const sync = cli(['sync', '--data-dir', dataDir]);
    expect(await sync.code).toBe(0);
    expect(sync.out()).toMatch(/^initial: \d+\/\d+ messages/m);
    expect(sync.out()).toContain(`Synced ${ALICE} (initial): 14 added`);

    const again = cli(['sync', '--data-dir', dataDir, ALICE]);
    expect(await again.code).toBe(0);
    expect(again.out()).toContain('(incremental): 0 added');

    // A cache still filling (as at the 2026 quota for hours): half the mail, the initial sync unfinished.
    const cacheFile = cacheFileFor(dataDir, (await listAccountIds(dataDir))[0]!);
    const db = openCacheDatabase(cacheFile);
    const store = new MailStore(db);
    const allIds = [...store.allIdsWithLabels().keys()];
    const dropped = allIds.slice(0, 7);
    store.transaction(() => {
      for (const id of dropped) store.deleteMessage(id);
      store.setState('initial', { generation: 2, startHistoryId: '1', pageToken: 'x', total: allIds.length, resync: false, pages: 1 });
    });
    closeCacheDatabase(db);
    const everything = (await fx.emu.mailbox().list()).filter((m) => !m.labelIds.includes('SPAM') && !m.labelIds.includes('TRASH'));
    const online = cli(['search', '--data-dir', dataDir, '--json', '--limit', '100', '']);
    expect(await online.code).toBe(0);
    const onlineIds = online
      .out()
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(onlineIds.sort()).toEqual(everything.map((m) => m.id).sort()); // complete, though the cache is not
    const offline = cli(['search', '--data-dir', dataDir, '--json', '--offline', '--limit', '100', '']);
    expect(await offline.code).toBe(0);
    expect(offline.err()).toContain(`holds ${allIds.length - dropped.length} of ${allIds.length} messages`);
    const offlineIds = offline
      .out()
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(offlineIds.every((id) => !dropped.includes(id))).toBe(true);
    // Back to a complete cache for the offline search below.
    const again2 = cli(['sync', '--data-dir', dataDir, ALICE]);
    expect(await again2.code).toBe(0);

    await fx.emu.close();
    const search = cli(['search', '--data-dir', dataDir, '--json', 'zebra in:anywhere']);
    expect(await search.code).toBe(0);
    const rows = search
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { subject: string });
    expect(rows.map((r) => r.subject)).toEqual(['Old newsletter', 'You won a prize', 'Plain message 3']);
  }, 120_000);
});
