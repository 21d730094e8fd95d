import { CipherUnavailableError, DecryptError, type Cipher } from './cipher';

/**
 * The part of Electron's `safeStorage` we use: only the asynchronous API (the synchronous one
 * is deprecated and goes away in Electron 46) plus the Linux backend name. Written as an
 * interface so this file never imports 'electron'; main/electron/safe-storage.ts passes the
 * real object.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  getSelectedStorageBackend(): string;
}

export interface SafeStorageCipherOptions {
  /** Defaults to process.platform. */
  platform?: NodeJS.Platform;
  /**
   * The person explicitly accepted weaker storage: on Linux, allow the `basic_text` backend
   * (a hard-coded key, i.e. obfuscation, not encryption). Off by default.
   */
  allowWeakLinuxStorage?: boolean;
}

const VERSION = 'ss1';
/** Linux backends that use a real secret store. */
const SECURE_LINUX_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

/** Output: `ss1:<base64 of safeStorage's bytes>`. Usable only after Electron's `ready`. */
export class SafeStorageCipher implements Cipher {
  readonly id = 'safeStorage' as const;
  private readonly platform: NodeJS.Platform;
  private readonly allowWeak: boolean;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    options: SafeStorageCipherOptions = {},
  ) {
    this.platform = options.platform ?? process.platform;
    this.allowWeak = options.allowWeakLinuxStorage ?? false;
  }

  /** Linux backend name, or null elsewhere. */
  backend(): string | null {
    if (this.platform !== 'linux') return null;
    try {
      return this.safeStorage.getSelectedStorageBackend();
    } catch {
      return 'unknown';
    }
  }

  /** Why the cipher refuses to work, or null when it is fine to use (after isAvailable). */
  weakBackendReason(): string | null {
    const backend = this.backend();
    if (backend === null || this.allowWeak) return null;
    if (SECURE_LINUX_BACKENDS.has(backend)) return null;
    return backend === 'basic_text'
      ? 'No desktop keyring was found (safeStorage backend "basic_text" only obfuscates data).'
      : `The safeStorage backend "${backend}" is not known to be secure.`;
  }

  async isAvailable(): Promise<boolean> {
    try {
      if (!(await this.safeStorage.isAsyncEncryptionAvailable())) return false;
    } catch {
      return false;
    }
    // The backend is only known once the async encryptor has initialised.
    return this.weakBackendReason() === null;
  }

  async encrypt(plain: string): Promise<string> {
    await this.assertUsable();
    const bytes = await this.safeStorage.encryptStringAsync(plain);
    return `${VERSION}:${Buffer.from(bytes).toString('base64')}`;
  }

  async decrypt(ciphertext: string): Promise<string> {
    return (await this.decryptDetailed(ciphertext)).plain;
  }

  async decryptDetailed(ciphertext: string): Promise<{ plain: string; reEncrypt: boolean }> {
    const sep = ciphertext.indexOf(':');
    if (sep < 0 || ciphertext.slice(0, sep) !== VERSION) {
      throw new DecryptError('safeStorage', 'Not a safeStorage ciphertext (unknown format or version).');
    }
    await this.assertUsable();
    try {
      const r = await this.safeStorage.decryptStringAsync(Buffer.from(ciphertext.slice(sep + 1), 'base64'));
      return { plain: r.result, reEncrypt: r.shouldReEncrypt };
    } catch {
      throw new DecryptError('safeStorage', 'safeStorage could not decrypt this data (OS key changed or data altered).');
    }
  }

  private async assertUsable(): Promise<void> {
    if (!(await this.safeStorage.isAsyncEncryptionAvailable())) {
      throw new CipherUnavailableError('safeStorage', 'Electron safeStorage encryption is not available.');
    }
    const reason = this.weakBackendReason();
    if (reason) throw new CipherUnavailableError('safeStorage', reason);
  }
}
