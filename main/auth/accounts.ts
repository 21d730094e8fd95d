import { OAuth2Client, type Credentials, type OAuth2ClientOptions, type gaxios } from 'google-auth-library';
import { z } from 'zod';
import { oauth2Endpoints, type OAuthClientConfig } from './client-config';
import { TypedEmitter } from '../../common/typed-emitter';
import {
  SignInCoordinator,
  SignInError,
  httpStatusOf,
  isNetworkError,
  oauthErrorOf,
  type SignInOptions,
  type SignInResult,
} from './sign-in-flow';
import type { IgnoredReason } from './loopback-server';
import type { KeyValueStore } from '../settings/settings-store';
import { VaultLockedError, VaultReadError, type StorageMode, type TokenVault } from '../secrets/token-vault';
import { SkimmerError } from '../../common/errors';
import { log } from '../logging/log';

export type AccountState = 'signed_in' | 'refreshing' | 'needs_reauth' | 'signed_out';

/** What the UI sees of an account (no secret inside: safe for IPC). */
export interface Account {
  id: string;
  email: string;
  name: string;
  avatarUrl?: string;
  initials: string;
  state: AccountState;
}

export type AccountErrorCode = 'not_found' | 'needs_sign_in' | 'needs_reauth' | 'offline' | 'keychain_locked' | 'internal';

/** A locked keychain is not a lost sign-in: say what it is and how to fix it. */
export const KEYCHAIN_LOCKED_MESSAGE =
  'Your system keychain is locked. Unlock it (e.g. log in to your desktop session or run `gnome-keyring-daemon --unlock`) and Skimmer will continue.';

/** Thrown by getAuthorizedClient() and by requests made through its client. Carries no token. */
export class AccountError extends SkimmerError {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
    readonly accountId?: string,
    /** HTTP status of the failing answer, when there was one. */
    readonly status?: number,
  ) {
    // keychain_locked travels as an error banner carrying its own unlock instructions, never as needs_reauth.
    super(code === 'keychain_locked' ? 'internal' : code, message, { publicMessage: message });
    this.name = 'AccountError';
  }
}

export interface AccountEvents extends Record<string, unknown[]> {
  /** Any change to the list (added, removed, renamed, state, active). */
  changed: [accounts: Account[]];
  state: [change: { accountId: string; state: AccountState; previous: AccountState }];
  active: [accountId: string | null];
  removed: [accountId: string];
}

export interface AccountServiceOptions {
  /** Settings store (conf) for the account list; the vault may share it. */
  store: KeyValueStore;
  vault: TokenVault;
  clientConfig: OAuthClientConfig;
  /** Opens the consent URL in the system browser (Electron's shell.openExternal; the CLI prints it). */
  openExternal: (url: string) => void | Promise<void>;
  /** Called after an account was signed out and its token wiped: delete its cache here. */
  onAccountRemoved?: (accountId: string) => void | Promise<void>;
  /** Sign-in time-out, default 5 minutes. */
  signInTimeoutMs?: number;
  /** Loopback port for sign-in, default 0 (any). */
  signInPort?: number;
  /** Refresh access tokens this long before they expire. Default 5 minutes. */
  eagerRefreshThresholdMillis?: number;
  /** Time limit for the best-effort revoke at sign-out. Default 5 s. */
  revokeTimeoutMs?: number;
}

export interface SignInRequest {
  signal?: AbortSignal;
  onIgnoredRequest?: (reason: IgnoredReason) => void;
}

export interface SignOutResult {
  /** 'revoked' (or already invalid at Google), 'offline' (could not reach Google), 'no_token'. */
  revoke: 'revoked' | 'offline' | 'failed' | 'no_token';
}

const persistedAccount = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  avatarUrl: z.string().optional(),
  needsReauth: z.boolean().optional(),
  addedAt: z.number().optional(),
});
type PersistedAccount = z.infer<typeof persistedAccount>;

export const ACCOUNTS_STORE_KEY = 'accounts';
export const ACTIVE_ACCOUNT_STORE_KEY = 'activeAccountId';

interface Live {
  meta: PersistedAccount;
  state: AccountState;
  client: ManagedOAuth2Client | null;
  /** A getAuthorizedClient() in flight (so concurrent callers share one client). */
  clientPromise: Promise<ManagedOAuth2Client> | null;
}

/**
 * Accounts: add (sign in), list, switch, re-authenticate, sign out; authorised API clients
 * that refresh in memory. Persisted accounts come back signed in at restart with no browser.
 */
export class AccountService extends TypedEmitter<AccountEvents> {
  private readonly accounts = new Map<string, Live>();
  private active: string | null = null;
  private readonly coordinator = new SignInCoordinator();
  private config: OAuthClientConfig;

  private constructor(private readonly options: AccountServiceOptions) {
    super();
    this.config = options.clientConfig;
  }

  /** Loads the persisted accounts and opens each one's vault entry (which also migrates it). */
  static async open(options: AccountServiceOptions): Promise<AccountService> {
    const svc = new AccountService(options);
    await svc.load();
    return svc;
  }

  get storageMode(): StorageMode {
    return this.options.vault.storageMode;
  }

  get clientConfig(): OAuthClientConfig {
    return this.config;
  }

  /** Switch OAuth client (e.g. after the person imports a client file). Drops live clients. */
  setClientConfig(config: OAuthClientConfig): void {
    this.config = config;
    for (const live of this.accounts.values()) live.client = null;
  }

  list(): Account[] {
    return [...this.accounts.values()].map(toAccount);
  }

  get(accountId: string): Account | undefined {
    const live = this.accounts.get(accountId);
    return live ? toAccount(live) : undefined;
  }

  findByEmail(email: string): Account | undefined {
    const e = email.trim().toLowerCase();
    return this.list().find((a) => a.email.toLowerCase() === e);
  }

  get activeAccountId(): string | null {
    return this.active;
  }

  getActive(): Account | undefined {
    return this.active ? this.get(this.active) : undefined;
  }

  setActive(accountId: string): void {
    if (!this.accounts.has(accountId)) throw new AccountError('not_found', 'No such account.', accountId);
    if (this.active === accountId) return;
    this.active = accountId;
    this.options.store.set(ACTIVE_ACCOUNT_STORE_KEY, accountId);
    this.emit('active', accountId);
    this.emitChanged();
  }

  get signInInProgress(): boolean {
    return this.coordinator.inProgress;
  }

  /** Cancels the sign-in waiting for the browser (it rejects with SignInError 'cancelled'). */
  cancelSignIn(): boolean {
    return this.coordinator.cancel();
  }

  /**
   * Adds an account (or refreshes an existing one) through the browser. The new account
   * becomes the active one. Rejects with SignInError; a second concurrent call rejects with
   * `already_in_progress`.
   */
  async signIn(request: SignInRequest = {}): Promise<Account> {
    return this.runSignIn({ forceConsent: true }, request);
  }

  /** Sign in again for one account (login_hint); prompt=consent only if its refresh token is gone or dead. */
  async reauthenticate(accountId: string, request: SignInRequest = {}): Promise<Account> {
    const live = this.accounts.get(accountId);
    if (!live) throw new AccountError('not_found', 'No such account.', accountId);
    const usable = live.state !== 'needs_reauth' && this.options.vault.has(accountId);
    return this.runSignIn({ forceConsent: !usable, loginHint: live.meta.email }, request);
  }

  /**
   * An OAuth2Client for this account, to hand to @googleapis/gmail (`auth`). It refreshes the
   * access token shortly before expiry (in memory only). A refresh answered `invalid_grant`,
   * or a 401 that survives one refresh, moves the account to `needs_reauth` and the request
   * rejects with AccountError('needs_reauth'); an unreachable token endpoint rejects with
   * AccountError('offline') and leaves the account signed in.
   */
  async getAuthorizedClient(accountId: string): Promise<OAuth2Client> {
    const live = this.accounts.get(accountId);
    if (!live) throw new AccountError('not_found', 'No such account.', accountId);
    if (live.state === 'needs_reauth') throw new AccountError('needs_reauth', 'This account needs to sign in again.', accountId);
    if (live.client) return live.client;
    if (!live.clientPromise) {
      live.clientPromise = this.createClient(accountId).finally(() => {
        live.clientPromise = null;
      });
    }
    return live.clientPromise;
  }

  private async createClient(accountId: string): Promise<ManagedOAuth2Client> {
    let token;
    try {
      token = await this.options.vault.load(accountId);
    } catch (e) {
      log.warn('accounts', 'the stored sign-in could not be opened', { accountId, error: e });
      // Locked: the tokens and cache stay, the state stays; the next call tries again.
      if (e instanceof VaultLockedError) throw new AccountError('keychain_locked', KEYCHAIN_LOCKED_MESSAGE, accountId);
      if (e instanceof VaultReadError) {
        this.setState(accountId, 'needs_reauth');
        throw new AccountError('needs_reauth', 'The stored sign-in could not be opened; please sign in again.', accountId);
      }
      throw e;
    }
    if (!token) {
      this.setState(accountId, 'signed_out');
      throw new AccountError('needs_sign_in', 'This account is signed out.', accountId);
    }
    const live = this.accounts.get(accountId);
    if (!live) throw new AccountError('not_found', 'No such account.', accountId);
    const client = this.makeClient(accountId, { refresh_token: token.refreshToken });
    live.client = client;
    if (live.state === 'signed_out') this.setState(accountId, 'signed_in');
    return client;
  }

  /**
   * Signs out: revokes at Google (best effort, offline is not an error), wipes the vault
   * entry, forgets the account, then calls `onAccountRemoved` (the cache is deleted there).
   */
  async signOut(accountId: string): Promise<SignOutResult> {
    const live = this.accounts.get(accountId);
    if (!live) throw new AccountError('not_found', 'No such account.', accountId);
    const refreshToken = await this.options.vault.load(accountId).then(
      (t) => t?.refreshToken ?? null,
      () => null,
    );
    const token = refreshToken ?? live.client?.credentials.access_token ?? null;
    const revoke = token ? await this.revoke(token) : 'no_token';
    live.client?.setCredentials({});
    await this.options.vault.delete(accountId);
    const previous = live.state;
    this.accounts.delete(accountId);
    this.persist();
    if (this.active === accountId) {
      this.active = this.accounts.keys().next().value ?? null;
      if (this.active) this.options.store.set(ACTIVE_ACCOUNT_STORE_KEY, this.active);
      else this.options.store.delete(ACTIVE_ACCOUNT_STORE_KEY);
      this.emit('active', this.active);
    }
    this.emit('state', { accountId, state: 'signed_out', previous });
    this.emit('removed', accountId);
    this.emitChanged();
    await this.options.onAccountRemoved?.(accountId);
    return { revoke };
  }

  /** Drops listeners and in-memory clients (access tokens). */
  dispose(): void {
    this.coordinator.cancel();
    for (const live of this.accounts.values()) {
      live.client?.setCredentials({});
      live.client = null;
    }
    this.removeAllListeners();
  }

  // ---- internals ----

  private async load(): Promise<void> {
    const raw = this.options.store.get(ACCOUNTS_STORE_KEY);
    const list = Array.isArray(raw) ? raw : [];
    for (const item of list) {
      const p = persistedAccount.safeParse(item);
      if (!p.success) continue;
      let state: AccountState;
      if (p.data.needsReauth) state = 'needs_reauth';
      else {
        try {
          state = (await this.options.vault.load(p.data.id)) ? 'signed_in' : 'signed_out';
        } catch (e) {
          log.warn('accounts', 'a stored sign-in could not be opened at start-up', { accountId: p.data.id, error: e });
          // A locked keychain at start-up is not a lost sign-in: the envelope is still on disk.
          state = e instanceof VaultLockedError ? 'signed_in' : 'needs_reauth';
        }
      }
      this.accounts.set(p.data.id, { meta: p.data, state, client: null, clientPromise: null });
    }
    const active = this.options.store.get(ACTIVE_ACCOUNT_STORE_KEY);
    this.active = typeof active === 'string' && this.accounts.has(active) ? active : (this.accounts.keys().next().value ?? null);
  }

  private async runSignIn(flow: Pick<SignInOptions, 'forceConsent' | 'loginHint'>, request: SignInRequest): Promise<Account> {
    let accountId = '';
    await this.coordinator.signIn({
      config: this.config,
      openExternal: this.options.openExternal,
      forceConsent: flow.forceConsent,
      ...(flow.loginHint ? { loginHint: flow.loginHint } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onIgnoredRequest ? { onIgnoredRequest: request.onIgnoredRequest } : {}),
      ...(this.options.signInTimeoutMs !== undefined ? { timeoutMs: this.options.signInTimeoutMs } : {}),
      ...(this.options.signInPort !== undefined ? { port: this.options.signInPort } : {}),
      // Store before the browser tab says "signed in".
      onResult: async (result) => {
        accountId = result.profile.id;
        await this.adopt(result);
      },
    });
    return toAccount(this.accounts.get(accountId)!);
  }

  /** Store a successful sign-in: vault first, then the account list; the account becomes active. */
  private async adopt(result: SignInResult): Promise<void> {
    const id = result.profile.id;
    const previous = this.accounts.get(id);
    let refreshToken = result.refreshToken;
    if (!refreshToken && previous && previous.state !== 'needs_reauth') {
      refreshToken = (await this.options.vault.load(id).catch(() => null))?.refreshToken ?? null;
    }
    if (!refreshToken) {
      throw new SignInError('oauth_error', 'Google did not grant offline access (no refresh token). Please try again.', 'no_refresh_token');
    }
    try {
      await this.options.vault.save(id, { refreshToken, scopes: result.scopes, email: result.profile.email });
    } catch (error) {
      log.error('accounts', 'the new sign-in could not be stored', { accountId: id, error });
      throw new SignInError('internal', 'Skimmer could not store the sign-in securely.', 'vault_write_failed');
    }
    const meta: PersistedAccount = {
      id,
      email: result.profile.email,
      name: result.profile.name,
      ...(result.profile.picture ? { avatarUrl: result.profile.picture } : {}),
      addedAt: previous?.meta.addedAt ?? Date.now(),
    };
    previous?.client?.setCredentials({});
    const client = this.makeClient(id, {
      refresh_token: refreshToken,
      access_token: result.accessToken,
      ...(result.expiryDate ? { expiry_date: result.expiryDate } : {}),
      token_type: 'Bearer',
    });
    const prevState = previous?.state ?? 'signed_out';
    this.accounts.set(id, { meta, state: 'signed_in', client, clientPromise: null });
    this.persist();
    if (prevState !== 'signed_in') this.emit('state', { accountId: id, state: 'signed_in', previous: prevState });
    if (this.active !== id) {
      this.active = id;
      this.options.store.set(ACTIVE_ACCOUNT_STORE_KEY, id);
      this.emit('active', id);
    }
    this.emitChanged();
  }

  private makeClient(accountId: string, credentials: Credentials): ManagedOAuth2Client {
    const client = new ManagedOAuth2Client(
      {
        clientId: this.config.clientId,
        clientSecret: this.config.clientSecret,
        endpoints: oauth2Endpoints(this.config),
        eagerRefreshThresholdMillis: this.options.eagerRefreshThresholdMillis ?? 5 * 60_000,
      },
      {
        onRefreshStart: () => {
          if (this.accounts.get(accountId)?.state === 'signed_in') this.setState(accountId, 'refreshing');
        },
        onRefreshDone: (tokens) => {
          if (this.accounts.get(accountId)?.state === 'refreshing') this.setState(accountId, 'signed_in');
          // Rotation: Google normally omits refresh_token on refresh; persist a new one if sent.
          const live = this.accounts.get(accountId);
          if (tokens.refresh_token && live && tokens.refresh_token !== credentials.refresh_token) {
            const rotated = tokens.refresh_token;
            credentials.refresh_token = rotated;
            void this.options.vault
              .load(accountId)
              .catch(() => null)
              .then((old) =>
                this.options.vault.save(accountId, {
                  refreshToken: rotated,
                  scopes: tokens.scope ? tokens.scope.split(' ').filter(Boolean) : (old?.scopes ?? []),
                  email: live.meta.email,
                }),
              )
              .catch((error: unknown) => log.error('accounts', 'a rotated refresh token could not be stored', { accountId, error }));
          }
        },
        onRefreshOffline: () => {
          if (this.accounts.get(accountId)?.state === 'refreshing') this.setState(accountId, 'signed_in');
        },
        onNeedsReauth: () => this.markNeedsReauth(accountId),
        accountId,
      },
    );
    client.setCredentials(credentials);
    return client;
  }

  private markNeedsReauth(accountId: string): void {
    const live = this.accounts.get(accountId);
    if (!live) return;
    live.client?.setCredentials({});
    live.client = null;
    live.meta = { ...live.meta, needsReauth: true };
    this.persist();
    this.setState(accountId, 'needs_reauth');
  }

  private setState(accountId: string, state: AccountState): void {
    const live = this.accounts.get(accountId);
    if (!live || live.state === state) return;
    const previous = live.state;
    live.state = state;
    if (state !== 'needs_reauth' && live.meta.needsReauth) {
      live.meta = { ...live.meta, needsReauth: false };
      this.persist();
    }
    this.emit('state', { accountId, state, previous });
    this.emitChanged();
  }

  private persist(): void {
    this.options.store.set(
      ACCOUNTS_STORE_KEY,
      [...this.accounts.values()].map((l) => l.meta),
    );
  }

  private emitChanged(): void {
    this.emit('changed', this.list());
  }

  /** POST the token as a form field (kept out of URLs and logs). */
  private async revoke(token: string): Promise<SignOutResult['revoke']> {
    try {
      const res = await fetch(this.config.revokeUri, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }).toString(),
        signal: AbortSignal.timeout(this.options.revokeTimeoutMs ?? 5000),
      });
      if (res.ok) return 'revoked';
      // Already revoked / unknown: Google answers 400 invalid_token; the grant is gone either way.
      const body = (await res.json().catch(() => null)) as { error?: string } | null;
      return res.status === 400 && (body?.error === 'invalid_token' || body?.error === 'invalid_grant') ? 'revoked' : 'failed';
    } catch {
      return 'offline';
    }
  }
}

interface ClientHooks {
  accountId: string;
  onRefreshStart(): void;
  onRefreshDone(tokens: Credentials): void;
  onRefreshOffline(): void;
  onNeedsReauth(): void;
}

/**
 * OAuth2Client that reports refreshes and turns auth failures into AccountError:
 * a refresh answered `invalid_grant` -> needs_reauth; a 401 -> one forced refresh and replay,
 * a second 401 -> needs_reauth. (The library's own replay also fires on 403, which for Gmail
 * is usually a rate limit; we handle 401 ourselves instead.)
 */
class ManagedOAuth2Client extends OAuth2Client {
  constructor(
    options: OAuth2ClientOptions,
    private readonly hooks: ClientHooks,
  ) {
    super(options);
  }

  protected override async refreshTokenNoCache(refreshToken?: string | null) {
    this.hooks.onRefreshStart();
    try {
      const r = await super.refreshTokenNoCache(refreshToken);
      this.hooks.onRefreshDone(r.tokens);
      return r;
    } catch (e) {
      const oauth = oauthErrorOf(e);
      if (oauth === 'invalid_grant' || oauth === 'unauthorized_client' || oauth === 'invalid_client') {
        this.hooks.onNeedsReauth();
        throw new AccountError('needs_reauth', 'Google no longer accepts this sign-in; please sign in again.', this.hooks.accountId, httpStatusOf(e) ?? undefined);
      }
      this.hooks.onRefreshOffline();
      log.warn('accounts', 'refreshing the sign-in failed', { accountId: this.hooks.accountId, error: e });
      if (isNetworkError(e)) throw new AccountError('offline', 'Could not reach Google to refresh the sign-in.', this.hooks.accountId);
      throw new AccountError('internal', `Refreshing the sign-in failed (HTTP ${httpStatusOf(e) ?? '?'}).`, this.hooks.accountId, httpStatusOf(e) ?? undefined);
    }
  }

  protected override async requestAsync<T>(opts: gaxios.GaxiosOptions, reAuthRetried = false): Promise<gaxios.GaxiosResponse<T>> {
    try {
      // `true`: suppress the library's own 401/403 replay; we do it below for 401 only.
      return await super.requestAsync<T>(opts, true);
    } catch (e) {
      if (httpStatusOf(e) !== 401 || e instanceof AccountError) throw e;
      if (!reAuthRetried && this.credentials.refresh_token) {
        // Forget the rejected access token so the next request refreshes first.
        this.credentials = { ...this.credentials, access_token: undefined, expiry_date: undefined };
        return this.requestAsync<T>(opts, true);
      }
      this.hooks.onNeedsReauth();
      throw new AccountError('needs_reauth', 'Google rejected this account\u2019s access; please sign in again.', this.hooks.accountId, 401);
    }
  }
}

export function initialsOf(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const pick = (w: string) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '';
  const s = first && !first.includes('@') ? pick(first) + (last ? pick(last) : '') : pick(email);
  return (s || '?').toUpperCase();
}

function toAccount(live: Live): Account {
  return {
    id: live.meta.id,
    email: live.meta.email,
    name: live.meta.name,
    ...(live.meta.avatarUrl ? { avatarUrl: live.meta.avatarUrl } : {}),
    initials: initialsOf(live.meta.name, live.meta.email),
    state: live.state,
  };
}
