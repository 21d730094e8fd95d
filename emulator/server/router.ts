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
      switch (p) {
        case '/o/oauth2/v2/auth':
        case '/o/oauth2/auth':
          if (M === 'GET' || M === 'HEAD') return handleAuthorize(state, req);
          break;
        case CONSENT_PATH:
          if (M === 'POST') return handleConsent(state, req);
          break;
        case '/token':
        case '/o/oauth2/token':
        case '/oauth2/v4/token':
          return handleToken(state, req);
        case '/revoke':
        case '/o/oauth2/revoke':
          return handleRevoke(state, req);
        case '/tokeninfo':
        case '/oauth2/v3/tokeninfo':
        case '/oauth2/v1/tokeninfo':
          if (M === 'GET' || M === 'POST') return handleTokeninfo(state, req);
          break;
        case '/oauth2/v2/userinfo':
        case '/userinfo/v2/me':
          if (M === 'GET' || M === 'POST') return handleUserinfoV2(state, req);
          break;
        case '/v1/userinfo':
        case '/oauth2/v3/userinfo':
        case '/oauth2/v1/userinfo':
          if (M === 'GET' || M === 'POST') return handleUserinfoOidc(state, req);
          break;
        case '/oauth2/v3/certs':
          return handleCerts(state, 'jwk');
        case '/oauth2/v1/certs':
          return handleCerts(state, 'pem');
        case '/.well-known/openid-configuration':
          return handleDiscovery(state);
        case '/':
          if (M === 'GET') return jsonResponse(200, info());
          break;
        case '/favicon.ico':
          return { status: 204, headers: {}, body: '' };
      }
      if (p === '/token' || p === '/revoke') throw oauthError(405, 'invalid_request', 'Method not allowed.');
      return notFound(p);
    } catch (e) {
      return errorToResponse(e);
    }
  };
}
