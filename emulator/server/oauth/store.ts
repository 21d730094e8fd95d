/**
 * OAuth state: registered clients, grants (one per client + account), authorization codes,
 * access and refresh tokens. All in memory.
 */
import { createHash, randomBytes } from 'node:crypto';

export type ClientType = 'installed' | 'web';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  type: ClientType;
  /** Web clients: the exact redirect URIs allowed. Installed clients: ignored (loopback rules). */
  redirectUris: string[];
  name: string;
}

export interface ClientRegistration {
  clientId?: string;
  clientSecret?: string;
  type?: ClientType;
  redirectUris?: string[];
  name?: string;
}

export interface Grant {
  clientId: string;
  email: string;
  scopes: Set<string>;
  /** A refresh token has been issued for this grant at least once (web clients' "first consent"). */
  refreshIssued: boolean;
}

export interface AuthCode {
  code: string;
  clientId: string;
  email: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  expiresAt: number;
  used: boolean;
  /** Whether this exchange must yield a refresh token. */
  issueRefresh: boolean;
  nonce?: string;
  accessType: 'online' | 'offline';
  /** Tokens minted from this code (revoked if the code is replayed, per RFC 6749 §4.1.2). */
  minted: string[];
}

export interface AccessToken {
  token: string;
  clientId: string;
  email: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
  refreshToken?: string;
  accessType: 'online' | 'offline';
}

export interface RefreshToken {
  token: string;
  clientId: string;
  email: string;
  scopes: string[];
  revoked: boolean;
}

export const DEFAULT_CLIENT_ID = '1000000000001-skimmeremulatordesktop.apps.googleusercontent.com';
export const DEFAULT_CLIENT_SECRET = 'GOCSPX-skimmer-emulator-desktop';

export function randomToken(prefix: string, bytes = 32): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

export class OAuthStore {
  readonly clients = new Map<string, OAuthClient>();
  readonly grants = new Map<string, Grant>();
  readonly codes = new Map<string, AuthCode>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  accessTokenTtlSeconds: number;
  codeTtlSeconds: number;

  constructor(opts: { accessTokenTtlSeconds?: number; codeTtlSeconds?: number } = {}) {
    this.accessTokenTtlSeconds = opts.accessTokenTtlSeconds ?? 3599;
    this.codeTtlSeconds = opts.codeTtlSeconds ?? 600;
  }

  registerClient(reg: ClientRegistration): OAuthClient {
    const type = reg.type ?? 'installed';
    const client: OAuthClient = {
      clientId: reg.clientId ?? `${100000000000 + Math.floor(Math.random() * 899999999999)}-${randomBytes(12).toString('hex')}.apps.googleusercontent.com`,
      clientSecret: reg.clientSecret ?? randomToken('GOCSPX-', 18),
      type,
      redirectUris: reg.redirectUris ?? [],
      name: reg.name ?? (type === 'web' ? 'Skimmer (web test client)' : 'Skimmer'),
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  grantKey(clientId: string, email: string): string {
    return `${clientId}\u0000${email.toLowerCase()}`;
  }

  grant(clientId: string, email: string): Grant | undefined {
    return this.grants.get(this.grantKey(clientId, email));
  }

  upsertGrant(clientId: string, email: string, scopes: Iterable<string>): Grant {
    const key = this.grantKey(clientId, email);
    let g = this.grants.get(key);
    if (!g) {
      g = { clientId, email, scopes: new Set(), refreshIssued: false };
      this.grants.set(key, g);
    }
    for (const s of scopes) g.scopes.add(s);
    return g;
  }

  mintAccessToken(clientId: string, email: string, scopes: string[], accessType: 'online' | 'offline', refreshToken?: string): AccessToken {
    const t: AccessToken = {
      token: randomToken('ya29.emu-'),
      clientId,
      email,
      scopes,
      expiresAt: Date.now() + this.accessTokenTtlSeconds * 1000,
      revoked: false,
      accessType,
      ...(refreshToken ? { refreshToken } : {}),
    };
    this.accessTokens.set(t.token, t);
    return t;
  }

  mintRefreshToken(clientId: string, email: string, scopes: string[]): RefreshToken {
    const t: RefreshToken = { token: randomToken('1//emu-'), clientId, email, scopes, revoked: false };
    this.refreshTokens.set(t.token, t);
    return t;
  }

  /** A usable access token, or undefined when unknown, expired or revoked. */
  validAccessToken(token: string): AccessToken | undefined {
    const t = this.accessTokens.get(token);
    if (!t || t.revoked || t.expiresAt <= Date.now()) return undefined;
    return t;
  }

  /** Revoke the whole grant of `clientId` for `email`: every access and refresh token. */
  revokeGrant(clientId: string, email: string): void {
    const lower = email.toLowerCase();
    for (const t of this.accessTokens.values()) if (t.clientId === clientId && t.email.toLowerCase() === lower) t.revoked = true;
    for (const t of this.refreshTokens.values()) if (t.clientId === clientId && t.email.toLowerCase() === lower) t.revoked = true;
    this.grants.delete(this.grantKey(clientId, email));
  }

  /** Revoke by token string (access or refresh). Returns false when unknown or already revoked. */
  revokeToken(token: string): boolean {
    const a = this.accessTokens.get(token);
    const r = this.refreshTokens.get(token);
    const rec = a ?? r;
    if (!rec || rec.revoked) return false;
    if (a && a.expiresAt <= Date.now() && !a.refreshToken) return false;
    this.revokeGrant(rec.clientId, rec.email);
    return true;
  }

  /** Test hook: revoke everything for one account (or all accounts). Returns how many tokens died. */
  revokeAll(email?: string): number {
    let n = 0;
    const match = (e: string) => !email || e.toLowerCase() === email.toLowerCase();
    for (const t of this.accessTokens.values())
      if (!t.revoked && match(t.email)) {
        t.revoked = true;
        n++;
      }
    for (const t of this.refreshTokens.values())
      if (!t.revoked && match(t.email)) {
        t.revoked = true;
        n++;
      }
    for (const [k, g] of this.grants) if (match(g.email)) this.grants.delete(k);
    return n;
  }

  /** Test hook: make access tokens expired now (refresh tokens keep working). */
  expireAccessTokens(filter: { email?: string; token?: string } = {}): number {
    let n = 0;
    const now = Date.now();
    for (const t of this.accessTokens.values()) {
      if (filter.token && t.token !== filter.token) continue;
      if (filter.email && t.email.toLowerCase() !== filter.email.toLowerCase()) continue;
      if (t.expiresAt > now) {
        t.expiresAt = now - 1;
        n++;
      }
    }
    return n;
  }

  /** Drop expired codes and long-dead access tokens so memory stays bounded in long runs. */
  sweep(): void {
    const now = Date.now();
    for (const [k, c] of this.codes) if (c.expiresAt + 3600_000 < now) this.codes.delete(k);
    for (const [k, t] of this.accessTokens) if (t.expiresAt + 24 * 3600_000 < now) this.accessTokens.delete(k);
  }
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** A stable 21-digit Google-style subject id for an address. */
export function subjectFor(email: string): string {
  const h = createHash('sha256').update(email.toLowerCase()).digest();
  let digits = '1';
  for (let i = 0; digits.length < 21; i++) digits += String((h[i % h.length] as number) % 10);
  return digits;
}
