import { describe, it, expect } from 'vitest';
import { KeyringCipher } from '../../../main/secrets/keyring-cipher';
import { CipherUnavailableError, DecryptError } from '../../../main/secrets/cipher';
import { FakeEntry } from './fakes';

function make(entry = new FakeEntry()) {
  const calls: [string, string][] = [];
  const cipher = new KeyringCipher({
    entryFactory: (service, account) => {
      calls.push([service, account]);
      return entry;
    },
  });
  return { cipher, entry, calls };
}

describe('KeyringCipher (fake keychain)', () => {
  it('round-trips text, including non-ASCII', async () => {
    const { cipher } = make();
    for (const s of ['1//0gRefresh-token_abc', '', 'ünïcødé ✓ 🔐']) {
      expect(await cipher.decrypt(await cipher.encrypt(s))).toBe(s);
    }
  });

  it('uses service "Skimmer" and creates a 256-bit key once', async () => {
    const { cipher, entry, calls } = make();
    await cipher.encrypt('a');
    await cipher.encrypt('b');
    await Promise.all([cipher.encrypt('c'), cipher.encrypt('d')]);
    expect(calls[0]?.[0]).toBe('Skimmer');
    expect(entry.writes).toBe(1);
    expect(Buffer.from(entry.value ?? '', 'base64')).toHaveLength(32);
  });

  it('writes a versioned format with a fresh 12-byte nonce each time', async () => {
    const { cipher } = make();
    const a = await cipher.encrypt('same');
    const b = await cipher.encrypt('same');
    expect(a).not.toBe(b);
    for (const c of [a, b]) {
      const parts = c.split(':');
      expect(parts[0]).toBe('kr1');
      expect(Buffer.from(parts[1] ?? '', 'base64url')).toHaveLength(12);
      expect(Buffer.from(parts[3] ?? '', 'base64url')).toHaveLength(16);
    }
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
    expect(a).not.toContain('same');
  });

  it('reuses a key that is already in the keychain (a second instance opens old data)', async () => {
    const entry = new FakeEntry();
    const c1 = make(entry).cipher;
    const sealed = await c1.encrypt('secret');
    const c2 = make(entry).cipher;
    expect(await c2.decrypt(sealed)).toBe('secret');
    expect(entry.writes).toBe(1);
  });

  it('refuses tampered data, unknown versions and a replaced key', async () => {
    const { cipher, entry } = make();
    const sealed = await cipher.encrypt('secret');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[2] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [parts[0], parts[1], body.toString('base64url'), parts[3]].join(':');
    await expect(cipher.decrypt(tampered)).rejects.toBeInstanceOf(DecryptError);
    await expect(cipher.decrypt(sealed.replace(/^kr1/, 'kr9'))).rejects.toBeInstanceOf(DecryptError);
    await expect(cipher.decrypt('garbage')).rejects.toBeInstanceOf(DecryptError);
    entry.value = Buffer.alloc(32, 7).toString('base64');
    const other = make(entry).cipher;
    await expect(other.decrypt(sealed)).rejects.toThrow(/key does not open/);
  });

  it('is unavailable (not throwing) when the keychain fails, and recovers later', async () => {
    const entry = new FakeEntry();
    entry.failing = true;
    const { cipher } = make(entry);
    expect(await cipher.isAvailable()).toBe(false);
    await expect(cipher.encrypt('x')).rejects.toBeInstanceOf(CipherUnavailableError);
    entry.failing = false;
    expect(await cipher.isAvailable()).toBe(true);
  });

  it('is unavailable when the keychain backend cannot even be opened', async () => {
    const cipher = new KeyringCipher({
      entryFactory: () => {
        throw new Error('DBus error: no session bus');
      },
    });
    expect(await cipher.isAvailable()).toBe(false);
    await expect(cipher.encrypt('x')).rejects.toThrow(/OS keychain unavailable/);
  });

  it('rejects a keychain entry that is not a 256-bit key', async () => {
    const entry = new FakeEntry();
    entry.value = 'short';
    const { cipher } = make(entry);
    expect(await cipher.isAvailable()).toBe(false);
  });

  it('never puts the plaintext in error messages', async () => {
    const entry = new FakeEntry();
    entry.failing = true;
    const { cipher } = make(entry);
    const err = await cipher.encrypt('1//SUPER-SECRET').catch((e: Error) => e);
    expect(String((err as Error).message)).not.toContain('SUPER-SECRET');
  });
});
