import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../emulator/index';
import type { AccountServiceOptions } from '../../../main/auth/account-types';
import { AccountService } from '../../../main/auth/accounts';
import { clientConfigFromEmulator, type OAuthClientConfig } from '../../../main/auth/client-config';
import { KeyringCipher, type KeyringEntryLike } from '../../../main/secrets/keyring-cipher';
import { openSettingsStore } from '../../../main/settings/settings-store';
import { TokenVault } from '../../../main/secrets/token-vault';
import { REQUIRE_KEYRING, probeSecretService } from '../secrets/keyring-env';
import { recordingOpener } from './browser';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export const ADA = 'ada@example.com';
export const GRACE = 'grace@example.com';

export async function startTestEmulator(): Promise<{ emu: Emulator; config: OAuthClientConfig }> {
  const emu = await startEmulator({
    accounts: [
      { email: ADA, mail: [], name: 'Ada Lovelace' },
      { email: GRACE, mail: [], name: 'Grace Hopper' },
    ],
  });
  return { emu, config: clientConfigFromEmulator(emu.info) };
}

class MemoryEntry implements KeyringEntryLike {
  private v: string | null = null;
  async getPassword() {
    return this.v;
  }
  async setPassword(p: string) {
    this.v = p;
  }
  async deletePassword() {
    const had = this.v !== null;
    this.v = null;
    return had;
  }
}

let keyringOk: boolean | null = null;
let warned = false;

/**
 * The cipher for auth tests: the real keychain when a Secret Service is reachable (always under
 * scripts/with-keyring.sh); otherwise the same AES-256-GCM cipher with its key held in memory.
 */
export async function testCipher(service: string): Promise<KeyringCipher> {
  if (keyringOk === null) keyringOk = (await probeSecretService()).ok;
  if (keyringOk || REQUIRE_KEYRING) return new KeyringCipher({ service });
  if (!warned) {
    warned = true;
    console.warn('[auth integration] no Secret Service: using KeyringCipher with an in-memory key (run under scripts/with-keyring.sh for the real keychain).');
  }
  const entry = new MemoryEntry();
  return new KeyringCipher({ service, entryFactory: () => entry });
}

export interface AppHarness {
  dataDir: string;
  cipher: KeyringCipher;
  opener: ReturnType<typeof recordingOpener>;
  removed: string[];
  /** A fresh AccountService over the data dir (like an app start). */
  open(extra?: Partial<AccountServiceOptions>): Promise<{ svc: AccountService; vault: TokenVault }>;
  cleanup(): Promise<void>;
}

export async function appHarness(config: OAuthClientConfig, service: string): Promise<AppHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'skimmer-auth-'));
  const cipher = await testCipher(service);
  const opener = recordingOpener();
  const removed: string[] = [];
  const services: AccountService[] = [];
  return {
    dataDir,
    cipher,
    opener,
    removed,
    async open(extra = {}) {
      const store = openSettingsStore(dataDir);
      const vault = await TokenVault.open({ store, ciphers: [cipher] });
      const svc = await AccountService.open({
        store,
        vault,
        clientConfig: config,
        openExternal: opener.openExternal,
        onAccountRemoved: (id) => void removed.push(id),
        ...extra,
      });
      services.push(svc);
      return { svc, vault };
    },
    async cleanup() {
      for (const s of services) s.dispose();
      await cipher.deleteKey().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
