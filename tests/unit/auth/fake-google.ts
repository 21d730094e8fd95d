// A tiny hand-made Google (authorize + token + userinfo + revoke) for unit tests of the flow.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuthClientConfig } from '../../../main/auth/client-config';

export interface FakeGoogle {
  config: OAuthClientConfig;
  /** What /auth does: redirect with a code, redirect with error=access_denied, or show a page (no redirect). */
  mode: 'allow' | 'deny' | 'page';
  /** Who signs in on the next allow. */
  profile: { id: string; email: string; name: string };
  /** /token never answers. */
  hangToken: boolean;
  /** Userinfo answers 401 to everything (a 401 that survives a refresh). */
  alwaysUnauthorized: boolean;
  /** Scopes granted on the next allow (default: all requested). */
  grantScopes: string[] | null;
  lastAuthParams: URLSearchParams | null;
  tokenRequests: URLSearchParams[];
  revoked: string[];
  refreshTokens: Map<string, { id: string; email: string; name: string }>;
  accessTokens: Map<string, { id: string; email: string; name: string }>;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((res) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString('utf8')));
    req.on('end', () => res(s));
  });
}

export async function startFakeGoogle(profile = { id: '1001', email: 'ada@example.com', name: 'Ada Lovelace' }): Promise<FakeGoogle> {
  type P = { id: string; email: string; name: string };
  const codes = new Map<string, { challenge: string; redirectUri: string; scopes: string; profile: P }>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, data: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (url.pathname === '/auth') {
      const p = url.searchParams;
      fg.lastAuthParams = p;
      if (fg.mode === 'page') {
        res.end('<html>consent</html>');
        return;
      }
      const target = new URL(p.get('redirect_uri') ?? '');
      target.searchParams.set('state', p.get('state') ?? '');
      if (fg.mode === 'deny') {
        target.searchParams.set('error', 'access_denied');
      } else {
        const code = `4/${randomBytes(8).toString('hex')}`;
        const scopes = fg.grantScopes ? fg.grantScopes.join(' ') : (p.get('scope') ?? '');
        codes.set(code, { challenge: p.get('code_challenge') ?? '', redirectUri: p.get('redirect_uri') ?? '', scopes, profile: fg.profile });
        target.searchParams.set('code', code);
        target.searchParams.set('scope', scopes);
      }
      res.writeHead(302, { Location: target.toString() });
      res.end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      if (fg.hangToken) return;
      const f = new URLSearchParams(await body(req));
      fg.tokenRequests.push(f);
      if (f.get('client_secret') !== 'secret') return json(401, { error: 'invalid_client' });
      if (f.get('grant_type') === 'authorization_code') {
        const c = codes.get(f.get('code') ?? '');
        if (!c) return json(400, { error: 'invalid_grant', error_description: 'Malformed auth code.' });
        codes.delete(f.get('code') ?? '');
        if (c.redirectUri !== f.get('redirect_uri')) return json(400, { error: 'redirect_uri_mismatch' });
        const s256 = createHash('sha256')
          .update(f.get('code_verifier') ?? '')
          .digest('base64url');
        if (s256 !== c.challenge) return json(400, { error: 'invalid_grant', error_description: 'Invalid code verifier.' });
        const rt = `1//${randomBytes(12).toString('hex')}`;
        const at = `ya29.${randomBytes(12).toString('hex')}`;
        fg.refreshTokens.set(rt, c.profile);
        fg.accessTokens.set(at, c.profile);
        return json(200, { access_token: at, refresh_token: rt, expires_in: 3599, token_type: 'Bearer', scope: c.scopes });
      }
      if (f.get('grant_type') === 'refresh_token') {
        const who = fg.refreshTokens.get(f.get('refresh_token') ?? '');
        if (!who) return json(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
        const at = `ya29.${randomBytes(12).toString('hex')}`;
        fg.accessTokens.set(at, who);
        return json(200, { access_token: at, expires_in: 3599, token_type: 'Bearer' });
      }
      return json(400, { error: 'unsupported_grant_type' });
    }
    if (url.pathname === '/userinfo') {
      const at = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const who = fg.accessTokens.get(at);
      if (!who || fg.alwaysUnauthorized) return json(401, { error: { code: 401, message: 'Invalid Credentials', status: 'UNAUTHENTICATED' } });
      return json(200, { ...who, verified_email: true, picture: 'https://example.com/a.png' });
    }
    if (url.pathname === '/revoke') {
      const f = new URLSearchParams(await body(req));
      const t = url.searchParams.get('token') ?? f.get('token') ?? '';
      fg.revoked.push(t);
      if (!fg.refreshTokens.delete(t) && !fg.accessTokens.delete(t)) return json(400, { error: 'invalid_token' });
      return json(200, {});
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fg: FakeGoogle = {
    config: {
      clientId: 'client-1',
      clientSecret: 'secret',
      authUri: `${base}/auth`,
      tokenUri: `${base}/token`,
      revokeUri: `${base}/revoke`,
      userinfoUri: `${base}/userinfo`,
      gmailRootUrl: `${base}/`,
      kind: 'demo',
    },
    mode: 'allow',
    profile,
    alwaysUnauthorized: false,
    hangToken: false,
    grantScopes: null,
    lastAuthParams: null,
    tokenRequests: [],
    revoked: [],
    refreshTokens: new Map(),
    accessTokens: new Map(),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
  return fg;
}

/** Plays the browser: opens the auth URL, follows Google's 302 to the loopback listener. */
export async function playBrowser(authUrl: string): Promise<{ status: number; body: string; location: string | null }> {
  const first = await fetch(authUrl, { redirect: 'manual' });
  const location = first.headers.get('location');
  if (!location) return { status: first.status, body: await first.text(), location: null };
  const second = await fetch(location);
  return { status: second.status, body: await second.text(), location };
}
