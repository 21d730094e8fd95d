import { describe, it, expect, afterAll } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyringCipher } from '../../../main/secrets/keyring-cipher';
import { TokenVault, VaultReadError } from '../../../main/secrets/token-vault';
import { openSettingsStore } from '../../../main/settings/settings-store';
import { encodingsOf } from '../../unit/secrets/encodings';
import { keyringGate } from './keyring-env';

const gate = await keyringGate('secrets/keyring');
const SERVICE = `SkimmerTest-${process.pid}`;
const dirs: string[] = [];
afterAll(async () => {
  await new KeyringCipher({ service: SERVICE }).deleteKey().catch(() => undefined);
  await new KeyringCipher({ service: `${SERVICE}-2` }).deleteKey().catch(() => undefined);
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe.runIf(gate.run)('KeyringCipher with a real Secret Service', () => {
  it('a Secret Service is reachable', () => {
    expect(gate.status).toEqual({ ok: true });
  });

  it('creates one key in the keychain and round-trips across instances', async () => {
    const a = new KeyringCipher({ service: SERVICE });
    expect(await a.isAvailable()).toBe(true);
    const sealed = await a.encrypt('1//real-keychain-token');
    const b = new KeyringCipher({ service: SERVICE });
    expect(await b.decrypt(sealed)).toBe('1//real-keychain-token');
  });

  it('a deleted or different key cannot open the data', async () => {
    const a = new KeyringCipher({ service: `${SERVICE}-2` });
    const sealed = await a.encrypt('secret');
    await a.deleteKey();
    const b = new KeyringCipher({ service: `${SERVICE}-2` });
    await expect(b.decrypt(sealed)).rejects.toThrow(/key does not open/);
  });

  it('TokenVault on disk: encrypted envelope, no token in the settings file in any encoding, survives a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'skimmer-keyring-vault-'));
    dirs.push(dir);
    const token = '1//0gKeyringIntegration-Refresh_Token.abcdefghijklmnop';
    const vault = await TokenVault.open({ store: openSettingsStore(dir), ciphers: [new KeyringCipher({ service: SERVICE })] });
    expect(vault.storageMode).toBe('encrypted');
    await vault.save('acct-1', { refreshToken: token, scopes: ['https://www.googleapis.com/auth/gmail.readonly'], email: 'ada@example.com' });
    const text = await readFile(join(dir, 'settings.json'), 'utf8');
    const json = JSON.parse(text) as { tokenVault: Record<string, { v: number; cipher: string; ciphertext: string }> };
    expect(json.tokenVault['acct-1']).toMatchObject({ v: 1, cipher: 'keyring', email: 'ada@example.com' });
    expect(json.tokenVault['acct-1']?.ciphertext.startsWith('kr1:')).toBe(true);
    for (const enc of encodingsOf(token)) expect(text).not.toContain(enc);
    const again = await TokenVault.open({ store: openSettingsStore(dir), ciphers: [new KeyringCipher({ service: SERVICE })] });
    expect((await again.load('acct-1'))?.refreshToken).toBe(token);
    // With the keychain key gone the envelope can't be opened: a clear error, not garbage.
    const other = await TokenVault.open({ store: openSettingsStore(dir), ciphers: [new KeyringCipher({ service: `${SERVICE}-other` })] });
    await expect(other.load('acct-1')).rejects.toBeInstanceOf(VaultReadError);
    await new KeyringCipher({ service: `${SERVICE}-other` }).deleteKey();
  });
});
