/** OAuth 2.0 against the emulator, driven by the real google-auth-library. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmail } from '@googleapis/gmail';
import { CodeChallengeMethod } from 'google-auth-library';
import { ALICE, BOB, consent, LABELS, oauthClient, READONLY, REDIRECT, signIn, startFixture, type Fixture } from './helpers';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.cleanup();
});

/** The GaxiosError's response body and status. */
async function failure(p: Promise<unknown>): Promise<{ status: number; data: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    const r = (e as { response?: { status: number; data: Record<string, unknown> } }).response;
    if (!r) throw e;
    return { status: r.status, data: r.data };
  }
  throw new Error('expected a failure');
}

async function authCode(
  opts: { challenge?: string; method?: CodeChallengeMethod; scope?: string[]; state?: string; redirectUri?: string; account?: string } = {},
) {
  const client = oauthClient(f.emu, opts.redirectUri ? { redirectUri: opts.redirectUri } : {});
  const url = client.generateAuthUrl({
    scope: opts.scope ?? [READONLY, 'openid', 'email'],
    state: opts.state ?? 'xyz',
    login_hint: opts.account ?? ALICE,
    ...(opts.challenge ? { code_challenge: opts.challenge, code_challenge_method: opts.method ?? CodeChallengeMethod.S256 } : {}),
  });
  const loc = await consent(f.emu.baseUrl, url);
  return { client, loc, code: loc.searchParams.get('code')! };
}

async function tokenPost(form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(f.emu.tokenUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('loopback flow with PKCE (google-auth-library)', () => {
  it('issues access, refresh and ID tokens; redirect carries code, state, scope, iss', async () => {
    const client = oauthClient(f.emu);
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const url = client.generateAuthUrl({
      scope: [READONLY, 'openid', 'email', 'profile'],
      state: 'state-123',
      access_type: 'offline',
      login_hint: ALICE,
      code_challenge: codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
    });
    const loc = await consent(f.emu.baseUrl, url);
    expect(`${loc.origin}${loc.pathname}`).toBe(REDIRECT);
    expect(loc.searchParams.get('state')).toBe('state-123');
    expect(loc.searchParams.get('code')).toMatch(/^4\/0/);
    expect(loc.searchParams.get('scope')!.split(' ')).toEqual(
      expect.arrayContaining([READONLY, 'openid', 'email', 'https://www.googleapis.com/auth/userinfo.email']),
    );
    expect(loc.searchParams.get('iss')).toBe(f.emu.issuer);

    const { tokens } = await client.getToken({ code: loc.searchParams.get('code')!, codeVerifier });
    expect(tokens.access_token).toMatch(/^ya29\./);
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expiry_date).toBeGreaterThan(Date.now() + 3000_000);
    expect(tokens.scope!.split(' ')).toEqual(expect.arrayContaining([READONLY, 'openid', 'https://www.googleapis.com/auth/userinfo.email']));

    // ID token: RS256, verified by the real library against the emulator's certs.
    const ticket = await client.verifyIdToken({ idToken: tokens.id_token!, audience: f.emu.clientId });
    const payload = ticket.getPayload()!;
    expect(payload.email).toBe(ALICE);
    expect(payload.email_verified).toBe(true);
    expect(payload.name).toBe('Alice Liddell');
    expect(payload.sub).toMatch(/^\d{21}$/);

    client.setCredentials(tokens);
    const info = await client.getTokenInfo(tokens.access_token!);
    expect(info.email).toBe(ALICE);
    expect(info.aud).toBe(f.emu.clientId);
    expect(info.scopes).toContain(READONLY);

    const v2 = await client.request<Record<string, unknown>>({ url: f.emu.userinfoUri });
    expect(v2.data).toMatchObject({ email: ALICE, verified_email: true, name: 'Alice Liddell', given_name: 'Alice', family_name: 'Liddell' });
    const oidc = await client.request<Record<string, unknown>>({ url: f.emu.oidcUserinfoUri });
    expect(oidc.data).toMatchObject({ email: ALICE, email_verified: true, sub: payload.sub });
    const v3 = await client.request<Record<string, unknown>>({ url: `${f.emu.baseUrl}/oauth2/v3/userinfo` });
    expect(v3.data.sub).toBe(payload.sub);

    const g = gmail({ version: 'v1', auth: client, rootUrl: f.emu.gmailRootUrl });
    expect((await g.users.getProfile({ userId: 'me' })).data.emailAddress).toBe(ALICE);
  });

  it('shows the consent page with login_hint preselected, and signs in the chosen account', async () => {
    const client = oauthClient(f.emu);
    const url = client.generateAuthUrl({ scope: [READONLY], login_hint: BOB });
    const html = await (await fetch(url)).text();
    expect(html).toContain('<form');
    expect(html).toMatch(new RegExp(`value="${BOB}" checked`));
    expect(html).toContain('View your email messages and settings');
    expect(html).not.toMatch(/<(script|link)\b/i);
    const { tokens } = await client.getToken((await consent(f.emu.baseUrl, url)).searchParams.get('code')!);
    client.setCredentials(tokens);
    const g = gmail({ version: 'v1', auth: client, rootUrl: f.emu.gmailRootUrl });
    expect((await g.users.getProfile({ userId: 'me' })).data.emailAddress).toBe(BOB);
  });

  it('supports the plain PKCE method', async () => {
    const verifier = 'a'.repeat(43) + '-._~0123456789';
    const { client, code } = await authCode({ challenge: verifier, method: CodeChallengeMethod.Plain });
    const { tokens } = await client.getToken({ code, codeVerifier: verifier });
    expect(tokens.access_token).toBeTruthy();
  });

  it('deny redirects with error=access_denied and the state', async () => {
    const client = oauthClient(f.emu);
    const url = client.generateAuthUrl({ scope: [READONLY], state: 'keep-me' });
    const loc = await consent(f.emu.baseUrl, url, { decision: 'deny' });
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('keep-me');
    expect(loc.searchParams.has('code')).toBe(false);
  });

  it('grants only the ticked scopes (partial consent)', async () => {
    const client = oauthClient(f.emu);
    const url = client.generateAuthUrl({ scope: [READONLY, LABELS] });
    const loc = await consent(f.emu.baseUrl, url, { uncheck: [READONLY] });
    expect(loc.searchParams.get('scope')).toBe(LABELS);
    const { tokens } = await client.getToken(loc.searchParams.get('code')!);
    expect(tokens.scope).toBe(LABELS);
  });

  it('include_granted_scopes adds earlier grants; nonce lands in the ID token', async () => {
    const fresh = f.emu.registerClient({ type: 'installed' });
    const client = oauthClient(f.emu, { clientId: fresh.clientId, clientSecret: fresh.clientSecret });
    await consent(f.emu.baseUrl, client.generateAuthUrl({ scope: [LABELS], login_hint: ALICE }));
    const loc = await consent(
      f.emu.baseUrl,
      client.generateAuthUrl({ scope: ['openid', 'email'], login_hint: ALICE, include_granted_scopes: true, nonce: 'n-0S6' }),
    );
    const { tokens } = await client.getToken(loc.searchParams.get('code')!);
    expect(tokens.scope!.split(' ')).toEqual(expect.arrayContaining([LABELS, 'openid']));
    const ticket = await client.verifyIdToken({ idToken: tokens.id_token!, audience: fresh.clientId });
    expect(ticket.getPayload()!.nonce).toBe('n-0S6');
  });

  it('accepts any loopback port and host form for the desktop client', async () => {
    for (const uri of ['http://127.0.0.1:1/', 'http://[::1]:65000/cb', 'http://localhost:8080/x?y=1']) {
      const { loc, code } = await authCode({ redirectUri: uri });
      expect(code).toBeTruthy();
      expect(loc.toString().startsWith(uri.split('?')[0]!)).toBe(true);
    }
  });
});

describe('token endpoint errors', () => {
  it('codes are single-use; a replay also revokes what the code minted', async () => {
    const { client, code } = await authCode();
    const { tokens } = await client.getToken(code);
    const again = await failure(client.getToken(code));
    expect(again).toEqual({ status: 400, data: { error: 'invalid_grant', error_description: 'Bad Request' } });
    const info = await fetch(`${f.emu.tokeninfoUri}?access_token=${tokens.access_token}`);
    expect(info.status).toBe(400);
  });

  it('unknown code -> invalid_grant; expired code -> invalid_grant', async () => {
    expect(
      (
        await tokenPost({
          grant_type: 'authorization_code',
          code: '4/0nope',
          client_id: f.emu.clientId,
          client_secret: f.emu.clientSecret,
          redirect_uri: REDIRECT,
        })
      ).body,
    ).toEqual({
      error: 'invalid_grant',
      error_description: 'Malformed auth code.',
    });
    f.emu.state.oauth.codeTtlSeconds = 0;
    try {
      const { client, code } = await authCode();
      await new Promise((r) => setTimeout(r, 5));
      expect(await failure(client.getToken(code))).toMatchObject({ status: 400, data: { error: 'invalid_grant' } });
    } finally {
      f.emu.state.oauth.codeTtlSeconds = 600;
    }
  });

  it('PKCE: missing verifier and wrong verifier', async () => {
    const c = oauthClient(f.emu);
    const { codeChallenge } = await c.generateCodeVerifierAsync();
    const a = await authCode({ challenge: codeChallenge });
    expect(await failure(a.client.getToken({ code: a.code }))).toEqual({
      status: 400,
      data: { error: 'invalid_grant', error_description: 'Missing code verifier.' },
    });
    const b = await authCode({ challenge: codeChallenge });
    expect(await failure(b.client.getToken({ code: b.code, codeVerifier: 'x'.repeat(64) }))).toMatchObject({ status: 400, data: { error: 'invalid_grant' } });
  });

  it('client authentication: missing secret, wrong secret, unknown client, HTTP Basic', async () => {
    const { code } = await authCode();
    const base = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
    expect(await tokenPost({ ...base, client_id: f.emu.clientId })).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'client_secret is missing.' },
    });
    expect(await tokenPost({ ...base, client_id: f.emu.clientId, client_secret: 'wrong' })).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Unauthorized' },
    });
    expect(await tokenPost({ ...base, client_id: 'nobody.apps.googleusercontent.com', client_secret: 'x' })).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' },
    });
    const basic = Buffer.from(`${f.emu.clientId}:${f.emu.clientSecret}`).toString('base64');
    const ok = await tokenPost(base, { authorization: `Basic ${basic}` });
    expect(ok.status).toBe(200);
    expect(ok.body.access_token).toBeTruthy();
  });

  it('redirect_uri must match; missing code and bad grant_type', async () => {
    const { code } = await authCode();
    const creds = { client_id: f.emu.clientId, client_secret: f.emu.clientSecret };
    expect(await tokenPost({ ...creds, grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:9/other' })).toEqual({
      status: 400,
      body: { error: 'redirect_uri_mismatch', error_description: 'Bad Request' },
    });
    expect(await tokenPost({ ...creds, grant_type: 'authorization_code', redirect_uri: REDIRECT })).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Missing required parameter: code' },
    });
    expect(await tokenPost({ ...creds, grant_type: 'password' })).toEqual({
      status: 400,
      body: { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: password' },
    });
    expect((await tokenPost({ ...creds })).body.error).toBe('invalid_request');
    const bad = await fetch(f.emu.tokenUri, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_request');
  });
});

describe('refresh, expiry and revocation', () => {
  it('refresh returns a new access token, no refresh_token, and an id_token for openid', async () => {
    const { tokens } = await signIn(f.emu, ALICE);
    const r = await tokenPost({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      client_id: f.emu.clientId,
      client_secret: f.emu.clientSecret,
    });
    expect(r.status).toBe(200);
    expect(r.body.access_token).not.toBe(tokens.access_token);
    expect(r.body.refresh_token).toBeUndefined();
    expect(r.body.id_token).toBeTruthy();
    expect(r.body.expires_in).toBe(3599);
  });

  it('an expired access token gets 401 with WWW-Authenticate; the library refreshes and carries on', async () => {
    const { client, tokens } = await signIn(f.emu, ALICE);
    expect(f.emu.expireAccessTokens(ALICE)).toBeGreaterThan(0);
    const res = await fetch(`${f.emu.baseUrl}/gmail/v1/users/me/profile`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="https://accounts.google.com/", error="invalid_token"');
    expect(await res.json()).toMatchObject({
      error: {
        code: 401,
        status: 'UNAUTHENTICATED',
        errors: [{ reason: 'authError', message: 'Invalid Credentials', domain: 'global', location: 'Authorization', locationType: 'header' }],
      },
    });
    // The library refreshes when it believes the token expired.
    client.setCredentials({ ...tokens, expiry_date: Date.now() - 1 });
    const g = gmail({ version: 'v1', auth: client, rootUrl: f.emu.gmailRootUrl });
    expect((await g.users.getProfile({ userId: 'me' })).data.emailAddress).toBe(ALICE);
    expect(client.credentials.access_token).not.toBe(tokens.access_token);
  });

  it('short token lifetimes are honoured', async () => {
    f.emu.state.oauth.accessTokenTtlSeconds = 1;
    try {
      const { tokens } = await signIn(f.emu, BOB);
      expect(tokens.expiry_date! - Date.now()).toBeLessThanOrEqual(1000);
      await new Promise((r) => setTimeout(r, 1100));
      const res = await fetch(`${f.emu.baseUrl}/gmail/v1/users/me/profile`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(res.status).toBe(401);
    } finally {
      f.emu.state.oauth.accessTokenTtlSeconds = 3599;
    }
  });

  it('revokeToken kills the grant; refresh then fails with invalid_grant; a second revoke is invalid_token', async () => {
    const { client, tokens } = await signIn(f.emu, BOB);
    const r = await client.revokeToken(tokens.access_token!);
    expect(r.status).toBe(200);
    const refresh = await tokenPost({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token!,
      client_id: f.emu.clientId,
      client_secret: f.emu.clientSecret,
    });
    expect(refresh).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } });
    expect(await failure(client.revokeToken(tokens.refresh_token!))).toEqual({
      status: 400,
      data: { error: 'invalid_token', error_description: 'Token expired or revoked' },
    });
    const res = await fetch(`${f.emu.baseUrl}/gmail/v1/users/me/profile`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(res.status).toBe(401);
  });

  it('revoke via form body and via the test hook', async () => {
    const { tokens } = await signIn(f.emu, ALICE);
    const res = await fetch(f.emu.revokeUri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(tokens.refresh_token!)}`,
    });
    expect(res.status).toBe(200);
    const second = await signIn(f.emu, ALICE);
    const hook = await fetch(`${f.emu.hooksUrl}/tokens/revoke`, { method: 'POST', body: JSON.stringify({ email: ALICE }) });
    expect(((await hook.json()) as { revoked: number }).revoked).toBeGreaterThan(0);
    const r = await fetch(`${f.emu.baseUrl}/gmail/v1/users/me/profile`, { headers: { authorization: `Bearer ${second.tokens.access_token}` } });
    expect(r.status).toBe(401);
  });

  it('tokeninfo answers strings; bad tokens are invalid_token', async () => {
    const { tokens } = await signIn(f.emu, ALICE);
    const ok = (await (await fetch(`${f.emu.baseUrl}/oauth2/v3/tokeninfo?access_token=${tokens.access_token}`)).json()) as Record<string, unknown>;
    expect(ok).toMatchObject({ aud: f.emu.clientId, azp: f.emu.clientId, email: ALICE, email_verified: 'true' });
    expect(typeof ok.expires_in).toBe('string');
    const idt = (await (await fetch(`${f.emu.tokeninfoUri}?id_token=${tokens.id_token}`)).json()) as Record<string, unknown>;
    expect(idt).toMatchObject({ aud: f.emu.clientId, email: ALICE, email_verified: 'true', alg: 'RS256' });
    const bad = await fetch(`${f.emu.tokeninfoUri}?access_token=nope`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid_token', error_description: 'Invalid Value' });
    const ui = await fetch(f.emu.userinfoUri, { headers: { authorization: 'Bearer nope' } });
    expect(ui.status).toBe(401);
  });
});

describe('authorization endpoint errors (error page, no redirect)', () => {
  const auth = (params: Record<string, string>) => fetch(`${f.emu.authUri}?${new URLSearchParams(params)}`, { redirect: 'manual' });
  const good = () => ({ client_id: f.emu.clientId, redirect_uri: REDIRECT, response_type: 'code', scope: READONLY });

  it.each([
    ['unknown client', { client_id: 'nobody.apps.googleusercontent.com' }, 401, 'invalid_client'],
    ['missing client_id', { client_id: '' }, 400, 'invalid_request'],
    ['non-loopback redirect', { redirect_uri: 'https://evil.example/cb' }, 400, 'redirect_uri_mismatch'],
    ['https loopback', { redirect_uri: 'https://127.0.0.1:8080/' }, 400, 'redirect_uri_mismatch'],
    ['OOB redirect', { redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' }, 400, 'invalid_request'],
    ['missing response_type', { response_type: '' }, 400, 'invalid_request'],
    ['token response_type', { response_type: 'token' }, 400, 'unsupported_response_type'],
    ['missing scope', { scope: '' }, 400, 'invalid_request'],
    ['unknown scope', { scope: 'https://www.googleapis.com/auth/nope' }, 400, 'invalid_scope'],
    ['bad PKCE method', { code_challenge: 'x'.repeat(43), code_challenge_method: 'MD5' }, 400, 'invalid_request'],
    ['method without challenge', { code_challenge_method: 'S256' }, 400, 'invalid_request'],
    ['short S256 challenge', { code_challenge: 'abc', code_challenge_method: 'S256' }, 400, 'invalid_request'],
    ['bad access_type', { access_type: 'forever' }, 400, 'invalid_request'],
    ['bad prompt', { prompt: 'sometimes' }, 400, 'invalid_request'],
    ['none with consent', { prompt: 'none consent' }, 400, 'invalid_request'],
    ['approval_prompt + prompt', { prompt: 'consent', approval_prompt: 'force' }, 400, 'invalid_request'],
  ])('%s', async (_name, patch, status, code) => {
    const params: Record<string, string> = { ...good(), ...patch };
    for (const [k, v] of Object.entries(params)) if (v === '') delete params[k];
    const res = await auth(params);
    expect(res.status).toBe(status);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain(`Error ${status}: ${code}`);
  });

  it('prompt=none: consent_required without a grant, a code with one', async () => {
    const fresh = f.emu.registerClient({ type: 'installed' });
    const params = { ...good(), client_id: fresh.clientId, prompt: 'none', login_hint: BOB, state: 's' };
    const first = await auth(params);
    expect(first.status).toBe(302);
    const l1 = new URL(first.headers.get('location')!);
    expect(l1.searchParams.get('error')).toBe('consent_required');
    expect(l1.searchParams.get('state')).toBe('s');
    const client = oauthClient(f.emu, { clientId: fresh.clientId, clientSecret: fresh.clientSecret });
    await consent(f.emu.baseUrl, client.generateAuthUrl({ scope: [READONLY], login_hint: BOB }));
    const second = await auth(params);
    const l2 = new URL(second.headers.get('location')!);
    expect(l2.searchParams.get('code')).toBeTruthy();
    expect(l2.searchParams.get('prompt')).toBe('none');
  });

  it('an unknown consent request id is an error page', async () => {
    const res = await fetch(`${f.emu.baseUrl}/o/oauth2/v2/auth/consent`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'request_id=nope&decision=allow&account=' + ALICE,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});

describe('web clients', () => {
  it('need an exact redirect URI and get a refresh token only on first consent or prompt=consent', async () => {
    const web = f.emu.registerClient({ type: 'web', redirectUris: ['http://127.0.0.1:7777/cb'] });
    const client = oauthClient(f.emu, { clientId: web.clientId, clientSecret: web.clientSecret, redirectUri: 'http://127.0.0.1:7777/cb' });
    const mismatch = await fetch(client.generateAuthUrl({ scope: [READONLY], redirect_uri: 'http://127.0.0.1:7778/cb' }), { redirect: 'manual' });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('redirect_uri_mismatch');

    const exchange = async (extra: Record<string, string>) => {
      const loc = await consent(f.emu.baseUrl, client.generateAuthUrl({ scope: [READONLY], login_hint: ALICE, ...extra }));
      return (await client.getToken(loc.searchParams.get('code')!)).tokens;
    };
    expect((await exchange({ access_type: 'offline' })).refresh_token).toBeTruthy();
    expect((await exchange({ access_type: 'offline' })).refresh_token).toBeUndefined();
    expect((await exchange({ access_type: 'offline', prompt: 'consent' })).refresh_token).toBeTruthy();
    expect((await exchange({})).refresh_token).toBeUndefined();
  });

  it('a refresh token of another client is unauthorized_client', async () => {
    const { tokens } = await signIn(f.emu, ALICE);
    const other = f.emu.registerClient({ type: 'installed' });
    expect(
      await tokenPost({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: other.clientId, client_secret: other.clientSecret }),
    ).toEqual({
      status: 401,
      body: { error: 'unauthorized_client', error_description: 'Unauthorized' },
    });
  });
});

describe('certs and discovery', () => {
  it('serves JWKS, PEM certs and the OIDC discovery document', async () => {
    const jwks = (await (await fetch(f.emu.certsUri)).json()) as { keys: { kid: string; alg: string; n: string }[] };
    expect(jwks.keys[0]).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig' });
    const pem = (await (await fetch(f.emu.endpoints.oauth2FederatedSignonPemCertsUrl)).json()) as Record<string, string>;
    expect(Object.values(pem)[0]).toContain('BEGIN PUBLIC KEY');
    const disc = (await (await fetch(`${f.emu.baseUrl}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(disc).toMatchObject({ issuer: f.emu.issuer, token_endpoint: f.emu.tokenUri, code_challenge_methods_supported: ['plain', 'S256'] });
  });
});
