/**
 * One cache file, three processes, as a person with a long sync and a second terminal has
 * them: the CLI's `sync` writes; a loop of CLI `stats` and `search` processes reads; the
 * app's mail hub reads in a third process (and finds the sync lock taken, so it only reads).
 * A second `sync` is turned away. The first sync must complete, every read must answer, nothing may be moved aside, and the cache
 * must equal the server afterwards. Needs a Secret Service (scripts/with-keyring.sh).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../emulator/index';
import { cacheFileFor, closeCacheDatabase, openCacheReader } from '../../../main/cache/database';
import { MailStore } from '../../../main/cache/mail-store';
import { playBrowser } from '../auth/browser';
import { ALICE, eml } from '../emulator/helpers';
import { keyringGate } from '../secrets/keyring-env';

const ROOT = resolve(import.meta.dirname, '../../..');
const gate = await keyringGate('shared cache processes');
/** Enough mail that the pacer's ramp (100 units/s, doubling) keeps the sync busy for several seconds. */
const MESSAGES = 1000;

interface Proc {
  code: Promise<number>;
  out: () => string;
  err: () => string;
  firstLine(test: (l: string) => boolean): Promise<string>;
}

function run(command: string[], env: NodeJS.ProcessEnv = {}): Proc {
  const child = spawn('npx', ['tsx', ...command], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiting: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
    for (const w of [...waiting]) {
      const hit = out.split('\n').find(w.test);
      if (hit !== undefined) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(hit);
      }
    }
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const code = new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
  return {
    code,
    out: () => out,
    err: () => err,
    firstLine: (test) =>
      new Promise((resolveLine, reject) => {
        waiting.push({ test, resolve: resolveLine });
        void code.then((c) => reject(new Error(`exited ${c} first.\n${out}\n${err}`)));
      }),
  };
}

const cli = (args: string[]) => run(['main/cli/cli.ts', ...args]);

let emu: EmulatorHandle;
let root: string;

describe.skipIf(!gate.run)('one cache, three processes: a CLI sync, CLI readers, the app', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'skimmer-shared-cache-'));
    const mail = join(root, 'mail');
    mkdirSync(mail);
    for (let i = 0; i < MESSAGES; i++) {
      const date = new Date(Date.UTC(2025, 0, 1, 0, i)).toUTCString().replace('GMT', '+0000');
      writeFileSync(
        join(mail, `m${i}.eml`),
        eml({ subject: `Report ${i}`, date, body: i % 7 === 0 ? `the zebra figures, part ${i}` : `numbers for week ${i}` }),
      );
    }
    emu = await startEmulator({ accounts: [{ email: ALICE, mail: [mail], name: 'Alice Liddell' }], faults: { latencyMs: 150 } });
  }, 120_000);

  afterAll(async () => {
    await emu?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('the sync completes, every read answers, nothing is set aside, the cache equals the server', async () => {
    const dataDir = join(root, 'data');
    const serverFile = join(root, 'server.json');
    writeFileSync(serverFile, JSON.stringify(emu.info));
    const signIn = cli(['sign-in', '--data-dir', dataDir, '--server', serverFile]);
    await playBrowser(await signIn.firstLine((l) => /^https?:\/\//.test(l)), { account: ALICE });
    expect(await signIn.code).toBe(0);

    const stopFile = join(root, 'stop');
    const env = { SKIMMER_DATA_DIR: dataDir, SKIMMER_STOP_FILE: stopFile };
    // 2. The CLI's stats and search in a loop in one process, from before the sync to after it.
    const loop = run(['tests/integration/cache/processes/cli-reader-loop.ts'], env);
    await loop.firstLine((l) => l.includes('"command":"search"'));

    // 1. The writer.
    const syncStart = Date.now();
    const sync = cli(['sync', '--data-dir', dataDir]);
    let syncEnd = 0;
    void sync.code.then(() => (syncEnd = Date.now()));
    await sync.firstLine((l) => /^initial: [1-9]\d*\//.test(l));
    const accountId = readdirSync(join(dataDir, 'cache'))[0]!;
    // 3. The app's mail hub, opened while the CLI syncs: its own sync finds the lock taken.
    const app = run(['tests/integration/cache/processes/app-reader.ts'], env);
    await app.firstLine((l) => l.includes('"kind":"read"'));
    // A second sync from another terminal is turned away and leaves the first alone.
    const second = cli(['sync', '--data-dir', dataDir]);
    const secondCode = await second.code;
    const secondEndedDuringSync = syncEnd === 0;
    // ... and, while it runs, separate stats and search processes, each opening the cache afresh.
    const reads: { args: string; code: number; err: string }[] = [];
    while (syncEnd === 0) {
      for (const args of [
        ['stats', '--data-dir', dataDir, '--json'],
        ['search', '--data-dir', dataDir, '--offline', '--json', 'zebra'],
      ]) {
        const reader = cli(args);
        reads.push({ args: args[0]!, code: await reader.code, err: reader.err() });
      }
    }
    const syncCode = await sync.code;
    // One more round of reads after the sync, then stop.
    const readsBefore = loop.out().split('\n').length;
    await loop.firstLine(() => loop.out().split('\n').length > readsBefore + 2);
    writeFileSync(stopFile, '');
    expect(await app.code, app.err()).toBe(0);
    expect(await loop.code, loop.err()).toBe(0);
    const during = (at: number) => at > syncStart && at < syncEnd;
    const lineCount = (out: string) => out.split('\n').length - 1;
    console.info(
      `[shared-cache] sync ${((syncEnd - syncStart) / 1000).toFixed(1)} s; ${reads.length} reader processes; ` +
        `looped reads ${lineCount(loop.out())}; app lines ${lineCount(app.out())}`,
    );

    expect(secondEndedDuringSync).toBe(true);
    expect(secondCode).toBe(1);
    expect(second.err()).toContain('A sync is already running for this account');
    expect(syncCode, sync.err()).toBe(0);
    expect(sync.out()).toContain(`Synced ${ALICE} (initial): ${MESSAGES} added`);
    expect(sync.err()).not.toMatch(/unreadable|corrupt|locked|malformed/i);
    for (const r of reads) {
      expect(r.code, `${r.args}: ${r.err}`).toBe(0);
      expect(r.err).not.toMatch(/Error|locked|malformed|damaged/i);
    }
    const loopRuns = loop
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { at: number; command: string; code: number; stderr: string });
    expect(loopRuns.filter((r) => during(r.at)).length).toBeGreaterThanOrEqual(4); // the readers really overlapped the sync
    expect(loopRuns.filter((r) => r.code !== 0 || /Error|locked|malformed|damaged/i.test(r.stderr))).toEqual([]);
    const appLines = app
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; at?: number; ok?: boolean; error?: string; message?: string | null });
    const appReads = appLines.filter((l) => l.kind === 'read');
    expect(appReads.filter((r) => during(r.at ?? 0)).length).toBeGreaterThanOrEqual(4);
    expect(appReads.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
    // The app saw the CLI's sync and left it alone.
    expect(appLines.some((l) => l.kind === 'status' && /Another Skimmer window or command is syncing/.test(l.message ?? ''))).toBe(true);

    // Nothing was set aside, and the cache holds exactly what Gmail has.
    expect(readdirSync(join(dataDir, 'cache', accountId)).filter((f) => f.includes('corrupt'))).toEqual([]);
    const file = cacheFileFor(dataDir, accountId);
    expect(existsSync(file)).toBe(true);
    const db = openCacheReader(file);
    try {
      const cached = new MailStore(db).allIdsWithLabels();
      const server = new Map((await emu.mailbox(ALICE).list()).map((m) => [m.id, [...m.labelIds].sort()]));
      expect(new Map([...cached].map(([id, labels]) => [id, [...labels].sort()]))).toEqual(server);
    } finally {
      closeCacheDatabase(db);
    }
  }, 240_000);
});
