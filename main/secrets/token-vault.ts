import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { SkimmerError } from '../../common/errors';
import { decryptWithHint, KeychainLockedError, type Cipher, type CipherId } from './cipher';
import type { KeyValueStore } from '../settings/settings-store';
import { log } from '../logging/log';

/** What the vault keeps per account. Main process only: never send this over IPC. */
export interface StoredToken {
  refreshToken: string;
  scopes: string[];
  email: string;
}

/** The on-disk envelope (inside the settings store). */
export interface TokenEnvelopeV1 {
  v: 1;
  cipher: CipherId;
  ciphertext: string;
  scopes: string[];
  email: string;
}

export type StorageMode = 'encrypted' | 'memory_only';

/** Safe to show anywhere: no secret inside. */
export interface VaultEntryInfo {
  accountId: string;
  email: string;
  scopes: string[];
  /** Where the token lives: an on-disk envelope sealed by this cipher, or this session's memory. */
  storage: CipherId | 'memory';
}

/**
 * An envelope exists but can't be opened now (cipher gone, keychain key replaced, tampered).
 * `locked`: the envelope is fine but the keychain that opens it is locked; keep the token, ask to unlock.
 */
export class VaultReadError extends SkimmerError {
  readonly locked: boolean;

  constructor(
    readonly accountId: string,
    message: string,
    { locked = false } = {},
  ) {
    super('internal', message);
    this.name = locked ? 'VaultLockedError' : 'VaultReadError';
    this.locked = locked;
  }
}

const envelopeSchema = z.object({
  v: z.literal(1),
  cipher: z.enum(['safeStorage', 'keyring']),
  ciphertext: z.string().min(1),
  scopes: z.array(z.string()),
  email: z.string(),
});

export const VAULT_STORE_KEY = 'tokenVault';
const STAGING_STORE_KEY = 'tokenVaultStaging';

export interface TokenVaultOptions {
  store: KeyValueStore;
  /** In order of preference; the first available one seals new tokens. All are tried to open old envelopes. */
  ciphers: Cipher[];
}

/**
 * Per-account refresh tokens, sealed by a Cipher, inside the settings store.
 * No secure cipher available -> tokens live in memory for this session only
 * (`storageMode === 'memory_only'`) and nothing is written; a plaintext token never touches disk.
 */
export class TokenVault {
  private readonly memory = new Map<string, StoredToken>();

  private constructor(
    private readonly store: KeyValueStore,
    private readonly ciphers: Cipher[],
    private readonly active: Cipher | null,
  ) {}

  static async open(options: TokenVaultOptions): Promise<TokenVault> {
    let active: Cipher | null = null;
    for (const c of options.ciphers) {
      if (await c.isAvailable().catch(() => false)) {
        active = c;
        break;
      }
    }
    return new TokenVault(options.store, options.ciphers, active);
  }

  get storageMode(): StorageMode {
    return this.active ? 'encrypted' : 'memory_only';
  }

  /** The cipher sealing new tokens, or null in memory-only mode. */
  get cipherId(): CipherId | null {
    return this.active?.id ?? null;
  }

  async save(accountId: string, token: StoredToken): Promise<void> {
    const copy: StoredToken = { refreshToken: token.refreshToken, scopes: [...token.scopes], email: token.email };
    if (!this.active) {
      // Drop a stale envelope we can't refresh: the new token supersedes it.
      this.deleteEnvelope(accountId);
      this.memory.set(accountId, copy);
      return;
    }
    await this.writeVerified(accountId, copy, this.active);
    this.memory.set(accountId, copy);
  }

  /**
   * The account's token, or null when none is held. Throws VaultReadError when an envelope
   * exists but can't be opened. Opening an envelope sealed by another cipher than the active
   * one migrates it (write new, read back, compare, then drop the old).
   */
  async load(accountId: string): Promise<StoredToken | null> {
    const cached = this.memory.get(accountId);
    if (cached) return { ...cached, scopes: [...cached.scopes] };
    const env = this.readEnvelope(accountId);
    if (!env) return null;
    const cipher = this.ciphers.find((c) => c.id === env.cipher);
    if (!cipher) {
      throw new VaultReadError(accountId, `The token was sealed with "${env.cipher}", which is not available here.`);
    }
    let opened: { plain: string; reEncrypt: boolean };
    try {
      opened = await decryptWithHint(cipher, env.ciphertext);
    } catch (e) {
      if (e instanceof KeychainLockedError) throw new VaultReadError(accountId, e.message, { locked: true });
      throw new VaultReadError(accountId, `The stored token can't be opened: ${e instanceof Error ? e.message : String(e)}`);
    }
    const token: StoredToken = { refreshToken: opened.plain, scopes: env.scopes, email: env.email };
    if (this.active && (this.active.id !== env.cipher || opened.reEncrypt)) {
      // Best effort: on failure the old envelope is untouched and still opens next time.
      await this.writeVerified(accountId, token, this.active).catch((error: unknown) => log.warn('vault', 're-sealing a token failed', { accountId, error }));
    }
    this.memory.set(accountId, token);
    return { ...token, scopes: [...token.scopes] };
  }

  /** Whether a token (on disk or in memory) is held for the account. Does not decrypt. */
  has(accountId: string): boolean {
    return this.memory.has(accountId) || this.readEnvelope(accountId) !== null;
  }

  async delete(accountId: string): Promise<void> {
    this.memory.delete(accountId);
    this.deleteEnvelope(accountId);
    const staging = this.readMap(STAGING_STORE_KEY);
    if (accountId in staging) {
      delete staging[accountId];
      this.store.set(STAGING_STORE_KEY, staging);
    }
  }

  /** Metadata only (no secret): safe for logs and IPC. */
  entries(): VaultEntryInfo[] {
    const out = new Map<string, VaultEntryInfo>();
    for (const [accountId, raw] of Object.entries(this.readMap(VAULT_STORE_KEY))) {
      const env = envelopeSchema.safeParse(raw);
      if (env.success) out.set(accountId, { accountId, email: env.data.email, scopes: env.data.scopes, storage: env.data.cipher });
    }
    for (const [accountId, t] of this.memory) {
      if (!out.has(accountId)) out.set(accountId, { accountId, email: t.email, scopes: t.scopes, storage: 'memory' });
    }
    return [...out.values()];
  }

  /** Re-seal every envelope that isn't under the active cipher. Returns the ids migrated / failed. */
  async migrateAll(): Promise<{ migrated: string[]; failed: string[] }> {
    const migrated: string[] = [];
    const failed: string[] = [];
    if (!this.active) return { migrated, failed };
    for (const [accountId, raw] of Object.entries(this.readMap(VAULT_STORE_KEY))) {
      const env = envelopeSchema.safeParse(raw);
      if (!env.success || env.data.cipher === this.active.id) continue;
      this.memory.delete(accountId);
      try {
        await this.load(accountId);
        if (this.readEnvelope(accountId)?.cipher === this.active.id) migrated.push(accountId);
        else failed.push(accountId);
      } catch (error) {
        log.warn('vault', 'a token could not move to the new keychain', { accountId, error });
        failed.push(accountId);
      }
    }
    return { migrated, failed };
  }

  /** Seal, stage, read the staged copy back, compare, and only then replace the live envelope. */
  private async writeVerified(accountId: string, token: StoredToken, cipher: Cipher): Promise<void> {
    const env: TokenEnvelopeV1 = {
      v: 1,
      cipher: cipher.id,
      ciphertext: await cipher.encrypt(token.refreshToken),
      scopes: [...token.scopes],
      email: token.email,
    };
    const staging = this.readMap(STAGING_STORE_KEY);
    staging[accountId] = env;
    this.store.set(STAGING_STORE_KEY, staging);
    try {
      const back = envelopeSchema.safeParse(this.readMap(STAGING_STORE_KEY)[accountId]);
      if (!back.success) throw new Error('The staged token envelope did not read back.');
      const plain = await cipher.decrypt(back.data.ciphertext);
      if (!sameSecret(plain, token.refreshToken)) throw new Error('The staged token did not decrypt to the same value.');
      const live = this.readMap(VAULT_STORE_KEY);
      live[accountId] = back.data;
      this.store.set(VAULT_STORE_KEY, live);
    } finally {
      const s = this.readMap(STAGING_STORE_KEY);
      delete s[accountId];
      this.store.set(STAGING_STORE_KEY, s);
    }
  }

  private readEnvelope(accountId: string): TokenEnvelopeV1 | null {
    const raw = this.readMap(VAULT_STORE_KEY)[accountId];
    if (raw === undefined) return null;
    const env = envelopeSchema.safeParse(raw);
    return env.success ? env.data : null;
  }

  private deleteEnvelope(accountId: string): void {
    const live = this.readMap(VAULT_STORE_KEY);
    if (accountId in live) {
      delete live[accountId];
      this.store.set(VAULT_STORE_KEY, live);
    }
  }

  private readMap(key: string): Record<string, unknown> {
    const v = this.store.get(key);
    return v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Record<string, unknown>) } : {};
  }
}

function sameSecret(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
