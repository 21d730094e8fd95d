import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encodingsOf } from '../../unit/secrets/encodings';
import { REQUIRE_KEYRING, probeSecretService } from '../secrets/keyring-env';
import { playBrowser } from '../auth/browser';
import { ADA, GRACE, startTestEmulator, type Emulator } from '../auth/setup';

const ROOT = resolve(import.meta.dirname, '../../..');
const keyringOk = (await probeSecretService()).ok || REQUIRE_KEYRING;
if (!keyringOk) {
  console.warn('[cli] no Secret Service: tokens stay in memory, so `accounts` will show signed_out. Run under scripts/with-keyring.sh for the full check.');
}

let emu: Emulator;
let dir: string;
let serverFile: string;

beforeAll(async () => {
  ({ emu } = await startTestEmulator());
  dir = await mkdtemp(join(tmpdir(), 'skimmer-cli-'));
  serverFile = join(dir, 'server.json');
  await writeFile(serverFile, `${JSON.stringify(emu.info)}\n`);
});
afterAll(async () => {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: Promise<number>;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first stdout line that satisfies `test`. */
  line(test: (l: string) => boolean): Promise<string>;
}

function cli(args: string[]): Run {
  const child = spawn('npx', ['tsx', 'main/cli/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const watchers: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString('utf8');
    for (const l of out.split('\n')) {
      for (const w of [...watchers]) {
        if (w.test(l)) {
          watchers.splice(watchers.indexOf(w), 1);
          w.resolve(l);
        }
      }
    }
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const code = new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
  return {
    code,
    stdout: () => out,
    stderr: () => err,
    line: (test) =>
      new Promise((resolveLine, reject) => {
        const found = out.split('\n').find(test);
        if (found !== undefined) return resolveLine(found);
        watchers.push({ test, resolve: resolveLine });
        void code.then((c) => reject(new Error(`CLI exited (${c}) before printing the line.\nstdout:\n${out}\nstderr:\n${err}`)));
      }),
  };
}

describe('cli', () => {
  it('sign-in prints the consent URL on its own line, waits for the callback, stores the account; accounts lists it; sign-out removes it', async () => {
    const dataDir = join(dir, 'data1');
    const run = cli(['sign-in', '--data-dir', dataDir, '--server', serverFile]);
    const url = await run.line((l) => /^https?:\/\//.test(l));
    expect(new URL(url).pathname).toBe('/o/oauth2/v2/auth');
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
    const page = await playBrowser(url, { account: ADA });
    expect(page.body).toContain('You can close this tab and return to Skimmer');
    expect(await run.code).toBe(0);
    expect(run.stdout()).toContain(`Signed in as ${ADA}`);

    const settings = await readFile(join(dataDir, 'settings.json'), 'utf8');
    const parsed = JSON.parse(settings) as { accounts: { email: string }[]; tokenVault?: Record<string, { cipher: string }> };
    expect(parsed.accounts.map((a) => a.email)).toEqual([ADA]);
    if (keyringOk) expect(Object.values(parsed.tokenVault ?? {})[0]?.cipher).toBe('keyring');
    // No token from the emulator is in the file, in any encoding.
    for (const t of emu.state.oauth.refreshTokens.keys()) for (const enc of encodingsOf(t)) expect(settings).not.toContain(enc);

    const list = cli(['accounts', '--data-dir', dataDir]);
    expect(await list.code).toBe(0);
    const row = list
      .stdout()
      .trim()
      .split('\n')
      .find((l) => l.includes(ADA));
    expect(row?.split('\t')).toEqual(['*', ADA, keyringOk ? 'signed_in' : 'signed_out', 'Ada Lovelace']);

    const json = cli(['accounts', '--data-dir', dataDir, '--json']);
    expect(await json.code).toBe(0);
    expect(JSON.parse(json.stdout())).toMatchObject([{ email: ADA, active: true }]);

    const out = cli(['sign-out', '--data-dir', dataDir, ADA]);
    expect(await out.code).toBe(0);
    expect(out.stdout()).toContain(`Signed out ${ADA}`);
    if (keyringOk) expect(out.stdout()).toContain('access revoked at Google');
    const after = cli(['accounts', '--data-dir', dataDir, '--json']);
    expect(await after.code).toBe(0);
    expect(JSON.parse(after.stdout())).toEqual([]);
  }, 60_000);

  it('a denied consent exits 3 with the reason', async () => {
    const run = cli(['sign-in', '--data-dir', join(dir, 'data2'), '--server', serverFile]);
    const url = await run.line((l) => /^https?:\/\//.test(l));
    await playBrowser(url, { decision: 'deny', account: GRACE });
    expect(await run.code).toBe(3);
    expect(run.stderr()).toContain('Sign-in failed (denied)');
  }, 60_000);

  it('usage errors exit 2 with usage text; unknown account exits 4', async () => {
    const none = cli([]);
    expect(await none.code).toBe(2);
    expect(none.stderr()).toContain('Usage: npm run cli -- <command>');
    const missing = cli(['sign-in', '--server', serverFile]);
    expect(await missing.code).toBe(2);
    expect(missing.stderr()).toContain('--data-dir is required');
    const unknown = cli(['frobnicate']);
    expect(await unknown.code).toBe(2);
    expect(unknown.stderr()).toContain('Unknown command "frobnicate"');
    const gone = cli(['sign-out', '--data-dir', join(dir, 'data3'), 'nobody@example.com']);
    expect(await gone.code).toBe(4);
    const help = cli(['help', 'sign-in']);
    expect(await help.code).toBe(0);
    expect(help.stdout()).toContain('--server FILE');
  }, 60_000);
});
