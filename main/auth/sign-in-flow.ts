import { randomBytes } from 'node:crypto';
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { z } from 'zod';
import { oauth2Endpoints, type OAuthClientConfig } from './client-config';
import { startLoopbackServer, type IgnoredReason, type LoopbackCallback } from './loopback-server';
import { log } from '../logging/log';
import { SignInError, toSignInError } from './sign-in-errors';
import { t } from '../i18n/translate';

/** Least scopes: read mail, and who the person is. */
export const GMAIL_READONLY_SCOPE = 'https://www.googleapis.com/auth/gmail.readonly';
export const SIGN_IN_SCOPES: readonly string[] = Object.freeze([GMAIL_READONLY_SCOPE, 'openid', 'email', 'profile']);

export interface SignInProfile {
  /** Google's stable account id (`id` of userinfo v2, `sub` of OIDC). */
  id: string;
  email: string;
  name: string;
  picture?: string;
}

/** Main-process only (holds tokens): never send over IPC. */
export interface SignInResult {
  profile: SignInProfile;
  /** Null when Google sent none (it may omit it when consent wasn't prompted); keep the one you hold. */
  refreshToken: string | null;
  accessToken: string;
  expiryDate: number | null;
  scopes: string[];
}

export interface SignInOptions {
  config: OAuthClientConfig;
  /** Opens the URL in the system browser (Electron: shell.openExternal; CLI: print it). */
  openExternal: (url: string) => void | Promise<void>;
  /** Pre-selects the account on the consent page (re-authentication). */
  loginHint?: string;
  /** Ask for `prompt=consent`: do it when no usable refresh token is held for the account. */
  forceConsent: boolean;
  signal?: AbortSignal;
  /** Default 5 minutes. */
  timeoutMs?: number;
  /** Loopback port, default 0 (any free one). */
  port?: number;
  onIgnoredRequest?: (reason: IgnoredReason) => void;
  /**
   * Runs after the exchange and before the browser tab is answered (e.g. store the account),
   * so the tab only says "signed in" once that is true. If it throws, the tab shows an error
   * and the flow rejects with that error (mapped to a SignInError).
   */
  onResult?: (result: SignInResult) => Promise<void>;
}

const userinfoSchema = z.object({
  id: z.string().optional(),
  sub: z.string().optional(),
  email: z.string().min(1),
  name: z.string().optional(),
  picture: z.string().optional(),
});

const EXCHANGE_TIMEOUT_MS = 30_000;

/** Rejects with `cancelled` as soon as the signal aborts (the request itself is left to time out). */
function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new SignInError('cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new SignInError('cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** One RFC 8252 loopback + PKCE sign-in, start to finish. */
export async function runSignInFlow(options: SignInOptions): Promise<SignInResult> {
  const { config } = options;
  const state = randomBytes(32).toString('base64url');
  let server;
  try {
    server = await startLoopbackServer({
      state,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      port: options.port,
      onIgnoredRequest: options.onIgnoredRequest,
    });
  } catch (e) {
    throw toSignInError(e);
  }
  let cb: LoopbackCallback | null = null;
  try {
    const client = new OAuth2Client({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      redirectUri: server.redirectUri,
      endpoints: oauth2Endpoints(config),
      // A hanging endpoint must not hold the flow (and the browser tab) forever.
      transporterOptions: { timeout: EXCHANGE_TIMEOUT_MS },
    });
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    if (!codeChallenge) throw new SignInError('internal', undefined, 'no PKCE challenge');
    const url = client.generateAuthUrl({
      scope: [...SIGN_IN_SCOPES],
      state,
      access_type: 'offline',
      code_challenge: codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
      ...(options.forceConsent ? { prompt: 'consent' } : {}),
      ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    });
    try {
      await options.openExternal(url);
    } catch (e) {
      throw new SignInError('internal', 'Skimmer could not open your browser for the sign-in.', e instanceof Error ? e.message : undefined);
    }
    cb = await server.callback;
    if (options.signal?.aborted) throw new SignInError('cancelled');

    let tokens;
    try {
      ({ tokens } = await abortable(client.getToken({ code: cb.code, codeVerifier, redirect_uri: server.redirectUri }), options.signal));
    } catch (e) {
      throw toSignInError(e);
    }
    if (!tokens.access_token) throw new SignInError('oauth_error', undefined, 'no access token');
    const scopes = (tokens.scope ?? cb.params.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
    if (!scopes.includes(GMAIL_READONLY_SCOPE) && !scopes.includes('https://mail.google.com/')) {
      await client
        .revokeToken(tokens.refresh_token ?? tokens.access_token)
        .catch((error: unknown) => log.warn('sign-in', 'revoking a refused grant failed', error));
      throw new SignInError('insufficient_scope');
    }
    client.setCredentials(tokens);
    let info;
    try {
      const res = await abortable(client.request({ url: config.userinfoUri, method: 'GET' }), options.signal);
      info = userinfoSchema.parse(res.data);
    } catch (e) {
      throw e instanceof z.ZodError ? new SignInError('oauth_error', 'Google returned no account details.') : toSignInError(e);
    }
    const id = info.id ?? info.sub;
    if (!id) throw new SignInError('oauth_error', 'Google returned no account id.');
    if (options.signal?.aborted) throw new SignInError('cancelled');
    const profile: SignInProfile = { id, email: info.email, name: info.name ?? info.email, ...(info.picture ? { picture: info.picture } : {}) };
    const result: SignInResult = {
      profile,
      refreshToken: tokens.refresh_token ?? null,
      accessToken: tokens.access_token,
      expiryDate: tokens.expiry_date ?? null,
      scopes,
    };
    await options.onResult?.(result);
    cb.respond('success', t('loopback.signedInAs', { email: profile.email }));
    return result;
  } catch (e) {
    const err = toSignInError(e);
    cb?.respond('error', err.message);
    throw err;
  } finally {
    // After respond(), the listener closes once the page is sent; close() waits for that.
    if (!cb) await server.close();
  }
}

/**
 * At most one sign-in at a time. Decision: a second concurrent `signIn()` is REJECTED with
 * `already_in_progress` (the first browser tab stays valid); the UI offers "Cancel" which calls
 * `cancel()`, after which a new sign-in may start.
 */
export class SignInCoordinator {
  private current: { controller: AbortController; promise: Promise<SignInResult> } | null = null;

  get inProgress(): boolean {
    return this.current !== null;
  }

  signIn(options: SignInOptions): Promise<SignInResult> {
    if (this.current) return Promise.reject(new SignInError('already_in_progress'));
    const controller = new AbortController();
    const outer = options.signal;
    const onOuterAbort = () => controller.abort();
    if (outer?.aborted) controller.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    const promise = runSignInFlow({ ...options, signal: controller.signal }).finally(() => {
      outer?.removeEventListener('abort', onOuterAbort);
      if (this.current?.promise === promise) this.current = null;
    });
    this.current = { controller, promise };
    return promise;
  }

  /** Cancels the sign-in in progress (its promise rejects with `cancelled`). False when none. */
  cancel(): boolean {
    if (!this.current) return false;
    this.current.controller.abort();
    return true;
  }
}
