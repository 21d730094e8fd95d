/**
 * A transport-neutral request/response pair. The node:http server and the batch endpoint
 * both turn their input into an `EmuRequest` and dispatch it through the router.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, OAuthError } from './errors';

export interface EmuRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the routes. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  remoteAddress: string;
  /** True when the request arrived as one part of a batch. */
  inBatch?: boolean;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
  /** Ask the transport to drop the connection instead of answering (fault injection). */
  drop?: boolean;
}

export const JSON_TYPE = 'application/json; charset=UTF-8';

export function jsonResponse(status: number, value: unknown, pretty = true, headers: Record<string, string> = {}): EmuResponse {
  const text = pretty ? JSON.stringify(value, null, 2) + '\n' : JSON.stringify(value);
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: text };
}

export function htmlResponse(status: number, html: string, headers: Record<string, string> = {}): EmuResponse {
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
      ...headers,
    },
    body: html,
  };
}

export function redirectResponse(location: string): EmuResponse {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-cache, no-store, max-age=0' }, body: '' };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers, body: '' };
}

export function errorToResponse(err: unknown, pretty = true): EmuResponse {
  if (err instanceof ApiError) return jsonResponse(err.status, err.body, pretty, err.headers);
  if (err instanceof OAuthError) return jsonResponse(err.status, err.body, pretty);
  const body = {
    error: {
      code: 500,
      message: 'Internal error encountered.',
      errors: [{ message: 'Backend Error', domain: 'global', reason: 'backendError' }],
      status: 'INTERNAL',
    },
  };
  return jsonResponse(500, body, pretty);
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  if (Array.isArray(v)) return v[0];
  return v;
}

/** Form (application/x-www-form-urlencoded) or JSON body into URLSearchParams; null if unparsable JSON. */
export function parseFormOrJson(req: EmuRequest): URLSearchParams | null {
  const type = (headerValue(req.headers, 'content-type') ?? '').toLowerCase();
  const text = req.body.toString('utf8');
  if (type.includes('application/json')) {
    if (!text.trim()) return new URLSearchParams();
    try {
      const obj = JSON.parse(text) as unknown;
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return null;
      const out = new URLSearchParams();
      for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
        if (v === undefined || v === null) continue;
        out.append(k, typeof v === 'string' ? v : JSON.stringify(v));
      }
      return out;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(text);
}

export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || address.startsWith('127.');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
