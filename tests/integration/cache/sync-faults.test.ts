/**
 * The sync engine against a misbehaving server (the emulator's hooks): random 500/503 and
 * dropped connections, a quota small enough to hit 429 often, a process killed mid-sync,
 * and server-side changes picked up by incremental sync (history too old included).
 * Every time the cache must end identical to the server's mailbox: same ids, same labels,
 * one FTS row per message.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../emulator/index';
import { openCacheDatabase } from '../../../main/cache/database';
import { searchLocal } from '../../../main/cache/local-search';
import { MailStore } from '../../../main/cache/mail-store';
import { SyncEngine, SyncStoppedError, type SyncProgress } from '../../../main/cache/sync-engine';
import { CORPUS_ACCOUNT, HAVE_CORPUS } from './helpers/corpus';
import { gmailApiFor, refreshTokenFor } from './helpers/emulator-client';
import { compareWithServer, corpusSample } from './helpers/fixture';

const SAMPLE = 400;
let emu: EmulatorHandle;
let dir: string;
let refreshToken: string;
const stores: MailStore[] = [];

function openStore(file = join(dir, 'mail.db')): MailStore {
  const store = new MailStore(openCacheDatabase(file));
  stores.push(store);
  return store;
}

function expectIdentical(store: MailStore): void {
  const c = compareWithServer(store, emu);
  expect({ missing: c.missing, extra: c.extra, wrongLabels: c.wrongLabels }).toEqual({ missing: [], extra: [], wrongLabels: [] });
  expect(c.messages).toBe(emu.mailbox().list().length);
  expect(c.ftsRows).toBe(c.messages);
}

function eml(subject: string, body: string, date: string): string {
  return [
    `From: Zed Tester <zed@example.org>`,
    `To: ${CORPUS_ACCOUNT}`,
    `Subject: ${subject}`,
    `Date: ${date}`,
    `Message-ID: <${subject.replace(/\W/g, '')}@example.org>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

describe.skipIf(!HAVE_CORPUS)('sync engine under faults', () => {
  beforeEach(async () => {
    emu = await startEmulator({ accounts: [{ email: CORPUS_ACCOUNT, mail: corpusSample(SAMPLE) }] });
    refreshToken = await refreshTokenFor(emu, CORPUS_ACCOUNT);
    dir = mkdtempSync(join(tmpdir(), 'skimmer-sync-'));
  }, 60_000);

  afterEach(async () => {
    for (const s of stores.splice(0)) if (s.db.open) s.db.close();
    emu.clearFaults();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends identical to the server with 10% random 500/503 and 5% dropped connections', async () => {
    emu.setFaults({ errorRate: 0.1, errorStatuses: [500, 503], dropRate: 0.05 });
    const store = openStore();
    const engine = new SyncEngine({ store, api: gmailApiFor(emu, refreshToken, { maxAttempts: 20 }) });
    const result = await engine.syncNow();
    expect(result.kind).toBe('initial');
    emu.clearFaults();
    expectIdentical(store);
  }, 120_000);

  it('ends identical when a small quota answers 429 often', async () => {
    emu.setQuota({ unitsPerSecond: 600 });
    const store = openStore();
    const phases: SyncProgress[] = [];
    const engine = new SyncEngine({ store, api: gmailApiFor(emu, refreshToken, { maxAttempts: 30 }) });
    engine.onProgress((p) => phases.push(p));
    await engine.syncNow();
    expect(emu.quotaUsage(CORPUS_ACCOUNT).rejected).toBeGreaterThan(0);
    expectIdentical(store);
    const last = phases[phases.length - 1]!;
    expect(last).toMatchObject({ phase: 'idle', cachedMessages: SAMPLE });
    expect(phases.some((p) => p.phase === 'initial' && p.etaSeconds !== null)).toBe(true);
  }, 120_000);

  it('resumes after the syncing process is killed, without refetching or duplicating', async () => {
    emu.setQuota({ unitsPerSecond: 800 });
    const dbFile = join(dir, 'killed.db');
    const childArgs = JSON.stringify({
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      endpoints: emu.endpoints,
      gmailRootUrl: emu.gmailRootUrl,
      refreshToken,
      dbFile,
    });
    const script = fileURLToPath(new URL('./helpers/sync-child.ts', import.meta.url));
    const run = (killAfter: number | null) =>
      new Promise<{ code: number | null; signal: string | null; cached: number }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', script, childArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
        let cached = 0;
        let buffer = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
            const line = buffer.slice(0, nl);
            buffer = buffer.slice(nl + 1);
            if (line.startsWith('{')) cached = (JSON.parse(line) as SyncProgress).cachedMessages;
            if (killAfter !== null && cached >= killAfter && child.exitCode === null) child.kill('SIGKILL');
          }
        });
        child.on('exit', (code, signal) => resolve({ code, signal, cached }));
      });
    const first = await run(120);
    expect(first.signal).toBe('SIGKILL');
    const afterKill = openStore(dbFile);
    const kept = afterKill.messageCount();
    expect(kept).toBeGreaterThanOrEqual(100);
    expect(kept).toBeLessThan(SAMPLE);
    afterKill.db.close();
    const getsBefore = emu.quotaUsage(CORPUS_ACCOUNT).byMethod['users.messages.get']?.calls ?? 0;
    const second = await run(null);
    expect(second.code).toBe(0);
    const getsAfter = emu.quotaUsage(CORPUS_ACCOUNT).byMethod['users.messages.get']?.calls ?? 0;
    // Only what was not stored yet is fetched again.
    expect(getsAfter - getsBefore).toBe(SAMPLE - kept);
    expectIdentical(openStore(dbFile));
  }, 120_000);

  it('applies mail added, relabelled and deleted on the server at the next incremental sync', async () => {
    const store = openStore();
    const engine = new SyncEngine({ store, api: gmailApiFor(emu, refreshToken) });
    await engine.syncNow();
    const mb = emu.mailbox();
    const list = mb.list();
    const added = emu.addMessage(CORPUS_ACCOUNT, eml('Quokka sighting report', 'A quokka was seen near the pier.', 'Tue, 24 Nov 2026 10:00:00 +0000'));
    const label = mb.createLabel('Wildlife');
    mb.modify(list[0]!.id, ['STARRED', label.id], ['UNREAD']);
    mb.modify(list[1]!.id, ['TRASH'], ['INBOX']);
    mb.delete(list[2]!.id);
    mb.modify(added.id, [label.id], []);
    const result = await engine.syncNow();
    expect(result).toMatchObject({ kind: 'incremental', added: 1, deleted: 1 });
    expectIdentical(store);
    expect(searchLocal(store, 'quokka').map((h) => h.id)).toEqual([added.id]);
    expect(
      searchLocal(store, 'label:wildlife')
        .map((h) => h.id)
        .sort(),
    ).toEqual([added.id, list[0]!.id].sort());
    expect(searchLocal(store, 'is:starred').map((h) => h.id)).toContain(list[0]!.id);
    expect(searchLocal(store, `rfc822msgid:${list[2]!.searchable.rfc822MessageId}`)).toEqual([]);
  }, 60_000);

  it('falls back to a full resync when the stored history id is too old', async () => {
    const store = openStore();
    const engine = new SyncEngine({ store, api: gmailApiFor(emu, refreshToken) });
    await engine.syncNow();
    const mb = emu.mailbox();
    const list = mb.list();
    mb.delete(list[5]!.id);
    mb.modify(list[6]!.id, ['IMPORTANT'], []);
    emu.addMessage(CORPUS_ACCOUNT, eml('Platypus update', 'The platypus is fine.', 'Tue, 24 Nov 2026 11:00:00 +0000'));
    mb.expireHistory();
    const getsBefore = emu.quotaUsage(CORPUS_ACCOUNT).byMethod['users.messages.get']?.calls ?? 0;
    const result = await engine.syncNow();
    expect(result.kind).toBe('resync');
    expect(result.deleted).toBe(1);
    expectIdentical(store);
    expect(searchLocal(store, 'platypus')).toHaveLength(1);
    // Messages already cached are only re-checked (format=minimal), each once.
    expect((emu.quotaUsage(CORPUS_ACCOUNT).byMethod['users.messages.get']?.calls ?? 0) - getsBefore).toBe(SAMPLE);
  }, 60_000);

  it('stop() pauses an initial sync at a page boundary and the next sync resumes it', async () => {
    emu.setQuota({ unitsPerSecond: 1500 });
    const store = openStore();
    const engine = new SyncEngine({ store, api: gmailApiFor(emu, refreshToken), pageSize: 50 });
    const first = new Promise<void>((resolve) => engine.on('firstPage', () => resolve()));
    const run = engine.syncNow();
    await first;
    await engine.stop();
    await expect(run).rejects.toBeInstanceOf(SyncStoppedError);
    expect(store.messageCount()).toBeGreaterThan(0);
    expect(store.messageCount()).toBeLessThan(SAMPLE);
    expect(engine.isInitialSyncDone()).toBe(false);
    expect((await engine.syncNow()).kind).toBe('initial');
    expectIdentical(store);
  }, 60_000);

  it('joins a sync in flight and keeps syncing on a timer', async () => {
    const store = openStore();
    const engine = new SyncEngine({ store, api: gmailApiFor(emu, refreshToken), intervalMs: 200 });
    const a = engine.syncNow();
    expect(engine.syncNow()).toBe(a);
    await a;
    const synced: string[] = [];
    engine.on('synced', (r) => synced.push(r.kind));
    engine.start();
    const added = emu.addMessage(CORPUS_ACCOUNT, eml('Wombat timer', 'Wombat body', 'Tue, 24 Nov 2026 12:00:00 +0000'));
    for (let i = 0; i < 50 && !store.hasMessage(added.id); i++) await new Promise((r) => setTimeout(r, 100));
    await engine.stop();
    expect(store.hasMessage(added.id)).toBe(true);
    expect(synced.length).toBeGreaterThan(0);
    expect(engine.isInitialSyncDone()).toBe(true);
  }, 60_000);
});
