import { describe, it, expect } from 'vitest';
import { SafeStorageCipher, type SafeStorageLike } from '../../../main/secrets/safe-storage-cipher';
import { CipherUnavailableError, DecryptError } from '../../../main/secrets/cipher';

class FakeSafeStorage implements SafeStorageLike {
  available = true;
  backend = 'gnome_libsecret';
  reEncrypt = false;
  async isAsyncEncryptionAvailable() {
    return this.available;
  }
  async encryptStringAsync(plain: string) {
    return Buffer.concat([Buffer.from('v11'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]);
  }
  async decryptStringAsync(buf: Buffer) {
    if (buf.subarray(0, 3).toString() !== 'v11') throw new Error('bad');
    return { shouldReEncrypt: this.reEncrypt, result: Buffer.from(buf.subarray(3).map((b) => b ^ 0x5a)).toString('utf8') };
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
}

describe('SafeStorageCipher', () => {
  it('round-trips through the async API with a versioned output', async () => {
    const c = new SafeStorageCipher(new FakeSafeStorage(), { platform: 'linux' });
    expect(await c.isAvailable()).toBe(true);
    const sealed = await c.encrypt('1//token');
    expect(sealed.startsWith('ss1:')).toBe(true);
    expect(await c.decrypt(sealed)).toBe('1//token');
  });

  it('refuses Linux basic_text unless the person opted in', async () => {
    const ss = new FakeSafeStorage();
    ss.backend = 'basic_text';
    const strict = new SafeStorageCipher(ss, { platform: 'linux' });
    expect(await strict.isAvailable()).toBe(false);
    expect(strict.weakBackendReason()).toMatch(/basic_text/);
    await expect(strict.encrypt('x')).rejects.toBeInstanceOf(CipherUnavailableError);
    const optedIn = new SafeStorageCipher(ss, { platform: 'linux', allowWeakLinuxStorage: true });
    expect(await optedIn.isAvailable()).toBe(true);
    expect(await optedIn.decrypt(await optedIn.encrypt('x'))).toBe('x');
  });

  it('accepts kwallet backends and refuses unknown ones on Linux', async () => {
    const ss = new FakeSafeStorage();
    for (const b of ['kwallet', 'kwallet5', 'kwallet6', 'gnome_libsecret']) {
      ss.backend = b;
      expect(await new SafeStorageCipher(ss, { platform: 'linux' }).isAvailable()).toBe(true);
    }
    ss.backend = 'unknown';
    expect(await new SafeStorageCipher(ss, { platform: 'linux' }).isAvailable()).toBe(false);
  });

  it('ignores the backend name on macOS and Windows', async () => {
    const ss = new FakeSafeStorage();
    ss.backend = 'basic_text';
    expect(await new SafeStorageCipher(ss, { platform: 'darwin' }).isAvailable()).toBe(true);
    expect(await new SafeStorageCipher(ss, { platform: 'win32' }).isAvailable()).toBe(true);
  });

  it('is unavailable when async encryption is not', async () => {
    const ss = new FakeSafeStorage();
    ss.available = false;
    const c = new SafeStorageCipher(ss, { platform: 'darwin' });
    expect(await c.isAvailable()).toBe(false);
    await expect(c.encrypt('x')).rejects.toBeInstanceOf(CipherUnavailableError);
  });

  it('passes shouldReEncrypt through decryptDetailed', async () => {
    const ss = new FakeSafeStorage();
    const c = new SafeStorageCipher(ss, { platform: 'darwin' });
    const sealed = await c.encrypt('t');
    ss.reEncrypt = true;
    expect(await c.decryptDetailed(sealed)).toEqual({ plain: 't', reEncrypt: true });
  });

  it('rejects foreign or damaged ciphertexts', async () => {
    const c = new SafeStorageCipher(new FakeSafeStorage(), { platform: 'darwin' });
    await expect(c.decrypt('kr1:a:b:c')).rejects.toBeInstanceOf(DecryptError);
    await expect(c.decrypt('ss1:AAAA')).rejects.toBeInstanceOf(DecryptError);
  });
});
