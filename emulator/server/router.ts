/** Top-level routing: OAuth endpoints, Gmail API, batch, and the test hooks when given. Never throws. */
import type { EmuRequest, EmuResponse } from './http';
import { errorToResponse, jsonResponse } from './http';
import { apiError, oauthError } from './errors';
import type { EmulatorState } from './state';
import { CONSENT_PATH, handleAuthorize, handleConsent } from './oauth/authorize';
import { handleToken } from './oauth/token';
import { handleCerts, handleDiscovery, handleRevoke, handleTokeninfo, handleUserinfoOidc, handleUserinfoV2 } from './oauth/identity';
import { handleGmail } from './gmail';
import { handleBatch } from './batch';
import { handleAvatar } from './avatar';

export type InfoFn = () => Record<string, unknown>;

/** The test hooks' entry (server/hooks.ts), passed in only where tests may use them. */
export type HookHandler = (state: EmulatorState, req: EmuRequest, info: InfoFn) => EmuResponse;

interface Endpoint {
  paths: readonly string[];
  /** The methods it answers; any when absent. Others fall through to 405 or 404. */
  methods?: readonly string[];
  handle: (state: EmulatorState, req: EmuRequest, info: InfoFn) => EmuResponse;
}

const GET_OR_POST = ['GET', 'POST'];
const noContent = (): EmuResponse => ({ status: 204, headers: {}, body: '' });

/** The OAuth and identity endpoints, each under every path Google answers it on. */
const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map(
  (
    [
      { paths: ['/o/oauth2/v2/auth', '/o/oauth2/auth'], handle: (s, r) => (r.method === 'GET' || r.method === 'HEAD' ? handleAuthorize(s, r) : noContent()) },
      { paths: [CONSENT_PATH], methods: ['POST'], handle: handleConsent },
      { paths: ['/token', '/o/oauth2/token', '/oauth2/v4/token'], handle: handleToken },
      { paths: ['/revoke', '/o/oauth2/revoke'], handle: handleRevoke },
      { paths: ['/tokeninfo', '/oauth2/v3/tokeninfo', '/oauth2/v1/tokeninfo'], methods: GET_OR_POST, handle: handleTokeninfo },
      { paths: ['/oauth2/v2/userinfo', '/userinfo/v2/me'], methods: GET_OR_POST, handle: handleUserinfoV2 },
      { paths: ['/v1/userinfo', '/oauth2/v3/userinfo', '/oauth2/v1/userinfo'], methods: GET_OR_POST, handle: handleUserinfoOidc },
      { paths: ['/oauth2/v3/certs'], handle: (s) => handleCerts(s, 'jwk') },
      { paths: ['/oauth2/v1/certs'], handle: (s) => handleCerts(s, 'pem') },
      { paths: ['/.well-known/openid-configuration'], handle: handleDiscovery },
      { paths: ['/'], methods: ['GET'], handle: (_s, _r, info) => jsonResponse(200, info()) },
      { paths: ['/favicon.ico'], handle: noContent },
    ] satisfies Endpoint[]
  ).flatMap((e) => e.paths.map((path) => [path, e] as const)),
);

function notFound(path: string): EmuResponse {
  return errorToResponse(apiError(404, `The requested URL ${path} was not found on this server.`, { reason: 'notFound', itemMessage: 'Not Found' }));
}

export function createRouter(state: EmulatorState, info: InfoFn, hooks: HookHandler | null): (req: EmuRequest) => Promise<EmuResponse> {
  /** Inner dispatch for batch parts: Gmail paths only. */
  const gmailOnly = (req: EmuRequest): Promise<EmuResponse> =>
    req.path.startsWith('/gmail/v1/') ? handleGmail(state, req) : Promise.resolve(notFound(req.path));

  return async (req) => {
    const p = req.path;
    const M = req.method;
    try {
      if (p.startsWith('/gmail/v1/')) return await handleGmail(state, req);
      if (p === '/batch/gmail/v1' || p === '/batch') return await handleBatch(req, gmailOnly);
      const avatar = handleAvatar(state, req);
      if (avatar) return avatar;
      if (hooks && (p === '/__emulator' || p.startsWith('/__emulator/'))) return hooks(state, req, info);
      const endpoint = ENDPOINTS.get(p);
      if (endpoint && (!endpoint.methods || endpoint.methods.includes(M))) return endpoint.handle(state, req, info);
      if (p === '/token' || p === '/revoke') throw oauthError(405, 'invalid_request', 'Method not allowed.');
      return notFound(p);
    } catch (e) {
      return errorToResponse(e);
    }
  };
}
