import { describe, it, expect, afterEach } from 'vitest';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenVault, VAULT_STORE_KEY, VaultReadError } from '../../../main/secrets/token-vault';
import { MemoryStore, openSettingsStore } from '../../../main/settings/settings-store';
import { KeyringCipher } from '../../../main/secrets/keyring-cipher';
import { FakeCipher, FakeEntry } from './fakes';
import { encodingsOf } from './encodings';

const TOKEN = '1//0gFAKE-refresh_token.Value-123';
const tok = (refreshToken = TOKEN) => ({ refreshToken, scopes: ['https://www.googleapis.com/auth/gmail.readonly', 'openid'], email: 'ada@example.com' });

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

describe('TokenVault', () => {
  it('stores a versioned envelope { v, cipher, ciphertext, scopes, email } and loads it back', async () => {
    const store = new MemoryStore();
    const vault = await TokenVault.open({ store, ciphers: [new FakeCipher('keyring')] });
    expect(vault.storageMode).toBe('encrypted');
    expect(vault.cipherId).toBe('keyring');
    await vault.save('acc1', tok());
    const env = (store.get(VAULT_STORE_KEY) as Record<string, Record<string, unknown>>).acc1!;
    expect(Object.keys(env).sort()).toEqual(['cipher', 'ciphertext', 'email', 'scopes', 'v']);
    expect(env.v).toBe(1);
    expect(env.cipher).toBe('keyring');
    expect(env.ciphertext).not.toContain(TOKEN);
    const again = await TokenVault.open({ store, ciphers: [new FakeCipher('keyring')] });
    expect(await again.load('acc1')).toEqual(tok());
    expect(again.has('acc1')).toBe(true);
    expect(store.has('tokenVaultStaging') ? Object.keys(store.get('tokenVaultStaging') as object) : []).toEqual([]);
  });

  it('picks the first available cipher', async () => {
    const a = new FakeCipher('safeStorage');
    a.available = false;
    const vault = await TokenVault.open({ store: new MemoryStore(), ciphers: [a, new FakeCipher('keyring')] });
    expect(vault.cipherId).toBe('keyring');
  });

  it('memory-only when no cipher is available: nothing written, token kept for the session', async () => {
    const store = new MemoryStore();
    const c = new FakeCipher('keyring');
    c.available = false;
    const vault = await TokenVault.open({ store, ciphers: [c] });
    expect(vault.storageMode).toBe('memory_only');
    expect(vault.cipherId).toBeNull();
    await vault.save('acc1', tok());
    expect(store.get(VAULT_STORE_KEY)).toBeUndefined();
    expect(await vault.load('acc1')).toEqual(tok());
    expect(vault.entries()).toEqual([{ accountId: 'acc1', email: 'ada@example.com', scopes: tok().scopes, storage: 'memory' }]);
    const next = await TokenVault.open({ store, ciphers: [c] });
    expect(await next.load('acc1')).toBeNull();
  });

  it('entries() exposes no secret', async () => {
    const vault = await TokenVault.open({ store: new MemoryStore(), ciphers: [new FakeCipher('keyring')] });
    await vault.save('acc1', tok());
    const json = JSON.stringify(vault.entries());
    for (const enc of encodingsOf(TOKEN)) expect(json).not.toContain(enc);
    expect(vault.entries()[0]).toMatchObject({ accountId: 'acc1', storage: 'keyring' });
  });

  it('delete() removes the envelope and the memory copy', async () => {
    const store = new MemoryStore();
    const vault = await TokenVault.open({ store, ciphers: [new FakeCipher('keyring')] });
    await vault.save('acc1', tok());
    await vault.save('acc2', tok('other'));
    await vault.delete('acc1');
    expect(vault.has('acc1')).toBe(false);
    expect(await vault.load('acc1')).toBeNull();
    expect(Object.keys(store.get(VAULT_STORE_KEY) as object)).toEqual(['acc2']);
  });

  it('migrates to a newly available cipher: writes new, reads back, then drops the old', async () => {
    const store = new MemoryStore();
    const keyring = new FakeCipher('keyring');
    const safe = new FakeCipher('safeStorage');
    safe.available = false;
    const v1 = await TokenVault.open({ store, ciphers: [safe, keyring] });
    await v1.save('acc1', tok());
    expect(v1.entries()[0]?.storage).toBe('keyring');
    safe.available = true;
    const v2 = await TokenVault.open({ store, ciphers: [safe, keyring] });
    expect(v2.cipherId).toBe('safeStorage');
    expect(await v2.load('acc1')).toEqual(tok());
    const env = (store.get(VAULT_STORE_KEY) as Record<string, { cipher: string }>).acc1!;
    expect(env.cipher).toBe('safeStorage');
    // The old cipher is no longer needed to open it.
    keyring.available = false;
    const v3 = await TokenVault.open({ store, ciphers: [safe, keyring] });
    expect(await v3.load('acc1')).toEqual(tok());
  });

  it('a migration whose read-back fails keeps the old envelope intact', async () => {
    const store = new MemoryStore();
    const keyring = new FakeCipher('keyring');
    const v1 = await TokenVault.open({ store, ciphers: [keyring] });
    await v1.save('acc1', tok());
    const before = JSON.stringify(store.get(VAULT_STORE_KEY));
    const safe = new FakeCipher('safeStorage');
    safe.corruptWrites = true;
    const v2 = await TokenVault.open({ store, ciphers: [safe, keyring] });
    expect(await v2.load('acc1')).toEqual(tok());
    expect(JSON.stringify(store.get(VAULT_STORE_KEY))).toBe(before);
    const report = await (await TokenVault.open({ store, ciphers: [safe, keyring] })).migrateAll();
    expect(report).toEqual({ migrated: [], failed: ['acc1'] });
    safe.corruptWrites = false;
    const report2 = await (await TokenVault.open({ store, ciphers: [safe, keyring] })).migrateAll();
    expect(report2).toEqual({ migrated: ['acc1'], failed: [] });
  });

  it('save() refuses to replace a token when the read-back does not match', async () => {
    const store = new MemoryStore();
    const c = new FakeCipher('keyring');
    const vault = await TokenVault.open({ store, ciphers: [c] });
    await vault.save('acc1', tok('old-token'));
    c.corruptWrites = true;
    await expect(vault.save('acc1', tok('new-token'))).rejects.toThrow(/did not decrypt to the same value/);
    c.corruptWrites = false;
    const fresh = await TokenVault.open({ store, ciphers: [c] });
    expect((await fresh.load('acc1'))?.refreshToken).toBe('old-token');
  });

  it('an envelope that cannot be opened raises VaultReadError', async () => {
    const store = new MemoryStore();
    await (await TokenVault.open({ store, ciphers: [new FakeCipher('safeStorage')] })).save('acc1', tok());
    const onlyKeyring = await TokenVault.open({ store, ciphers: [new FakeCipher('keyring')] });
    await expect(onlyKeyring.load('acc1')).rejects.toBeInstanceOf(VaultReadError);
    const broken = new FakeCipher('safeStorage');
    broken.available = false;
    await expect((await TokenVault.open({ store, ciphers: [broken] })).load('acc1')).rejects.toBeInstanceOf(VaultReadError);
  });

  it('the settings file on disk never holds the refresh token in any encoding (conf + AES-GCM)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'skimmer-vault-'));
    dirs.push(dir);
    const store = openSettingsStore(dir);
    const cipher = new KeyringCipher({ entryFactory: () => new FakeEntry() });
    const vault = await TokenVault.open({ store, ciphers: [cipher] });
    await vault.save('109876543210', tok());
    const files = await readdir(dir);
    expect(files).toContain('settings.json');
    const text = await readFile(join(dir, 'settings.json'), 'utf8');
    expect(text).toContain('"ciphertext"');
    for (const enc of encodingsOf(TOKEN)) expect(text).not.toContain(enc);
    expect((await stat(join(dir, 'settings.json'))).mode & 0o077).toBe(0);
  });
});
