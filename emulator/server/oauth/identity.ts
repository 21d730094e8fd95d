/** /revoke, userinfo (v2 + OIDC), tokeninfo, certs and OIDC discovery. */
import type { EmuRequest, EmuResponse } from '../http';
import { emptyResponse, headerValue, jsonResponse, parseFormOrJson } from '../http';
import { errors, oauthError } from '../errors';
import type { EmulatorState } from '../state';
import { AVATAR_PATH } from '../avatar';
import type { AccessToken } from './store';
import { subjectFor } from './store';
import { hasEmail, hasProfile } from './scopes';

export function handleRevoke(state: EmulatorState, req: EmuRequest): EmuResponse {
  if (req.method !== 'POST' && req.method !== 'GET') throw oauthError(405, 'invalid_request', 'Method not allowed.');
  const form = parseFormOrJson(req) ?? new URLSearchParams();
  const token = req.query.get('token') ?? form.get('token');
  if (!token) throw oauthError(400, 'invalid_request', 'Missing required parameter: token');
  if (!state.oauth.revokeToken(token)) throw oauthError(400, 'invalid_token', 'Token expired or revoked');
  return emptyResponse(200, { 'Content-Type': 'application/json; charset=utf-8' });
}

function bearer(req: EmuRequest): string | undefined {
  const h = headerValue(req.headers, 'authorization');
  if (h && /^bearer\s+/i.test(h)) return h.replace(/^bearer\s+/i, '').trim();
  return req.query.get('access_token') ?? req.query.get('oauth_token') ?? undefined;
}

function userinfoToken(state: EmulatorState, req: EmuRequest): AccessToken {
  const raw = bearer(req);
  if (!raw) throw errors.loginRequired();
  const t = state.oauth.validAccessToken(raw);
  if (!t) throw errors.invalidCredentials();
  return t;
}

function names(state: EmulatorState, email: string): { name: string; given: string; family?: string; picture: string } {
  const name = state.account(email)?.name ?? email;
  const [given, ...rest] = name.split(' ');
  return {
    name,
    given: given ?? name,
    ...(rest.length ? { family: rest.join(' ') } : {}),
    picture: `${state.baseUrl}${AVATAR_PATH}${encodeURIComponent(email)}.svg`,
  };
}

/** The profile scope's fields, the same in both userinfo flavours. */
function profileClaims(state: EmulatorState, email: string): Record<string, unknown> {
  const n = names(state, email);
  return { name: n.name, given_name: n.given, ...(n.family ? { family_name: n.family } : {}), picture: n.picture, locale: 'en' };
}

/** GET /oauth2/v2/userinfo (alias /userinfo/v2/me). */
export function handleUserinfoV2(state: EmulatorState, req: EmuRequest): EmuResponse {
  const t = userinfoToken(state, req);
  const body: Record<string, unknown> = { id: subjectFor(t.email) };
  if (hasEmail(t.scopes)) {
    body.email = t.email;
    body.verified_email = true;
  }
  if (hasProfile(t.scopes)) Object.assign(body, profileClaims(state, t.email));
  return jsonResponse(200, body);
}

/** GET /v1/userinfo and /oauth2/v3/userinfo (OpenID Connect). */
export function handleUserinfoOidc(state: EmulatorState, req: EmuRequest): EmuResponse {
  const t = userinfoToken(state, req);
  const body: Record<string, unknown> = { sub: subjectFor(t.email) };
  if (hasProfile(t.scopes)) Object.assign(body, profileClaims(state, t.email));
  if (hasEmail(t.scopes)) {
    body.email = t.email;
    body.email_verified = true;
  }
  return jsonResponse(200, body);
}

/** GET|POST /tokeninfo and /oauth2/v3/tokeninfo: `?access_token=`, `?id_token=`, form fields or a Bearer header. */
export function handleTokeninfo(state: EmulatorState, req: EmuRequest): EmuResponse {
  const form = req.method === 'POST' ? (parseFormOrJson(req) ?? new URLSearchParams()) : new URLSearchParams();
  const idToken = req.query.get('id_token') ?? form.get('id_token');
  if (idToken) {
    const claims = state.signer.verify(idToken);
    if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
      throw oauthError(400, 'invalid_token', 'Invalid Value');
    }
    const out: Record<string, string> = { alg: 'RS256', kid: state.signer.kid, typ: 'JWT' };
    for (const [k, v] of Object.entries(claims)) out[k] = String(v);
    return jsonResponse(200, out);
  }
  const h = headerValue(req.headers, 'authorization');
  const raw = req.query.get('access_token') ?? form.get('access_token') ?? (h && /^bearer\s+/i.test(h) ? h.replace(/^bearer\s+/i, '').trim() : undefined);
  if (!raw) throw oauthError(400, 'invalid_request', 'Missing required parameter: access_token');
  const t = state.oauth.validAccessToken(raw);
  if (!t) throw oauthError(400, 'invalid_token', 'Invalid Value');
  const exp = Math.floor(t.expiresAt / 1000);
  const body: Record<string, string> = {
    azp: t.clientId,
    aud: t.clientId,
    sub: subjectFor(t.email),
    scope: t.scopes.join(' '),
    exp: String(exp),
    expires_in: String(Math.max(0, Math.floor((t.expiresAt - Date.now()) / 1000))),
    access_type: t.accessType,
  };
  if (hasEmail(t.scopes)) {
    body.email = t.email;
    body.email_verified = 'true';
  }
  return jsonResponse(200, body);
}

export function handleCerts(state: EmulatorState, format: 'jwk' | 'pem'): EmuResponse {
  const body = format === 'jwk' ? state.signer.jwks() : state.signer.pemCerts();
  return jsonResponse(200, body, true, { 'Cache-Control': 'public, max-age=3600' });
}

export function handleDiscovery(state: EmulatorState): EmuResponse {
  const b = state.baseUrl;
  return jsonResponse(200, {
    issuer: state.issuer,
    authorization_endpoint: `${b}/o/oauth2/v2/auth`,
    token_endpoint: `${b}/token`,
    userinfo_endpoint: `${b}/v1/userinfo`,
    revocation_endpoint: `${b}/revoke`,
    jwks_uri: `${b}/oauth2/v3/certs`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    claims_supported: ['aud', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'picture', 'sub'],
    code_challenge_methods_supported: ['plain', 'S256'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
  });
}
