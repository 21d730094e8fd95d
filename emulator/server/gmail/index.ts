/**
 * Gmail API v1 dispatcher: route match -> auth (401) -> parameter binding (400) -> userId (403)
 * -> scope (403) -> quota (429) -> injected faults -> handler -> `fields`.
 */
import type { EmuRequest, EmuResponse } from '../http';
import { errorToResponse, headerValue, jsonResponse } from '../http';
import { apiError, errors } from '../errors';
import type { EmulatorState } from '../state';
import { applyFields, parseFields, validateFields, type Selection } from '../fields';
import { sleep } from '../faults';
import { SCOPES } from '../oauth/scopes';
import { bindParams } from './params';
import type { GmailContext, GmailRoute } from './route';
import { messageRoutes } from './messages';
import { threadRoutes } from './threads';
import { labelRoutes } from './labels';
import { historyRoutes } from './history';
import { profileRoutes } from './profile';

interface CompiledRoute {
  route: GmailRoute;
  re: RegExp;
}

const ROUTES: CompiledRoute[] = [...profileRoutes, ...messageRoutes, ...threadRoutes, ...labelRoutes, ...historyRoutes].map((route) => ({
  route,
  re: new RegExp('^' + route.path.replace(/\{\}/g, '([^/]+)') + '/?$'),
}));

const USERS_RE = /^\/gmail\/v1\/users\/([^/]+)(\/.*)?$/;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw errors.invalidId();
  }
}

export function bearerToken(req: EmuRequest): string | undefined {
  const h = headerValue(req.headers, 'authorization');
  if (h !== undefined) {
    const m = /^\s*(bearer|oauth)\s+(\S+)\s*$/i.exec(h);
    return m ? m[2] : '';
  }
  return req.query.get('access_token') ?? req.query.get('oauth_token') ?? undefined;
}

export function isPretty(q: URLSearchParams): boolean {
  const v = q.get('prettyPrint');
  return v === null || !(v.toLowerCase() === 'false' || v === '0');
}

export async function handleGmail(state: EmulatorState, req: EmuRequest): Promise<EmuResponse> {
  const pretty = isPretty(req.query);
  try {
    const m = USERS_RE.exec(req.path);
    if (!m) throw errors.methodNotFound(req.path);
    const rest = m[2] ?? '';
    let found: { route: GmailRoute; args: string[] } | undefined;
    for (const c of ROUTES) {
      if (c.route.method !== req.method) continue;
      const mm = c.re.exec(rest);
      if (mm) {
        found = { route: c.route, args: mm.slice(1).map(decode) };
        break;
      }
    }
    if (!found) throw errors.methodNotFound(req.path);
    const { route, args } = found;

    const raw = bearerToken(req);
    if (raw === undefined) throw errors.loginRequired();
    const token = raw ? state.oauth.validAccessToken(raw) : undefined;
    if (!token) throw errors.invalidCredentials();

    const params = bindParams(req.query, route.params);
    let selection: Selection | undefined;
    const fieldsParam = req.query.get('fields');
    if (fieldsParam !== null && fieldsParam.trim() !== '') {
      selection = parseFields(fieldsParam);
      validateFields(selection, route.schema);
    }

    const userId = decode(m[1]!);
    if (userId !== 'me' && userId.toLowerCase() !== token.email.toLowerCase()) throw errors.delegationDenied(userId);
    const account = state.account(token.email);
    if (!account) throw apiError(400, 'Mail service not enabled', { reason: 'failedPrecondition', status: 'FAILED_PRECONDITION' });

    if (!route.scopes.some((s) => token.scopes.includes(s))) throw errors.insufficientScope(route.rpc, route.scopes);
    const metadataOnly = token.scopes.includes(SCOPES.metadata);

    const charge = state.quota.charge(account.email, route.id);
    if (!charge.ok) {
      if (charge.reason === 'concurrency') throw errors.rateLimited();
      throw errors.quotaRefusal(charge.reason, charge.refusalStatus);
    }
    try {
      const delay = state.faults.delayMs(account.email);
      if (delay > 0) await sleep(delay);
      const fault = state.faults.decide(account.email, !req.inBatch);
      if (fault.kind === 'drop') return { status: 0, headers: {}, body: '', drop: true };
      if (fault.kind === 'error')
        throw fault.status === 503
          ? errors.unavailable()
          : fault.status === 500
            ? errors.backendError()
            : apiError(fault.status, 'Injected error', { reason: 'backendError' });

      const ctx: GmailContext = { state, req, account, token, params, args, metadataOnly };
      let result = route.handler(ctx);
      if (selection) result = applyFields(result, selection);
      return jsonResponse(200, result, pretty, { Vary: 'Origin, X-Origin, Referer' });
    } finally {
      charge.release();
    }
  } catch (e) {
    return errorToResponse(e, pretty);
  }
}
