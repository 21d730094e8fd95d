/** POST /token: authorization_code and refresh_token grants, with Google's error bodies. */
import type { EmuRequest, EmuResponse } from '../http';
import { headerValue, jsonResponse, parseFormOrJson } from '../http';
import { oauthError } from '../errors';
import type { EmulatorState } from '../state';
import { AVATAR_PATH } from '../avatar';
import type { OAuthClient } from './store';
import { s256, subjectFor } from './store';
import { atHash } from './jwt';
import { hasEmail, hasOpenid, hasProfile, SCOPES } from './scopes';

function authenticateClient(state: EmulatorState, req: EmuRequest, form: URLSearchParams): OAuthClient {
  let clientId = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const auth = headerValue(req.headers, 'authorization');
  if (auth && /^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i >= 0) {
      clientId ??= decodeURIComponent(decoded.slice(0, i));
      secret ??= decodeURIComponent(decoded.slice(i + 1));
    }
  }
  if (!clientId) throw oauthError(400, 'invalid_request', 'Could not determine client ID from request.');
  const client = state.oauth.clients.get(clientId);
  if (!client) throw oauthError(401, 'invalid_client', 'The OAuth client was not found.');
  if (secret === undefined || secret === '') throw oauthError(400, 'invalid_request', 'client_secret is missing.');
  if (secret !== client.clientSecret) throw oauthError(401, 'invalid_client', 'Unauthorized');
  return client;
}

function idToken(state: EmulatorState, client: OAuthClient, email: string, scopes: string[], accessToken: string, nonce?: string): string {
  const acct = state.account(email);
  const now = Math.floor(Date.now() / 1000);
  const name = acct?.name ?? email;
  const claims: Record<string, unknown> = {
    iss: state.issuer,
    azp: client.clientId,
    aud: client.clientId,
    sub: subjectFor(email),
    at_hash: atHash(accessToken),
    iat: now,
    exp: now + 3600,
  };
  if (hasEmail(scopes)) {
    claims.email = email;
    claims.email_verified = true;
  }
  if (hasProfile(scopes)) {
    claims.name = name;
    const [given, ...rest] = name.split(' ');
    claims.given_name = given;
    if (rest.length) claims.family_name = rest.join(' ');
    claims.picture = `${state.baseUrl}${AVATAR_PATH}${encodeURIComponent(email)}.svg`;
    claims.locale = 'en';
  }
  if (nonce) claims.nonce = nonce;
  return state.signer.sign(claims);
}

export function handleToken(state: EmulatorState, req: EmuRequest): EmuResponse {
  if (req.method !== 'POST') throw oauthError(405, 'invalid_request', 'Method not allowed. Use POST.');
  const form = parseFormOrJson(req);
  if (!form) throw oauthError(400, 'invalid_request', 'Invalid JSON payload received.');
  for (const [k, v] of req.query) if (!form.has(k)) form.set(k, v);
  const grantType = form.get('grant_type');
  const client = authenticateClient(state, req, form);
  if (!grantType) throw oauthError(400, 'invalid_request', 'Required parameter is missing: grant_type');
  const oauth = state.oauth;
  const ttl = oauth.accessTokenTtlSeconds;

  if (grantType === 'authorization_code') {
    const code = form.get('code');
    if (!code) throw oauthError(400, 'invalid_request', 'Missing required parameter: code');
    const rec = oauth.codes.get(code);
    if (!rec) throw oauthError(400, 'invalid_grant', 'Malformed auth code.');
    if (rec.used) {
      // RFC 6749 §4.1.2: a replayed code revokes what it minted.
      for (const t of rec.minted) oauth.revokeToken(t);
      throw oauthError(400, 'invalid_grant', 'Bad Request');
    }
    if (rec.clientId !== client.clientId) throw oauthError(400, 'invalid_grant', 'Bad Request');
    if (rec.expiresAt <= Date.now()) throw oauthError(400, 'invalid_grant', 'Bad Request');
    const redirectUri = form.get('redirect_uri');
    if (!redirectUri) throw oauthError(400, 'invalid_request', 'Missing parameter: redirect_uri');
    if (redirectUri !== rec.redirectUri) throw oauthError(400, 'redirect_uri_mismatch', 'Bad Request');
    if (rec.codeChallenge) {
      const verifier = form.get('code_verifier');
      if (!verifier) throw oauthError(400, 'invalid_grant', 'Missing code verifier.');
      const computed = rec.codeChallengeMethod === 'S256' ? s256(verifier) : verifier;
      if (computed !== rec.codeChallenge) throw oauthError(400, 'invalid_grant', 'Invalid code verifier.');
    }
    rec.used = true;
    const refresh = rec.issueRefresh ? oauth.mintRefreshToken(client.clientId, rec.email, rec.scopes) : undefined;
    if (refresh) {
      const g = oauth.grant(client.clientId, rec.email);
      if (g) g.refreshIssued = true;
      rec.minted.push(refresh.token);
    }
    const at = oauth.mintAccessToken(client.clientId, rec.email, rec.scopes, rec.accessType, refresh?.token);
    rec.minted.push(at.token);
    const body: Record<string, unknown> = {
      access_token: at.token,
      expires_in: ttl,
      ...(refresh ? { refresh_token: refresh.token } : {}),
      scope: rec.scopes.join(' '),
      token_type: 'Bearer',
    };
    if (hasOpenid(rec.scopes)) body.id_token = idToken(state, client, rec.email, rec.scopes, at.token, rec.nonce);
    return jsonResponse(200, body, true, { 'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate', Pragma: 'no-cache' });
  }

  if (grantType === 'refresh_token') {
    const token = form.get('refresh_token');
    if (!token) throw oauthError(400, 'invalid_request', 'Missing required parameter: refresh_token');
    const rec = oauth.refreshTokens.get(token);
    if (!rec || rec.revoked) throw oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
    if (rec.clientId !== client.clientId) throw oauthError(401, 'unauthorized_client', 'Unauthorized');
    let scopes = rec.scopes;
    const asked = form.get('scope');
    if (asked) {
      const want = asked.split(/\s+/).filter(Boolean);
      const canon = want.map((s) => (s === 'email' ? SCOPES.userinfoEmail : s === 'profile' ? SCOPES.userinfoProfile : s));
      if (canon.some((s) => !rec.scopes.includes(s))) throw oauthError(400, 'invalid_scope', 'Bad Request');
      scopes = canon;
    }
    const at = oauth.mintAccessToken(client.clientId, rec.email, scopes, 'offline', rec.token);
    const body: Record<string, unknown> = {
      access_token: at.token,
      expires_in: ttl,
      scope: scopes.join(' '),
      token_type: 'Bearer',
    };
    if (hasOpenid(scopes)) body.id_token = idToken(state, client, rec.email, scopes, at.token);
    return jsonResponse(200, body, true, { 'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate', Pragma: 'no-cache' });
  }

  throw oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
}
