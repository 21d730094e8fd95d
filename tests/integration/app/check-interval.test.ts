// "How often to check for new mail" applies as soon as it is changed: the app's services over
// the demo emulator, a real cache and sync; only the sync timer's clock is the test's own.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailChanged } from '../../../common/ipc';
import type { AppServices } from '../../../main/app-services';
import { DemoServer } from '../../../main/services/demo-server';
import { recordingOpener } from '../auth/browser';
import { manualTimers } from '../helpers/manual-timers';
import { signInDemo, startServices } from './start-services';

const eml = (subject: string, day: number) =>
  [
    'From: Ana Lima <ana@example.com>',
    'To: demo@skimmer.example',
    `Subject: ${subject}`,
    `Date: Mon, 0${day} Mar 2026 10:00:00 +0000`,
    `Message-ID: <${subject.replace(/\W+/g, '-')}@example.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `${subject}.`,
  ].join('\r\n');

describe('"check for new mail" applies without a restart', () => {
  let root: string;
  let services: AppServices;
  const opener = recordingOpener();
  const clock = manualTimers();
  const changes: MailChanged[] = [];
  let demo: DemoServer;
  let accountId = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'skimmer-interval-'));
    await mkdir(path.join(root, 'mail'));
    await writeFile(path.join(root, 'mail', 'one.eml'), eml('First note', 2));
    demo = new DemoServer({ mail: [path.join(root, 'mail')] });
    services = await startServices({ dataDir: path.join(root, 'data'), opener, changes, demo, timers: clock.timers });
    await services.handlers.updateSettings({ checkEverySeconds: 900 });
    accountId = await signInDemo(services, opener);
  });

  afterAll(async () => {
    await services?.dispose();
    await rm(root, { recursive: true, force: true });
  });

  it('restarts the running sync timer with the new period, and its next tick fetches new mail', async () => {
    await services.handlers.listMessages(accountId, { kind: 'label', labelId: 'INBOX' }, { threads: false });
    await expect.poll(async () => (await services.handlers.getSyncStatus(accountId)).lastSyncedAt, { timeout: 30_000 }).not.toBeNull();
    expect(clock.periods()).toEqual([900_000]);

    await services.handlers.updateSettings({ checkEverySeconds: 60 });
    expect(clock.periods()).toEqual([60_000]);

    const emulator = await demo.start();
    emulator.addMessage(emulator.accounts[0]!, eml('Second note', 3), { labelIds: ['INBOX'] });
    const before = changes.length;
    clock.fire();
    await expect.poll(() => changes.length, { timeout: 30_000 }).toBe(before + 1);
    expect(changes[before]).toMatchObject({ accountId, added: 1 });
    const inbox = await services.handlers.listMessages(accountId, { kind: 'label', labelId: 'INBOX' }, { threads: false });
    expect(inbox.rows.map((r) => r.subject)).toEqual(['Second note', 'First note']);
  });

  it('keeps the period chosen for the next start', async () => {
    expect((await services.handlers.getSettings()).checkEverySeconds).toBe(60);
  });
});
