/**
 * How sign-in fails: the closed set of codes with their messages, and the mapping from
 * whatever the loopback listener, Google or the network threw to one of them.
 */
import { SkimmerError } from '../../common/errors';
import { en } from '../i18n/en';
import { t } from '../i18n/translate';
import { LoopbackError } from './loopback-server';

/**
 * Closed set of sign-in failures. `state_mismatch` is never thrown: a reply with the wrong
 * state is answered 400 and ignored (reported through `onIgnoredRequest`) and the flow goes
 * on waiting. Beyond the brief's list: `insufficient_scope` (the person unticked Gmail on the
 * consent page), `oauth_error` (Google redirected or answered with another OAuth error) and
 * `internal` (anything unexpected, e.g. the browser could not be opened).
 */
export type SignInErrorCode =
  | 'denied'
  | 'timed_out'
  | 'cancelled'
  | 'invalid_grant'
  | 'redirect_mismatch'
  | 'network'
  | 'state_mismatch'
  | 'already_in_progress'
  | 'port_unavailable'
  | 'insufficient_scope'
  | 'oauth_error'
  | 'internal';

// prettier-ignore
const SIGN_IN_CODES: readonly SignInErrorCode[] = [
  'denied', 'timed_out', 'cancelled', 'invalid_grant', 'redirect_mismatch', 'network', 'state_mismatch', 'already_in_progress', 'port_unavailable',
  'insufficient_scope', 'oauth_error', 'internal',
];

/** The English wording of each code (the catalogs hold every language's: `signInError.<code>`). */
export const SIGN_IN_MESSAGES: Readonly<Record<SignInErrorCode, string>> = Object.freeze(
  Object.fromEntries(SIGN_IN_CODES.map((code) => [code, en[`signInError.${code}`]])) as Record<SignInErrorCode, string>,
);

/** Carries a code and a human message; never the token, never the raw HTTP error (it holds the request body). */
export class SignInError extends SkimmerError {
  constructor(
    readonly code: SignInErrorCode,
    message: string = t(`signInError.${code}`),
    /** Extra technical detail (an OAuth error name, an errno), safe to show. */
    readonly detail?: string,
  ) {
    super(code === 'cancelled' ? 'cancelled' : code === 'network' ? 'offline' : 'needs_sign_in', message);
    this.name = 'SignInError';
  }
}

/** Map anything thrown during sign-in to the closed set, dropping raw HTTP errors (they carry secrets). */
export function toSignInError(e: unknown): SignInError {
  if (e instanceof SignInError) return e;
  if (e instanceof LoopbackError) {
    switch (e.code) {
      case 'denied':
        return new SignInError('denied', undefined, e.oauthError);
      case 'timed_out':
        return new SignInError('timed_out');
      case 'cancelled':
        return new SignInError('cancelled');
      case 'port_unavailable':
        return new SignInError('port_unavailable', e.message);
      default:
        return new SignInError('oauth_error', `Google ended the sign-in with "${e.oauthError ?? 'an error'}".`, e.oauthError);
    }
  }
  const oauth = oauthErrorOf(e);
  if (oauth) {
    if (oauth === 'invalid_grant') return new SignInError('invalid_grant', undefined, oauth);
    if (oauth === 'redirect_uri_mismatch') return new SignInError('redirect_mismatch', undefined, oauth);
    return new SignInError('oauth_error', `Google refused the sign-in ("${oauth}").`, oauth);
  }
  if (isNetworkError(e)) return new SignInError('network', undefined, errCode(e));
  if (e && typeof e === 'object' && 'name' in e && (e as Error).name === 'AbortError') return new SignInError('cancelled');
  return new SignInError('internal', undefined, e instanceof Error ? e.name : undefined);
}

/** `error` of an OAuth error body (`{"error":"invalid_grant",...}`), if the thrown thing has one. */
export function oauthErrorOf(e: unknown): string | null {
  if (!e || typeof e !== 'object') return null;
  const data = (e as { response?: { data?: unknown } }).response?.data;
  if (data && typeof data === 'object' && typeof (data as { error?: unknown }).error === 'string') {
    return (data as { error: string }).error;
  }
  return null;
}

export function httpStatusOf(e: unknown): number | null {
  if (!e || typeof e !== 'object') return null;
  const s = (e as { response?: { status?: unknown }; status?: unknown }).response?.status ?? (e as { status?: unknown }).status;
  return typeof s === 'number' ? s : null;
}

function errCode(e: unknown): string | undefined {
  const c = (e as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (e as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof c === 'string' ? c : undefined;
}

/** A request that never got an HTTP answer (refused, reset, DNS, time-out). */
export function isNetworkError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  if ((e as { response?: unknown }).response) return false;
  const code = errCode(e);
  if (code && /^(E[A-Z]+|UND_ERR\w*|TimeoutError)$/.test(code)) return true;
  const name = (e as { name?: unknown }).name;
  return name === 'GaxiosError' || name === 'FetchError' || (e instanceof TypeError && /fetch failed/i.test(e.message));
}
