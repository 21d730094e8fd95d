import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { CipherUnavailableError, DecryptError, KeychainLockedError, looksLikeLockedKeychain, type Cipher } from './cipher';

/** The small part of @napi-rs/keyring's AsyncEntry we use (injectable for unit tests). */
export interface KeyringEntryLike {
  getPassword(): Promise<string | null>;
  setPassword(password: string): Promise<void>;
  deletePassword(): Promise<boolean>;
}

export type KeyringEntryFactory = (service: string, account: string) => KeyringEntryLike;

export interface KeyringCipherOptions {
  /** Keychain service name. Default 'Skimmer'. */
  service?: string;
  /** Keychain account (user) name under which the data key is kept. Default 'token-vault-key'. */
  account?: string;
  /**
   * Linux only: pin the credential store. Default 'secret-service' because the kernel keyring
   * (keyutils, @napi-rs/keyring's silent fallback) is in memory and forgets the key at reboot,
   * which would strand every stored token. Pass null to accept the library's auto-fallback.
   */
  linuxStore?: 'secret-service' | 'keyutils' | null;
  /** Replace the real keychain (unit tests). */
  entryFactory?: KeyringEntryFactory;
}

const VERSION = 'kr1';
const AAD = Buffer.from('skimmer:keyring-cipher:v1', 'utf8');
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function defaultEntryFactory(linuxStore: 'secret-service' | 'keyutils' | null): KeyringEntryFactory {
  return (service, account) => {
    const options: EntryOptions | undefined = linuxStore ? { linux: { store: linuxStore } } : undefined;
    const entry = new AsyncEntry(service, account, options);
    return {
      getPassword: () => entry.getPassword(),
      setPassword: (p) => entry.setPassword(p),
      deletePassword: () => entry.deletePassword(),
    };
  };
}

/**
 * A random 256-bit data key, created once and kept in the OS keychain (Secret Service,
 * macOS Keychain, Windows Credential Manager); tokens are sealed with AES-256-GCM under it,
 * a fresh 12-byte nonce per write. Output: `kr1:<nonce>:<ciphertext>:<tag>` (base64url).
 */
export class KeyringCipher implements Cipher {
  readonly id = 'keyring' as const;
  readonly service: string;
  readonly account: string;
  private readonly entryFactory: KeyringEntryFactory;
  private entry: KeyringEntryLike | null = null;
  private keyPromise: Promise<Buffer> | null = null;

  constructor(options: KeyringCipherOptions = {}) {
    this.service = options.service ?? 'Skimmer';
    this.account = options.account ?? 'token-vault-key';
    const linuxStore = options.linuxStore === undefined ? 'secret-service' : options.linuxStore;
    this.entryFactory = options.entryFactory ?? defaultEntryFactory(linuxStore);
  }

  async isAvailable(): Promise<boolean> {
    try {
      await this.key();
      return true;
    } catch {
      return false;
    }
  }

  async encrypt(plain: string): Promise<string> {
    const key = await this.key();
    const nonce = randomBytes(NONCE_BYTES);
    const c = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    c.setAAD(AAD);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const tag = c.getAuthTag();
    return [VERSION, nonce.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join(':');
  }

  async decrypt(ciphertext: string): Promise<string> {
    const parts = ciphertext.split(':');
    if (parts.length !== 4 || parts[0] !== VERSION) {
      throw new DecryptError('keyring', 'Not a keyring-cipher ciphertext (unknown format or version).');
    }
    const nonce = Buffer.from(parts[1] ?? '', 'base64url');
    const body = Buffer.from(parts[2] ?? '', 'base64url');
    const tag = Buffer.from(parts[3] ?? '', 'base64url');
    if (nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) {
      throw new DecryptError('keyring', 'Malformed keyring-cipher ciphertext.');
    }
    const key = await this.key();
    try {
      const d = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      d.setAAD(AAD);
      d.setAuthTag(tag);
      return Buffer.concat([d.update(body), d.final()]).toString('utf8');
    } catch {
      throw new DecryptError('keyring', 'The keychain key does not open this data (key replaced, or data altered).');
    }
  }

  /** Deletes the data key from the keychain (tests, "forget everything"). */
  async deleteKey(): Promise<void> {
    this.keyPromise = null;
    await this.getEntry().deletePassword();
  }

  private getEntry(): KeyringEntryLike {
    if (!this.entry) {
      try {
        this.entry = this.entryFactory(this.service, this.account);
      } catch (e) {
        throw new CipherUnavailableError('keyring', `OS keychain unavailable: ${errorText(e)}`);
      }
    }
    return this.entry;
  }

  private key(): Promise<Buffer> {
    if (!this.keyPromise) {
      this.keyPromise = this.loadOrCreateKey();
      // A failure (keychain locked) must not stick forever: let the next call try again.
      this.keyPromise.catch(() => {
        this.keyPromise = null;
      });
    }
    return this.keyPromise;
  }

  private async loadOrCreateKey(): Promise<Buffer> {
    const entry = this.getEntry();
    let stored: string | null;
    try {
      stored = await entry.getPassword();
    } catch (e) {
      if (looksLikeLockedKeychain(e)) throw new KeychainLockedError('keyring', `The OS keychain is locked: ${errorText(e)}`);
      throw new CipherUnavailableError('keyring', `OS keychain unavailable: ${errorText(e)}`);
    }
    if (stored !== null) return parseKey(stored);
    const fresh = randomBytes(KEY_BYTES).toString('base64');
    try {
      await entry.setPassword(fresh);
      // Read back: if another process created a key at the same moment, use whichever won.
      const back = await entry.getPassword();
      if (back === null) throw new Error('the key did not persist');
      return parseKey(back);
    } catch (e) {
      if (e instanceof CipherUnavailableError) throw e;
      if (looksLikeLockedKeychain(e)) throw new KeychainLockedError('keyring', `The OS keychain is locked: ${errorText(e)}`);
      throw new CipherUnavailableError('keyring', `Could not store a key in the OS keychain: ${errorText(e)}`);
    }
  }
}

function parseKey(stored: string): Buffer {
  const key = Buffer.from(stored, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new CipherUnavailableError('keyring', 'The keychain entry for Skimmer does not hold a valid key.');
  }
  return key;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
