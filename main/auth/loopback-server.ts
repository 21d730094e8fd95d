import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { SkimmerError } from '../../common/errors';
import { mainLocale, t } from '../i18n/translate';

export type LoopbackErrorCode = 'denied' | 'timed_out' | 'cancelled' | 'port_unavailable' | 'oauth_error';

export class LoopbackError extends SkimmerError {
  constructor(
    readonly code: LoopbackErrorCode,
    message: string,
    /** The `error` parameter Google redirected with, when there was one. */
    readonly oauthError?: string,
  ) {
    super(code === 'cancelled' ? 'cancelled' : 'needs_sign_in', message);
    this.name = 'LoopbackError';
  }
}

export type ResultPageKind = 'success' | 'denied' | 'error';

/** A callback whose state matched. The browser waits for `respond()` (so its page can tell the truth). */
export interface LoopbackCallback {
  code: string;
  /** Every query parameter Google sent (scope, authuser, iss, ...). */
  params: URLSearchParams;
  /** Answer the waiting browser tab; the listener closes afterwards. Idempotent. */
  respond(kind: ResultPageKind, detail?: string): void;
}

export type IgnoredReason = 'state_mismatch' | 'missing_code' | 'not_found' | 'method_not_allowed' | 'malformed';

export interface LoopbackServerOptions {
  /** The `state` sent in the authorization URL. */
  state: string;
  /** Default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Default 0 (the OS picks a free port). Tests inject a taken port. */
  port?: number;
  /** Default '/oauth2callback'. */
  callbackPath?: string;
  /** How long the browser tab may wait for `respond()` before it gets a neutral page. Default 60 s. */
  respondTimeoutMs?: number;
  /** Requests that were answered and ignored (never fatal). */
  onIgnoredRequest?: (reason: IgnoredReason) => void;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>/oauth2callback` */
  readonly redirectUri: string;
  readonly port: number;
  /** Resolves with the first callback whose state matches; rejects with a LoopbackError. */
  readonly callback: Promise<LoopbackCallback>;
  close(): Promise<void>;
}

export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;
const HOST = '127.0.0.1';

/** RFC 8252 loopback listener on 127.0.0.1 only; accepts exactly one callback with the right state. */
export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const callbackPath = options.callbackPath ?? '/oauth2callback';
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  const respondTimeoutMs = options.respondTimeoutMs ?? 60_000;
  const expectedState = Buffer.from(options.state, 'utf8');
  if (options.signal?.aborted) throw new LoopbackError('cancelled', 'Sign-in was cancelled.');

  const server: Server = createServer();
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      reject(new LoopbackError('port_unavailable', `Skimmer could not open a local port for the sign-in reply (${e.code ?? e.message}).`));
    };
    server.once('error', onError);
    server.listen({ port: options.port ?? 0, host: HOST, exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const redirectUri = `http://${HOST}:${port}${callbackPath}`;

  let settled = false;
  let closed: Promise<void> | null = null;
  let resolveCb!: (cb: LoopbackCallback) => void;
  let rejectCb!: (e: LoopbackError) => void;
  const callback = new Promise<LoopbackCallback>((res, rej) => {
    resolveCb = res;
    rejectCb = rej;
  });
  callback.catch(() => undefined); // the caller awaits it; don't report it as unhandled meanwhile

  const close = (): Promise<void> => {
    if (!closed) {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      closed = new Promise<void>((res) => {
        server.close(() => res());
        server.closeAllConnections();
      });
    }
    return closed;
  };
  const fail = (e: LoopbackError) => {
    if (settled) return;
    settled = true;
    rejectCb(e);
    void close();
  };
  function onAbort() {
    fail(new LoopbackError('cancelled', 'Sign-in was cancelled.'));
  }
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => fail(new LoopbackError('timed_out', `No answer from the browser within ${Math.round(timeoutMs / 1000)} seconds.`)), timeoutMs);

  // Anything the HTTP parser itself rejects (garbage, oversized headers) gets Node's own 400/431;
  // answer it without letting a socket error reach the process.
  server.on('clientError', (_err: Error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  // CONNECT and Upgrade requests bypass 'request'; they are not ours either.
  const refuseRaw = (_req: IncomingMessage, socket: Duplex) => {
    options.onIgnoredRequest?.('malformed');
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  server.on('connect', refuseRaw);
  server.on('upgrade', refuseRaw);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    try {
      handle(req, res);
    } catch {
      // A request we could not understand must never end the sign-in: answer it and keep waiting.
      options.onIgnoredRequest?.('malformed');
      if (!res.headersSent) send(res, 400, 'text/plain', 'Bad request');
      else res.destroy();
    }
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = parseTarget(req.url);
    if (url === null) {
      options.onIgnoredRequest?.('malformed');
      send(res, 400, 'text/plain', 'Bad request');
      return;
    }
    if (url.pathname === '/favicon.ico') {
      send(res, 404, 'text/plain', 'Not found');
      return;
    }
    if (req.method !== 'GET') {
      options.onIgnoredRequest?.('method_not_allowed');
      send(res, 405, 'text/plain', 'Method not allowed');
      return;
    }
    if (url.pathname !== callbackPath) {
      options.onIgnoredRequest?.('not_found');
      send(res, 404, 'text/html', page('error', t('loopback.notOurs')));
      return;
    }
    if (settled) {
      send(res, 410, 'text/html', page('error', t('loopback.finished')));
      return;
    }
    const params = url.searchParams;
    if (!stateMatches(params.get('state'), expectedState)) {
      options.onIgnoredRequest?.('state_mismatch');
      send(res, 400, 'text/html', page('error', t('loopback.wrongState')));
      return;
    }
    const error = params.get('error');
    if (error) {
      const denied = error === 'access_denied';
      send(res, 200, 'text/html', page(denied ? 'denied' : 'error', denied ? undefined : t('loopback.googleAnswered', { error })));
      fail(
        denied
          ? new LoopbackError('denied', 'You declined access in the browser.', error)
          : new LoopbackError('oauth_error', `Google ended the sign-in with "${error}".`, error),
      );
      return;
    }
    const code = params.get('code');
    if (!code) {
      options.onIgnoredRequest?.('missing_code');
      send(res, 400, 'text/html', page('error', t('loopback.noCode')));
      return;
    }
    settled = true;
    clearTimeout(timer);
    let answered = false;
    const respond = (kind: ResultPageKind, detail?: string) => {
      if (answered) return;
      answered = true;
      clearTimeout(holdTimer);
      send(res, 200, 'text/html', page(kind, detail), () => void close());
    };
    const holdTimer = setTimeout(() => respond('success', t('loopback.finishing')), respondTimeoutMs);
    resolveCb({ code, params: new URLSearchParams(params), respond });
  }

  return { redirectUri, port, callback, close };
}

const MAX_TARGET_LENGTH = 8192;

/**
 * The request target as a URL, or null when it is not a plain origin-form path (`/x?y`).
 * Absolute-form (`http://host/...`), authority-form and anything `new URL()` rejects are refused.
 */
function parseTarget(target: string | undefined): URL | null {
  if (!target || target.length > MAX_TARGET_LENGTH || !target.startsWith('/') || target.startsWith('//')) return null;
  if (!URL.canParse(target, `http://${HOST}`)) return null;
  const url = new URL(target, `http://${HOST}`);
  return url.host === HOST ? url : null;
}

function stateMatches(got: string | null, expected: Buffer): boolean {
  if (got === null) return false;
  const g = Buffer.from(got, 'utf8');
  return g.length === expected.length && timingSafeEqual(g, expected);
}

function send(res: ServerResponse, status: number, type: string, body: string, done?: () => void): void {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(body, done);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const LOOK: Record<ResultPageKind, { mark: string; color: string }> = {
  success: { mark: '✓', color: '#1e8e3e' },
  denied: { mark: '✕', color: '#b3261e' },
  error: { mark: '!', color: '#b06000' },
};

/** The small page shown in the person's browser tab. */
export function page(kind: ResultPageKind, detail?: string): string {
  const text = { title: t(`loopback.${kind}.title`), lead: t(`loopback.${kind}.lead`), ...LOOK[kind] };
  return `<!doctype html>
<html lang="${mainLocale()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Skimmer: ${escapeHtml(text.title)}</title>
<style>
  :root { color-scheme: light dark; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f5f7;
         font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", "Noto Sans CJK KR", sans-serif;
         word-break: keep-all; overflow-wrap: anywhere; color: #1f1f1f; }
  main { background: #fff; border-radius: 16px; box-shadow: 0 8px 32px rgba(0,0,0,.08); padding: 40px 48px;
         max-width: 420px; text-align: center; }
  .mark { width: 56px; height: 56px; border-radius: 50%; margin: 0 auto 16px; display: grid; place-items: center;
          font-size: 28px; color: #fff; background: ${text.color}; }
  h1 { font-size: 22px; margin: 0 0 8px; }
  p { margin: 8px 0; color: #444; }
  .detail { font-size: 14px; color: #666; }
  .close { margin-top: 20px; font-weight: 600; }
  @media (prefers-color-scheme: dark) { body { background: #1b1b1f; color: #eee; } main { background: #26262b; box-shadow: none; }
    p { color: #ccc; } .detail { color: #aaa; } }
</style></head>
<body><main data-result="${kind}">
  <div class="mark" aria-hidden="true">${text.mark}</div>
  <h1>${escapeHtml(text.title)}</h1>
  <p>${escapeHtml(text.lead)}</p>
  ${detail ? `<p class="detail">${escapeHtml(detail)}</p>` : ''}
  <p class="close">${escapeHtml(t('loopback.close'))}</p>
</main></body></html>`;
}
