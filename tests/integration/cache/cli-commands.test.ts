/**
 * The cache commands of the CLI, run in-process: search and stats on a data dir whose
 * account and cache are seeded directly; sync against the emulator when a Secret Service
 * is reachable (sign-in stores the token there).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli';
import type { CliIO } from '../../../main/cli/command';
import { COMMANDS } from '../../../main/cli/commands/index';
import { progressPrinter } from '../../../main/cli/commands/sync';
import { openAccountCache } from '../../../main/cache/index';
import { openSettingsStore } from '../../../main/settings/settings-store';
import { ALICE, startFixture, type Fixture } from '../emulator/helpers';
import { gmailApiFor, refreshTokenFor } from './helpers/emulator-client';

const commands = COMMANDS;

function io(): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (b: Buffer) => (out += b.toString()));
  stderr.on('data', (b: Buffer) => (err += b.toString()));
  return { io: { stdout, stderr, env: { ...process.env }, signal: new AbortController().signal }, out: () => out, err: () => err };
}

let fx: Fixture;
let dataDir: string;

describe('cli: search and stats from the cache', () => {
  beforeAll(async () => {
    fx = await startFixture();
    dataDir = mkdtempSync(join(tmpdir(), 'skimmer-cli-cache-'));
    const store = openSettingsStore(dataDir);
    store.set('accounts', [{ id: 'alice-1', email: ALICE, name: 'Alice' }]);
    store.set('activeAccountId', 'alice-1');
    const cache = openAccountCache({ dataDir, accountId: 'alice-1', api: gmailApiFor(fx.emu, await refreshTokenFor(fx.emu, ALICE)) });
    await cache.sync!.syncNow();
    await cache.close();
  }, 60_000);

  afterAll(async () => {
    await fx?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('search --json prints one object per match, newest first', async () => {
    const t = io();
    expect(await runCli(['search', '--data-dir', dataDir, '--json', 'lunch'], t.io, commands)).toBe(0);
    const rows = t
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.subject)).toEqual(['Re: Lunch plans', 'Re: Lunch plans', 'Lunch plans']);
    for (const r of rows) expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'threadId', 'internalDate', 'from', 'subject']));
    const dates = rows.map((r) => r.internalDate as number);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('search prints date, sender and subject lines; says when nothing matches', async () => {
    const t = io();
    expect(await runCli(['search', '--data-dir', dataDir, '--account', ALICE, 'filename:invoice.pdf'], t.io, commands)).toBe(0);
    expect(t.out()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d\tCarol Sender\tInvoice attached\n$/);
    const none = io();
    expect(await runCli(['search', '--data-dir', dataDir, 'nothingmatchesthis'], none.io, commands)).toBe(0);
    expect(none.err()).toContain('No messages match');
    expect(await runCli(['search', '--data-dir', dataDir], io().io, commands)).toBe(2);
    expect(await runCli(['search', '--data-dir', dataDir, '--account', 'nobody@x.org', 'x'], io().io, commands)).toBe(4);
  });

  it('stats reports the cache', async () => {
    const t = io();
    expect(await runCli(['stats', '--data-dir', dataDir, '--json'], t.io, commands)).toBe(0);
    const [s] = JSON.parse(t.out()) as Record<string, unknown>[];
    expect(s).toMatchObject({ email: ALICE, messages: 14, initialSyncDone: true });
    expect(s!.bytes as number).toBeGreaterThan(0);
    const plain = io();
    expect(await runCli(['stats', '--data-dir', dataDir], plain.io, commands)).toBe(0);
    expect(plain.out()).toContain(`${ALICE}: 14 messages`);
  });

  it('the built CLI searches and reports without loading the Gmail client, OAuth, conf or the keychain', () => {
    // Every package the process resolves is logged by a module hook; the bundle is the one `npm run cli` runs.
    const hook = join(dataDir, 'log-packages.mjs');
    const logged = join(dataDir, 'packages.log');
    writeFileSync(
      hook,
      [
        "import { registerHooks } from 'node:module';",
        "import { appendFileSync } from 'node:fs';",
        'registerHooks({ resolve(specifier, context, next) {',
        '  const resolved = next(specifier, context);',
        "  if (resolved.url.includes('/node_modules/')) appendFileSync(process.env.PACKAGES_LOG, resolved.url + '\\n');",
        '  return resolved;',
        '} });',
      ].join('\n'),
    );
    for (const args of [
      ['search', '--data-dir', dataDir, 'lunch'],
      ['stats', '--data-dir', dataDir],
    ]) {
      rmSync(logged, { force: true });
      const run = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, 'scripts/cli.mjs', ...args], {
        cwd: join(import.meta.dirname, '../../..'),
        encoding: 'utf8',
        env: { ...process.env, PACKAGES_LOG: logged },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(args[0] === 'search' ? 'Lunch plans' : `${ALICE}: 14 messages`);
      const packages = new Set(
        readFileSync(logged, 'utf8')
          .split('\n')
          .map((url) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1]),
      );
      expect(packages).toContain('libsql');
      for (const heavy of ['@googleapis/gmail', 'googleapis-common', 'google-auth-library', 'gaxios', 'conf', '@napi-rs/keyring'])
        expect(packages).not.toContain(heavy);
    }
  }, 60_000);

  it('lists sync, search and stats in the usage', async () => {
    const t = io();
    await runCli(['--help'], t.io);
    for (const name of ['sync', 'search', 'stats']) expect(t.out()).toContain(`  ${name} `);
  });

  it('sync without a signed-in token fails as an auth problem, not a crash', async () => {
    const serverFile = join(dataDir, 'server.json');
    writeFileSync(serverFile, JSON.stringify(fx.emu.info));
    const t = io();
    const code = await runCli(['sync', '--data-dir', dataDir, '--server', serverFile], t.io, commands);
    expect(code).toBe(3);
    expect(t.err()).toMatch(/sign/i);
  });

  it('prints progress as plain lines off a terminal and a bar on one', () => {
    const plain = io();
    const p = progressPrinter(plain.io, false);
    p.update({ phase: 'initial', cachedMessages: 50, totalMessages: 200, etaSeconds: 3 });
    p.finish();
    expect(plain.out()).toBe('initial: 50/200 messages, about 3.0 s left\n');
    const tty = io();
    const bar = progressPrinter(tty.io, true);
    bar.update({ phase: 'initial', cachedMessages: 100, totalMessages: 200, etaSeconds: null });
    bar.finish();
    expect(tty.err()).toContain('[###############...............] 100/200 initial');
  });
});
