/**
 * GET /o/oauth2/v2/auth (and the older /o/oauth2/auth): validate, show the consent page.
 * POST /o/oauth2/v2/auth/consent: the page's form; 302 back to the app with a code or an error.
 */
import { randomBytes } from 'node:crypto';
import type { EmuRequest, EmuResponse } from '../http';
import { htmlResponse, redirectResponse } from '../http';
import type { EmulatorState } from '../state';
import type { OAuthClient } from './store';
import { randomToken } from './store';
import { consentPage, errorPage } from './pages';
import { canonicalScope, isIdentityScope, isKnownScope, splitScopes } from './scopes';

export const CONSENT_PATH = '/o/oauth2/v2/auth/consent';

interface PendingAuth {
  id: string;
  client: OAuthClient;
  redirectUri: string;
  scopes: string[];
  state?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  accessType: 'online' | 'offline';
  prompt: string[];
  includeGrantedScopes: boolean;
  nonce?: string;
  expiresAt: number;
}

const pendingByState = new WeakMap<EmulatorState, Map<string, PendingAuth>>();

function pendingMap(state: EmulatorState): Map<string, PendingAuth> {
  let m = pendingByState.get(state);
  if (!m) {
    m = new Map();
    pendingByState.set(state, m);
  }
  return m;
}

function blocked(status: number, code: string, description: string, details: Record<string, string> = {}): EmuResponse {
  return htmlResponse(status, errorPage(status, code, description, details));
}

/** RFC 8252 loopback rules for installed clients; exact match for web clients. */
export function redirectAllowed(client: OAuthClient, redirectUri: string): boolean {
  if (client.type === 'web') return client.redirectUris.includes(redirectUri);
  let u: URL;
  try {
    u = new URL(redirectUri);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' || u.hash || u.username || u.password) return false;
  return u.hostname === '127.0.0.1' || u.hostname === '[::1]' || u.hostname === 'localhost';
}

/** The `scope` value Google puts on the redirect: the names asked for, plus the URL form of aliases. */
function redirectScopeString(scopes: string[]): string {
  const out: string[] = [];
  for (const s of scopes) {
    out.push(s);
    const c = canonicalScope(s);
    if (c !== s && !scopes.includes(c)) out.push(c);
  }
  return [...new Set(out)].join(' ');
}

const PROMPTS = new Set(['none', 'consent', 'select_account']);
const PKCE_RE = /^[A-Za-z0-9\-._~]{43,128}$/;

export function handleAuthorize(state: EmulatorState, req: EmuRequest): EmuResponse {
  const q = req.query;
  const clientId = q.get('client_id');
  const redirectUri = q.get('redirect_uri');
  const details: Record<string, string> = {};
  for (const [k, v] of q) details[k] = v;

  if (!clientId) return blocked(400, 'invalid_request', 'Missing required parameter: client_id', details);
  const client = state.oauth.clients.get(clientId);
  if (!client) return blocked(401, 'invalid_client', 'The OAuth client was not found.', details);
  if (!redirectUri) return blocked(400, 'invalid_request', 'Missing required parameter: redirect_uri', details);
  if (redirectUri === 'urn:ietf:wg:oauth:2.0:oob' || redirectUri.startsWith('urn:ietf:wg:oauth:2.0:oob')) {
    return blocked(400, 'invalid_request', 'The out-of-band (OOB) flow has been blocked in order to keep users secure.', details);
  }
  if (!redirectAllowed(client, redirectUri)) {
    return blocked(
      400,
      'redirect_uri_mismatch',
      "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. " +
        `If you're the app developer, register the redirect URI in the Google Cloud Console. Request details: redirect_uri=${redirectUri}`,
      details,
    );
  }
  if (q.has('approval_prompt') && q.has('prompt')) {
    return blocked(400, 'invalid_request', 'Conflict params: approval_prompt and prompt', details);
  }
  const responseType = q.get('response_type');
  if (!responseType) return blocked(400, 'invalid_request', 'Required parameter is missing: response_type', details);
  if (responseType !== 'code') return blocked(400, 'unsupported_response_type', `Unsupported response type: ${responseType}`, details);

  const scopeParam = q.get('scope');
  if (!scopeParam || !scopeParam.trim()) return blocked(400, 'invalid_request', 'Missing required parameter: scope', details);
  const scopes = splitScopes(scopeParam);
  const invalid = scopes.filter((s) => !isKnownScope(s));
  if (invalid.length) {
    return blocked(400, 'invalid_scope', `Some requested scopes were invalid. {invalid=[${invalid.join(', ')}]}`, details);
  }

  const challenge = q.get('code_challenge') ?? undefined;
  const methodParam = q.get('code_challenge_method') ?? undefined;
  let method: 'S256' | 'plain' | undefined;
  if (methodParam !== undefined && !challenge) {
    return blocked(400, 'invalid_request', 'Missing required parameter: code_challenge', details);
  }
  if (challenge !== undefined) {
    if (methodParam === undefined || methodParam === 'plain') method = 'plain';
    else if (methodParam === 'S256') method = 'S256';
    else return blocked(400, 'invalid_request', 'Invalid code_challenge_method value.', details);
    if (method === 'S256' ? !/^[A-Za-z0-9\-_]{43}$/.test(challenge) : !PKCE_RE.test(challenge)) {
      return blocked(400, 'invalid_request', 'Invalid code_challenge value.', details);
    }
  }

  const accessTypeParam = q.get('access_type') ?? 'online';
  if (accessTypeParam !== 'online' && accessTypeParam !== 'offline') {
    return blocked(400, 'invalid_request', `Invalid access_type: ${accessTypeParam}`, details);
  }
  let prompt = (q.get('prompt') ?? '').split(/\s+/).filter(Boolean);
  const approval = q.get('approval_prompt');
  if (approval !== null) {
    if (approval !== 'force' && approval !== 'auto') return blocked(400, 'invalid_request', `Invalid approval_prompt: ${approval}`, details);
    if (approval === 'force') prompt = ['consent'];
  }
  for (const p of prompt) if (!PROMPTS.has(p)) return blocked(400, 'invalid_request', `Invalid prompt: ${p}`, details);
  if (prompt.includes('none') && prompt.length > 1) {
    return blocked(400, 'invalid_request', 'Invalid prompt: none cannot be combined with other values', details);
  }
  const igs = q.get('include_granted_scopes');
  const stateParam = q.get('state') ?? undefined;

  const accounts = [...state.accounts.values()];
  if (accounts.length === 0) return blocked(400, 'invalid_request', 'The emulator has no accounts.', details);
  const hint = q.get('login_hint') ?? '';
  const hinted = accounts.find((a) => a.email.toLowerCase() === hint.toLowerCase()) ?? undefined;

  const pending: PendingAuth = {
    id: randomBytes(18).toString('base64url'),
    client,
    redirectUri,
    scopes,
    ...(stateParam !== undefined ? { state: stateParam } : {}),
    ...(challenge !== undefined ? { codeChallenge: challenge, codeChallengeMethod: method } : {}),
    accessType: accessTypeParam,
    prompt,
    includeGrantedScopes: igs === 'true',
    ...(q.get('nonce') ? { nonce: q.get('nonce') as string } : {}),
    expiresAt: Date.now() + 30 * 60_000,
  };

  if (prompt.includes('none')) {
    const acct = hinted ?? (accounts.length === 1 ? accounts[0] : undefined);
    if (!acct) return errorRedirect(pending, 'interaction_required');
    const grant = state.oauth.grant(client.clientId, acct.email);
    const covered = grant && scopes.every((s) => grant.scopes.has(canonicalScope(s)));
    if (!covered) return errorRedirect(pending, 'consent_required');
    return approve(state, pending, acct.email, scopes, 'none');
  }

  const map = pendingMap(state);
  const now = Date.now();
  for (const [k, p] of map) if (p.expiresAt < now) map.delete(k);
  map.set(pending.id, pending);
  return htmlResponse(
    200,
    consentPage({
      requestId: pending.id,
      action: CONSENT_PATH,
      appName: client.name,
      accounts: accounts.map((a) => ({ email: a.email, name: a.name })),
      selected: (hinted ?? accounts[0])!.email,
      scopes,
    }),
  );
}

function errorRedirect(p: PendingAuth, error: string): EmuResponse {
  const u = new URL(p.redirectUri);
  u.searchParams.set('error', error);
  if (p.state !== undefined) u.searchParams.set('state', p.state);
  return redirectResponse(u.toString());
}

function approve(state: EmulatorState, p: PendingAuth, email: string, granted: string[], promptShown: string): EmuResponse {
  const oauth = state.oauth;
  const previous = oauth.grant(p.client.clientId, email);
  const firstConsent = !previous || !previous.refreshIssued;
  const canonical = granted.map(canonicalScope);
  const grant = oauth.upsertGrant(p.client.clientId, email, canonical);
  let tokenScopes = [...new Set(canonical)];
  if (p.includeGrantedScopes) tokenScopes = [...grant.scopes];
  const issueRefresh = p.client.type === 'installed' || (p.accessType === 'offline' && (firstConsent || p.prompt.includes('consent')));
  const code = randomToken('4/0Emu', 36);
  oauth.codes.set(code, {
    code,
    clientId: p.client.clientId,
    email,
    redirectUri: p.redirectUri,
    scopes: tokenScopes,
    ...(p.codeChallenge ? { codeChallenge: p.codeChallenge, codeChallengeMethod: p.codeChallengeMethod } : {}),
    expiresAt: Date.now() + oauth.codeTtlSeconds * 1000,
    used: false,
    issueRefresh,
    accessType: p.accessType,
    ...(p.nonce ? { nonce: p.nonce } : {}),
    minted: [],
  });
  const u = new URL(p.redirectUri);
  if (p.state !== undefined) u.searchParams.set('state', p.state);
  u.searchParams.set('iss', state.issuer);
  u.searchParams.set('code', code);
  u.searchParams.set('scope', redirectScopeString(p.includeGrantedScopes ? [...new Set([...granted, ...tokenScopes])] : granted));
  const idx = [...state.accounts.values()].findIndex((a) => a.email.toLowerCase() === email.toLowerCase());
  u.searchParams.set('authuser', String(Math.max(0, idx)));
  u.searchParams.set('prompt', promptShown);
  return redirectResponse(u.toString());
}

export function handleConsent(state: EmulatorState, req: EmuRequest): EmuResponse {
  const form = new URLSearchParams(req.body.toString('utf8'));
  const id = form.get('request_id') ?? '';
  const map = pendingMap(state);
  const p = map.get(id);
  if (!p || p.expiresAt < Date.now()) {
    return blocked(400, 'invalid_request', 'This sign-in request is unknown or has expired. Go back to the app and start again.');
  }
  const decision = form.get('decision');
  if (decision !== 'allow' && decision !== 'deny') {
    return blocked(400, 'invalid_request', 'Choose Allow or Deny.');
  }
  map.delete(id);
  if (decision === 'deny') return errorRedirect(p, 'access_denied');
  const email = form.get('account') ?? '';
  const acct = state.account(email);
  if (!acct) return blocked(400, 'invalid_request', `Unknown account: ${email}`);
  let granted = p.scopes;
  if (form.get('partial') === '1') {
    const chosen = new Set(form.getAll('scope'));
    granted = p.scopes.filter((s) => chosen.has(s) || isIdentityScope(s));
  }
  return approve(state, p, acct.email, granted, 'consent');
}
