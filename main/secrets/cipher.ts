/**
 * A Cipher turns a secret (a refresh token) into an opaque, versioned string that is safe to
 * write to the settings file, and back. Implementations: SafeStorageCipher (Electron's
 * safeStorage) and KeyringCipher (a key in the OS keychain + AES-256-GCM).
 *
 * Rules for implementations: never log the plaintext; never put it in an error message.
 */
import { SkimmerError } from '../../common/errors';

export type CipherId = 'safeStorage' | 'keyring';

export interface Cipher {
  readonly id: CipherId;
  /** True when this cipher can encrypt and decrypt right now (keychain reachable, etc.). */
  isAvailable(): Promise<boolean>;
  encrypt(plain: string): Promise<string>;
  decrypt(ciphertext: string): Promise<string>;
  /**
   * Optional richer decrypt: `reEncrypt` is true when the platform says the data should be
   * written again (safeStorage's `shouldReEncrypt`, after an OS key rotation).
   */
  decryptDetailed?(ciphertext: string): Promise<{ plain: string; reEncrypt: boolean }>;
}

/** Thrown when a cipher is asked to work but its backend is not usable. */
export class CipherUnavailableError extends SkimmerError {
  constructor(
    readonly cipherId: CipherId,
    message: string,
  ) {
    super('internal', message);
    this.name = 'CipherUnavailableError';
  }
}

/**
 * The keychain is there but locked (Secret Service collection locked, macOS keychain locked):
 * nothing is wrong with the stored tokens, the person only has to unlock it.
 */
export class KeychainLockedError extends CipherUnavailableError {
  constructor(cipherId: CipherId, message: string) {
    super(cipherId, message);
    this.name = 'KeychainLockedError';
  }
}

/**
 * @napi-rs/keyring (keyring-rs) reports a locked store as NoStorageAccess, "Couldn't access
 * platform secure storage: ... locked ..." (Secret Service `Locked`, macOS errSecInteractionNotAllowed).
 */
export function looksLikeLockedKeychain(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /\blocked\b|NoStorageAccess|interaction is not allowed|errSecInteractionNotAllowed/i.test(text);
}

/** Thrown when a ciphertext can't be decrypted (wrong key, tampered, unknown format). */
export class DecryptError extends SkimmerError {
  constructor(
    readonly cipherId: CipherId,
    message: string,
  ) {
    super('internal', message);
    this.name = 'DecryptError';
  }
}

export async function decryptWithHint(cipher: Cipher, ciphertext: string): Promise<{ plain: string; reEncrypt: boolean }> {
  if (cipher.decryptDetailed) return cipher.decryptDetailed(ciphertext);
  return { plain: await cipher.decrypt(ciphertext), reEncrypt: false };
}
