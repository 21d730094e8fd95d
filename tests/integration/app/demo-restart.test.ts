// Demo mode across a restart: the app's second start (new services, a new emulator on a
// new port) brings the demo account back signed in with no browser step, as for Google.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyringCipher } from '../../../main/secrets/keyring-cipher';
import { playBrowser, recordingOpener } from '../auth/browser';
import { keyringGate } from '../secrets/keyring-env';
import { startServices } from './start-services';

const gate = await keyringGate('demo restart');

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

    const first = await startServices({ dataDir, opener, ciphers: [new KeyringCipher({ service: keychainService })] });
    const signingIn = first.handlers.startDemo();
    await playBrowser(await opener.next());
    const account = await signingIn;
    expect(account.state).toBe('signed_in');
    await first.dispose();

    const second = await startServices({ dataDir, opener, ciphers: [new KeyringCipher({ service: keychainService })] });
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
