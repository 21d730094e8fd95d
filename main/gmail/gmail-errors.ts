/**
 * Sorting Gmail/gaxios failures into what the caller can do about them: retry later,
 * sign in again, or give up with a message.
 */
export type GmailFailureKind = 'retryable' | 'auth' | 'not_found' | 'history_too_old' | 'fatal';

interface ErrorLike {
  status?: number;
  code?: string | number;
  message?: string;
  response?: { status?: number; data?: unknown; headers?: unknown };
}

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded', 'quotaExceeded']);
// prettier-ignore
const NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE',
]);

export function httpStatusOf(error: unknown): number | undefined {
  const e = error as ErrorLike | null;
  return e?.response?.status ?? e?.status;
}

export function errorReasonOf(error: unknown): string | undefined {
  const data = (error as ErrorLike | null)?.response?.data as { error?: { errors?: { reason?: string }[] } | string } | undefined;
  if (data && typeof data.error === 'object') return data.error.errors?.[0]?.reason;
  if (data && typeof data.error === 'string') return data.error;
  return undefined;
}

export function isNetworkError(error: unknown): boolean {
  const e = error as ErrorLike | null;
  if (!e || e.response) return false;
  const code = String(e.code ?? '');
  if (NETWORK_CODES.has(code)) return true;
  return /socket hang up|network|fetch failed|ECONNRESET|terminated|other side closed/i.test(String(e.message ?? ''));
}

export function classifyGmailError(error: unknown, context: { historyRequest?: boolean } = {}): GmailFailureKind {
  const status = httpStatusOf(error);
  if (status === undefined) return isNetworkError(error) ? 'retryable' : 'fatal';
  if (status === 429 || status >= 500) return 'retryable';
  if (status === 401) return 'auth';
  if (status === 403) return RATE_LIMIT_REASONS.has(errorReasonOf(error) ?? '') ? 'retryable' : 'fatal';
  if (status === 404) return context.historyRequest ? 'history_too_old' : 'not_found';
  if (status === 400 && errorReasonOf(error) === 'invalid_grant') return 'auth';
  return 'fatal';
}

/**
 * Which quota refusal this is, if any: `quota` (per-user or per-project rate: wait and go
 * on), `concurrency` (too many requests at once), `daily` (the day's budget), `disabled`
 * (403 accessNotConfigured: the project has the Gmail API off). Google sends the rate kinds
 * as 429 RESOURCE_EXHAUSTED or as 403 PERMISSION_DENIED.
 */
export function rateLimitKindOf(error: unknown): 'quota' | 'concurrency' | 'daily' | 'disabled' | null {
  const status = httpStatusOf(error);
  if (status !== 429 && status !== 403) return null;
  const reason = errorReasonOf(error) ?? '';
  const data = (error as ErrorLike | null)?.response?.data as { error?: { message?: string } } | undefined;
  const message = typeof data?.error === 'object' ? String(data.error.message ?? '') : String((error as ErrorLike | null)?.message ?? '');
  if (reason === 'accessNotConfigured' || /SERVICE_DISABLED|has not been used in project|is disabled/i.test(message)) return 'disabled';
  if (reason === 'dailyLimitExceeded') return 'daily';
  if (/concurrent/i.test(message)) return 'concurrency';
  if (status === 429 || RATE_LIMIT_REASONS.has(reason)) return 'quota';
  return null;
}

export function retryAfterHeaderOf(error: unknown): string | null {
  const headers = (error as ErrorLike | null)?.response?.headers as { get?: (name: string) => string | null } | Record<string, string> | undefined;
  if (!headers) return null;
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get: (n: string) => string | null }).get('retry-after');
  return (headers as Record<string, string>)['retry-after'] ?? null;
}
