/**
 * Test hooks under /__emulator/ (loopback callers only). Documented in emulator/README.md.
 * Each hook is also a plain function on the state, so the library handle can call it directly.
 * Only emulator/index.ts (tests, the emulator CLI) routes to them: the app's demo starts the
 * emulator from emulator/shipped.ts, so none of this is bundled into the shipped main.
 */
import type { EmuRequest, EmuResponse } from './http';
import { errorToResponse, headerValue, isLoopback, jsonResponse } from './http';
import { apiError, errors } from './errors';
import type { EmulatorState } from './state';
import type { ClientRegistration } from './oauth/store';
import type { QuotaSettings } from './quota';
import type { FaultSettings } from './faults';
import { addMessage, clientInfo, type AddMessageInput } from './admin';

function readJson(req: EmuRequest): Record<string, unknown> {
  const text = req.body.toString('utf8').trim();
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw errors.invalidJson('Expected a JSON object.');
}

function strList(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.split(',').filter(Boolean);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw errors.badRequest('Expected a list of strings.');
}

function num(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) throw errors.badRequest(`Not a number: ${String(v)}`);
  return n;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

export function handleHook(state: EmulatorState, req: EmuRequest, info: () => Record<string, unknown>): EmuResponse {
  try {
    if (!isLoopback(req.remoteAddress)) throw errors.forbidden('Test hooks answer loopback callers only.');
    // No cross-site requests from a browser page, no DNS-rebinding hosts.
    const origin = headerValue(req.headers, 'origin');
    if (origin && origin !== state.baseUrl) throw errors.forbidden('Test hooks refuse cross-origin requests.');
    const host = headerValue(req.headers, 'host');
    if (host && !/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(host)) throw errors.forbidden('Test hooks answer loopback hosts only.');
    let parts: string[];
    try {
      parts = req.path
        .split('/')
        .filter(Boolean)
        .slice(1)
        .map((p) => decodeURIComponent(p));
    } catch {
      throw errors.badRequest('Malformed percent-encoding in the path.');
    }
    const [a, b, c, d, e] = parts;
    const M = req.method;
    const ok = (v: unknown) => jsonResponse(200, v);

    if (a === 'info' && M === 'GET') return ok(info());

    if (a === 'accounts') {
      if (!b && M === 'GET') {
        return ok({
          accounts: [...state.accounts.values()].map((x) => ({ email: x.email, name: x.name, ...x.mailbox.profile() })),
        });
      }
      const acct = b ? state.account(b) : undefined;
      if (!acct) throw errors.notFound();
      const mailbox = acct.mailbox;
      if (c === 'messages' && !d && M === 'POST') {
        const type = (headerValue(req.headers, 'content-type') ?? '').toLowerCase();
        let input: AddMessageInput;
        if (type.includes('application/json')) {
          const body = readJson(req);
          const raw = str(body.raw);
          const rawText = str(body.rawText);
          if (!raw && !rawText) throw errors.badRequest('Give "raw" (base64 or base64url) or "rawText".');
          input = { raw: rawText ? Buffer.from(rawText, 'utf8') : Buffer.from(raw!.replace(/-/g, '+').replace(/_/g, '/'), 'base64') };
          const labelIds = strList(body.labelIds);
          if (labelIds) input.labelIds = labelIds;
          const internalDate = num(body.internalDate);
          if (internalDate !== undefined) input.internalDate = internalDate;
        } else {
          if (!req.body.length) throw errors.badRequest('Empty message.');
          input = { raw: req.body };
          const labelIds = req.query
            .getAll('labelIds')
            .flatMap((x) => x.split(','))
            .filter(Boolean);
          if (req.query.has('labelIds')) input.labelIds = labelIds;
          const internalDate = num(req.query.get('internalDate'));
          if (internalDate !== undefined) input.internalDate = internalDate;
        }
        const m = addMessage(state, acct.email, input);
        return ok({ id: m.id, threadId: m.threadId, labelIds: m.labelIds, historyId: m.historyId });
      }
      if (c === 'messages' && d && e === 'labels' && M === 'POST') {
        const body = readJson(req);
        if (!mailbox.get(d)) throw errors.notFound();
        try {
          mailbox.modify(d, strList(body.addLabelIds) ?? [], strList(body.removeLabelIds) ?? []);
        } catch (err) {
          throw errors.badRequest((err as Error).message);
        }
        const m = mailbox.get(d)!;
        return ok({ id: m.id, threadId: m.threadId, labelIds: m.labelIds, historyId: m.historyId });
      }
      if (c === 'messages' && d && !e && M === 'DELETE') {
        if (!mailbox.delete(d)) throw errors.notFound();
        return ok({ deleted: d, historyId: mailbox.historyId });
      }
      if (c === 'labels' && !d && M === 'POST') {
        const name = str(readJson(req).name);
        if (!name) throw errors.badRequest('Give "name".');
        try {
          return ok(mailbox.createLabel(name));
        } catch (err) {
          throw errors.badRequest((err as Error).message);
        }
      }
      if (c === 'history' && d === 'expire' && M === 'POST') {
        const mb = mailbox as unknown as { expireHistory?: () => void };
        if (typeof mb.expireHistory !== 'function') throw errors.badRequest('This mailbox cannot expire its history.');
        mb.expireHistory();
        return ok({ historyId: mailbox.historyId });
      }
      throw errors.methodNotFound(req.path);
    }

    if (a === 'tokens' && M === 'POST' && (b === 'revoke' || b === 'expire')) {
      const body = readJson(req);
      const email = str(body.email);
      const token = str(body.token);
      if (b === 'revoke') {
        if (token) return ok({ revoked: state.oauth.revokeToken(token) ? 1 : 0 });
        return ok({ revoked: state.oauth.revokeAll(email) });
      }
      return ok({ expired: state.oauth.expireAccessTokens({ ...(email ? { email } : {}), ...(token ? { token } : {}) }) });
    }

    if (a === 'settings') {
      if (M === 'POST') {
        const body = readJson(req);
        const at = num(body.accessTokenTtlSeconds);
        const code = num(body.codeTtlSeconds);
        if (at !== undefined) state.oauth.accessTokenTtlSeconds = Math.max(1, Math.floor(at));
        if (code !== undefined) state.oauth.codeTtlSeconds = Math.max(1, Math.floor(code));
      } else if (M !== 'GET') throw errors.methodNotFound(req.path);
      return ok({ accessTokenTtlSeconds: state.oauth.accessTokenTtlSeconds, codeTtlSeconds: state.oauth.codeTtlSeconds });
    }

    if (a === 'clients') {
      if (M === 'GET') return ok({ clients: [...state.oauth.clients.values()].map(clientInfo) });
      if (M === 'POST') {
        const body = readJson(req);
        const type = body.type === 'web' ? 'web' : body.type === undefined || body.type === 'installed' ? 'installed' : undefined;
        if (!type) throw errors.badRequest('type must be "installed" or "web".');
        const reg: ClientRegistration = { type };
        const id = str(body.clientId);
        const secret = str(body.clientSecret);
        const name = str(body.name);
        const uris = strList(body.redirectUris);
        if (id) reg.clientId = id;
        if (secret) reg.clientSecret = secret;
        if (name) reg.name = name;
        if (uris) reg.redirectUris = uris;
        return ok(clientInfo(state.oauth.registerClient(reg)));
      }
    }

    if (a === 'quota') {
      if (!b && M === 'GET') {
        const email = req.query.get('email');
        if (email) return ok(state.quota.usage(email));
        return ok({ users: [...state.accounts.values()].map((x) => state.quota.usage(x.email)) });
      }
      if (!b && (M === 'POST' || M === 'PUT')) {
        const body = readJson(req);
        const s: QuotaSettings = {};
        const ups = num(body.unitsPerSecond);
        const upm = num(body.unitsPerMinute);
        const mc = num(body.maxConcurrent);
        const profile = str(body.profile);
        const refusal = num(body.refusalStatus);
        if (profile === 'off' || profile === 'legacy' || profile === '2026') s.profile = profile;
        else if (profile !== undefined) return errorToResponse(apiError(400, 'profile must be off, legacy or 2026', { reason: 'badRequest' }));
        if (ups !== undefined) s.unitsPerSecond = Math.max(0, ups);
        if (upm !== undefined) s.unitsPerMinute = Math.max(0, upm);
        if (mc !== undefined) s.maxConcurrent = Math.max(0, Math.floor(mc));
        if (refusal === 429 || refusal === 403) s.refusalStatus = refusal;
        if (typeof body.apiDisabled === 'boolean') s.apiDisabled = body.apiDisabled;
        state.quota.set(str(body.email), s);
        return ok({ email: str(body.email) ?? null, ...s });
      }
      if (b === 'reset' && M === 'POST') {
        state.quota.resetUsage(str(readJson(req).email));
        return ok({ reset: true });
      }
    }

    if (a === 'faults') {
      if (M === 'GET') return ok(state.faults.snapshot());
      if (M === 'DELETE') {
        state.faults.clear();
        return ok(state.faults.snapshot());
      }
      if (M === 'POST' || M === 'PUT') {
        const body = readJson(req);
        const s: FaultSettings = {};
        for (const k of ['latencyMs', 'jitterMs', 'errorRate', 'dropRate'] as const) {
          const v = num(body[k]);
          if (v !== undefined) s[k] = v;
        }
        if (Array.isArray(body.errorStatuses)) s.errorStatuses = body.errorStatuses.map(Number);
        state.faults.set(str(body.email), s);
        return ok(state.faults.snapshot());
      }
    }

    throw apiError(404, `Unknown hook: ${M} ${req.path}`, { reason: 'notFound' });
  } catch (err) {
    return errorToResponse(err);
  }
}
