/**
 * Accounts: add (sign in), list, switch, re-authenticate, sign out (account-types.ts holds
 * what they are; managed-client.ts the OAuth client each one refreshes with).
 */
import type { Credentials, OAuth2Client } from 'google-auth-library';
import { log } from '../logging/log';
import { VaultReadError, type StorageMode } from '../secrets/token-vault';
import { ACTIVE_ACCOUNT_STORE_KEY, type PersistedAccount } from './persisted-account';
import { AccountError, keychainLockedMessage, type Account, type AccountServiceOptions, type SignInRequest, type SignOutResult } from './account-types';
import { oauth2Endpoints, type OAuthClientConfig } from './client-config';
import { ManagedOAuth2Client, revokeGrant } from './managed-client';
import { AccountRegistry } from './account-registry';
import { SignInError } from './sign-in-errors';
import { SignInCoordinator, type SignInOptions, type SignInResult } from './sign-in-flow';

/**
 * Accounts: add (sign in), list, switch, re-authenticate, sign out; authorised API clients
 * that refresh in memory. Persisted accounts come back signed in at restart with no browser.
 */
export class AccountService extends AccountRegistry {
  private readonly coordinator = new SignInCoordinator();
  private config: OAuthClientConfig;

  private constructor(options: AccountServiceOptions) {
    super(options);
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
      if (e instanceof VaultReadError && e.locked) throw new AccountError('keychain_locked', keychainLockedMessage(), accountId);
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
    const revoke = token ? await revokeGrant(this.config.revokeUri, token, this.options.revokeTimeoutMs ?? 5000) : 'no_token';
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
    return this.get(accountId)!;
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
}
