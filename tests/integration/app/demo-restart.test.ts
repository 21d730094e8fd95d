// Demo mode across a restart: the app's second start (new services, a new emulator on a
// new port) brings the demo account back signed in with no browser step, as for Google.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../main/app-services';
import { KeyringCipher } from '../../../main/secrets/keyring-cipher';
import { DemoServer } from '../../../main/services/demo-server';
import { playBrowser, recordingOpener } from '../auth/browser';
import { keyringGate } from '../secrets/keyring-env';

const gate = await keyringGate('demo restart');

async function start(dataDir: string, opener: ReturnType<typeof recordingOpener>, service: string): Promise<AppServices> {
  return createAppServices({
    dataDir,
    appInfo: { name: 'Skimmer', version: 'test', platform: 'linux', shell: 'test-bridge' },
    ciphers: [new KeyringCipher({ service })],
    env: {},
    demo: new DemoServer(),
    platform: {
      openExternal: async (url) => opener.openExternal(url),
      chooseClientSecretFile: async () => null,
      copyText: () => undefined,
      chooseSaveLocation: async () => null,
      emit: () => undefined,
    },
  });
}

describe.runIf(gate.run)('demo account across a restart', () => {
  const roots: string[] = [];
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it('comes back signed in and reads mail, with no token in the settings files', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'skimmer-restart-'));
    roots.push(root);
    const dataDir = path.join(root, 'data');
    const keychainService = `Skimmer restart test ${process.pid}`;
    const opener = recordingOpener();

    const first = await start(dataDir, opener, keychainService);
    const signingIn = first.handlers.startDemo();
    await playBrowser(await opener.next());
    const account = await signingIn;
    expect(account.state).toBe('signed_in');
    await first.dispose();

    const second = await start(dataDir, opener, keychainService);
    try {
      expect(await second.handlers.listAccounts()).toMatchObject([{ id: account.id, state: 'signed_in', active: true }]);
      const labels = await second.handlers.listLabels(account.id);
      expect(labels.find((l) => l.id === 'INBOX')?.messagesTotal).toBeGreaterThan(0);
      expect(opener.urls).toHaveLength(1); // no second trip to the browser
      const settings = await readFile(path.join(dataDir, 'accounts-demo.json'), 'utf8');
      expect(settings).not.toMatch(/1\/\/emu-/);
    } finally {
      await second.dispose();
    }
  });
});
