/**
 * The OAuth2Client each signed-in account uses: refreshes in memory, tells the account
 * service how a refresh went, and turns Google's refusals into AccountErrors.
 */
import { OAuth2Client, type Credentials, type OAuth2ClientOptions, type gaxios } from 'google-auth-library';
import { log } from '../logging/log';
import { AccountError, type SignOutResult } from './account-types';
import { httpStatusOf, isNetworkError, oauthErrorOf } from './sign-in-errors';

export interface ClientHooks {
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
export class ManagedOAuth2Client extends OAuth2Client {
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
        const message = 'Google no longer accepts this sign-in; please sign in again.';
        throw new AccountError('needs_reauth', message, this.hooks.accountId, httpStatusOf(e) ?? undefined);
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

/** Revokes a grant: the token goes as a form field (kept out of URLs and logs). */
export async function revokeGrant(revokeUri: string, token: string, timeoutMs: number): Promise<SignOutResult['revoke']> {
  try {
    const res = await fetch(revokeUri, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.ok) return 'revoked';
    // Already revoked / unknown: Google answers 400 invalid_token; the grant is gone either way.
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    return res.status === 400 && (body?.error === 'invalid_token' || body?.error === 'invalid_grant') ? 'revoked' : 'failed';
  } catch {
    return 'offline';
  }
}
