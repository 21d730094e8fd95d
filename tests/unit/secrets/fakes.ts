import type { Cipher, CipherId } from '../../../main/secrets/cipher';
import type { KeyringEntryLike } from '../../../main/secrets/keyring-cipher';

/** An in-memory keychain entry. */
export class FakeEntry implements KeyringEntryLike {
  value: string | null = null;
  reads = 0;
  writes = 0;
  failing = false;
  async getPassword(): Promise<string | null> {
    this.reads += 1;
    if (this.failing) throw new Error('keychain locked');
    return this.value;
  }
  async setPassword(p: string): Promise<void> {
    this.writes += 1;
    if (this.failing) throw new Error('keychain locked');
    this.value = p;
  }
  async deletePassword(): Promise<boolean> {
    const had = this.value !== null;
    this.value = null;
    return had;
  }
}

/** A reversible test cipher (not secure; just tags and reverses + base64). */
export class FakeCipher implements Cipher {
  available = true;
  encryptCalls = 0;
  /** Corrupt what encrypt() returns (to test the read-back check). */
  corruptWrites = false;
  constructor(readonly id: CipherId) {}
  async isAvailable(): Promise<boolean> {
    return this.available;
  }
  async encrypt(plain: string): Promise<string> {
    if (!this.available) throw new Error('unavailable');
    this.encryptCalls += 1;
    const body = Buffer.from([...plain].reverse().join(''), 'utf8').toString('hex');
    return `${this.id}:${this.corruptWrites ? body.slice(2) : body}`;
  }
  async decrypt(ciphertext: string): Promise<string> {
    if (!this.available) throw new Error('unavailable');
    const [tag, body] = ciphertext.split(':');
    if (tag !== this.id || body === undefined) throw new Error('wrong cipher');
    return [...Buffer.from(body, 'hex').toString('utf8')].reverse().join('');
  }
}
