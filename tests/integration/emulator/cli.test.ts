/** `npm run emulator` (tsx emulator/cli.ts): first stdout line is one JSON object; runs until SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../emulator/cli';
import { eml } from './helpers';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function start(args: string[]): { child: ChildProcess; info: Promise<Record<string, unknown>> } {
  const child = spawn(process.execPath, [TSX, 'emulator/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d.toString()));
  const info = new Promise<Record<string, unknown>>((res, rej) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => res(JSON.parse(line) as Record<string, unknown>));
    child.once('exit', (code) => rej(new Error(`exited ${code}: ${stderr}`)));
  });
  return { child, info };
}

describe('CLI', () => {
  it('prints one JSON line with the endpoints and serves until SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skimmer-cli-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'a.eml'), eml({ to: 'cli@skimmer.example', subject: 'CLI mail', date: 'Mon, 1 Jan 2024 10:00:00 +0000' }));
    writeFileSync(join(dir, 'b.eml'), eml({ to: 'cli@skimmer.example', subject: 'CLI mail 2', date: 'Tue, 2 Jan 2024 10:00:00 +0000' }));
    const { child, info: infoP } = start(['--port', '0', '--mail', dir, '--account', 'cli@skimmer.example']);
    try {
      const info = await infoP;
      for (const k of ['baseUrl', 'authUri', 'tokenUri', 'revokeUri', 'userinfoUri', 'gmailRootUrl', 'clientId', 'clientSecret', 'accounts'])
        expect(info[k], k).toBeTruthy();
      expect(info.accounts).toEqual(['cli@skimmer.example']);
      expect(String(info.baseUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const hook = (await (await fetch(`${info.baseUrl}/__emulator/accounts`)).json()) as { accounts: { messagesTotal: number }[] };
      expect(hook.accounts[0]!.messagesTotal).toBe(2);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (c) => r(c))));
    expect(code).toBe(0);
  });

  it('groups --mail under --account for several accounts', () => {
    expect(parseArgs(['--mail', 'a', '--mail', 'b'])).toEqual({ mail: ['a', 'b'] });
    expect(parseArgs(['--port', '0', '--mail', 'a', '--account', 'x@y'])).toMatchObject({ port: 0, accounts: [{ email: 'x@y', mail: ['a'] }] });
    expect(parseArgs(['--account', 'x@y', '--mail', 'a', '--account', 'z@y', '--mail', 'b', '--quota', '250'])).toMatchObject({
      accounts: [
        { email: 'x@y', mail: ['a'] },
        { email: 'z@y', mail: ['b'] },
      ],
      quota: { unitsPerSecond: 250 },
    });
    expect(parseArgs(['--account', 'only@y'])).toMatchObject({ account: 'only@y' });
  });
});

describe('default mailbox', () => {
  it('serves the demo mailbox for demo@skimmer.example when no mail is given', async () => {
    const { startEmulator } = await import('../../../emulator/index');
    const emu = await startEmulator();
    try {
      expect(emu.accounts).toEqual(['demo@skimmer.example']);
      expect(emu.mailbox().list().length).toBeGreaterThan(10);
    } finally {
      await emu.close();
    }
  });
});
