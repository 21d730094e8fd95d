import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { GMAIL_READONLY_SCOPE, SignInCoordinator, runSignInFlow } from '../../../main/auth/sign-in-flow';
import { SIGN_IN_MESSAGES, SignInError, toSignInError } from '../../../main/auth/sign-in-errors';
import { LoopbackError } from '../../../main/auth/loopback-server';
import { playBrowser, startFakeGoogle, type FakeGoogle } from './fake-google';

let g: FakeGoogle;
beforeEach(async () => {
  g = await startFakeGoogle();
});
afterEach(async () => {
  await g.close();
});

/** openExternal that plays the browser in the background and keeps what it saw. */
function browser() {
  const seen: { url?: string; result?: Promise<{ status: number; body: string; location: string | null }> } = {};
  return {
    seen,
    openExternal: (url: string) => {
      seen.url = url;
      seen.result = playBrowser(url);
    },
  };
}

describe('runSignInFlow (hand-made token endpoint)', () => {
  it('builds a PKCE S256, offline, least-scope URL and exchanges the code with the verifier', async () => {
    const b = browser();
    const r = await runSignInFlow({ config: g.config, openExternal: b.openExternal, forceConsent: true });
    expect(r.profile).toEqual({ id: '1001', email: 'ada@example.com', name: 'Ada Lovelace', picture: 'https://example.com/a.png' });
    expect(r.refreshToken).toMatch(/^1\/\//);
    expect(r.accessToken).toMatch(/^ya29\./);
    expect(r.expiryDate).toBeGreaterThan(Date.now());
    expect(r.scopes).toContain(GMAIL_READONLY_SCOPE);
    const p = g.lastAuthParams!;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe('client-1');
    expect(p.get('access_type')).toBe('offline');
    expect(p.get('prompt')).toBe('consent');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('scope')?.split(' ').sort()).toEqual([GMAIL_READONLY_SCOPE, 'email', 'openid', 'profile'].sort());
    expect(p.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2callback$/);
    expect(p.get('state')?.length).toBeGreaterThanOrEqual(32);
    const tokenReq = g.tokenRequests[0]!;
    expect(
      createHash('sha256')
        .update(tokenReq.get('code_verifier') ?? '')
        .digest('base64url'),
    ).toBe(p.get('code_challenge'));
    const page = await b.seen.result!;
    expect(page.status).toBe(200);
    expect(page.body).toContain('Signed in as ada@example.com');
  });

  it('omits prompt=consent when not forced, and passes login_hint', async () => {
    const b = browser();
    await runSignInFlow({ config: g.config, openExternal: b.openExternal, forceConsent: false, loginHint: 'ada@example.com' });
    expect(g.lastAuthParams!.get('prompt')).toBeNull();
    expect(g.lastAuthParams!.get('login_hint')).toBe('ada@example.com');
  });

  it('denied', async () => {
    g.mode = 'deny';
    const b = browser();
    const err = await runSignInFlow({ config: g.config, openExternal: b.openExternal, forceConsent: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    expect(err).toMatchObject({ code: 'denied', message: SIGN_IN_MESSAGES.denied });
    expect((await b.seen.result!).body).toContain('data-result="denied"');
  });

  it('timed_out', async () => {
    g.mode = 'page';
    const b = browser();
    await expect(runSignInFlow({ config: g.config, openExternal: b.openExternal, forceConsent: true, timeoutMs: 100 })).rejects.toMatchObject({
      code: 'timed_out',
    });
  });

  it('cancelled', async () => {
    g.mode = 'page';
    const ac = new AbortController();
    const p = runSignInFlow({ config: g.config, openExternal: () => void setTimeout(() => ac.abort(), 20), forceConsent: true, signal: ac.signal });
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('cancel during a hanging code exchange ends the flow promptly', async () => {
    g.hangToken = true;
    const ac = new AbortController();
    const b = browser();
    const p = runSignInFlow({ config: g.config, openExternal: b.openExternal, forceConsent: true, signal: ac.signal });
    while (g.tokenRequests.length === 0 && !b.seen.url) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    expect((await b.seen.result!).body).toContain('data-result="error"');
  });

  it('network: the token endpoint is unreachable', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as { port: number }).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const b = browser();
    const err = await runSignInFlow({
      config: { ...g.config, tokenUri: `http://127.0.0.1:${port}/token` },
      openExternal: b.openExternal,
      forceConsent: true,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'network' });
    const page = await b.seen.result!;
    expect(page.body).toContain('data-result="error"');
  }, 20_000);

  it('insufficient_scope when the person unticks Gmail (and the grant is revoked)', async () => {
    g.grantScopes = ['openid', 'email'];
    const b = browser();
    await expect(runSignInFlow({ config: g.config, openExternal: b.openExternal, forceConsent: true })).rejects.toMatchObject({ code: 'insufficient_scope' });
    expect(g.revoked).toHaveLength(1);
  });

  it('port_unavailable when the loopback port is taken', async () => {
    const other = createServer();
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (other.address() as { port: number }).port;
    await expect(runSignInFlow({ config: g.config, openExternal: () => undefined, forceConsent: true, port })).rejects.toMatchObject({
      code: 'port_unavailable',
    });
    await new Promise<void>((r) => other.close(() => r()));
  });

  it('internal when the browser cannot be opened', async () => {
    await expect(runSignInFlow({ config: g.config, openExternal: () => Promise.reject(new Error('no browser')), forceConsent: true })).rejects.toMatchObject({
      code: 'internal',
    });
  });
});

describe('SignInCoordinator', () => {
  it('rejects a second concurrent sign-in with already_in_progress; the first still completes', async () => {
    const c = new SignInCoordinator();
    let url = '';
    const first = c.signIn({ config: g.config, openExternal: (u) => void (url = u), forceConsent: true });
    expect(c.inProgress).toBe(true);
    await expect(c.signIn({ config: g.config, openExternal: () => undefined, forceConsent: true })).rejects.toMatchObject({ code: 'already_in_progress' });
    while (!url) await new Promise((r) => setTimeout(r, 5));
    await playBrowser(url);
    expect((await first).profile.email).toBe('ada@example.com');
    expect(c.inProgress).toBe(false);
  });

  it('cancel() ends the one in progress, then a new one may start', async () => {
    g.mode = 'page';
    const c = new SignInCoordinator();
    let opened = false;
    const first = c.signIn({ config: g.config, openExternal: () => void (opened = true), forceConsent: true });
    while (!opened) await new Promise((r) => setTimeout(r, 5));
    expect(c.cancel()).toBe(true);
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
    expect(c.cancel()).toBe(false);
    g.mode = 'allow';
    const b = browser();
    expect((await c.signIn({ config: g.config, openExternal: b.openExternal, forceConsent: true })).profile.id).toBe('1001');
  });
});

describe('toSignInError', () => {
  it('maps OAuth bodies, loopback errors and network errors to the closed set without keeping the raw error', () => {
    const gaxiosLike = (error: string) =>
      Object.assign(new Error(error), { response: { status: 400, data: { error } }, config: { data: 'refresh_token=SECRET' } });
    expect(toSignInError(gaxiosLike('invalid_grant')).code).toBe('invalid_grant');
    expect(toSignInError(gaxiosLike('redirect_uri_mismatch')).code).toBe('redirect_mismatch');
    expect(toSignInError(gaxiosLike('invalid_client')).code).toBe('oauth_error');
    expect(toSignInError(new LoopbackError('port_unavailable', 'x')).code).toBe('port_unavailable');
    expect(toSignInError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })).code).toBe('network');
    expect(toSignInError(new Error('boom')).code).toBe('internal');
    const mapped = toSignInError(gaxiosLike('invalid_grant'));
    expect(JSON.stringify({ ...mapped, m: mapped.message })).not.toContain('SECRET');
    expect((mapped as { cause?: unknown }).cause).toBeUndefined();
  });
});
