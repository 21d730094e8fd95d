/** Human messages for the IPC error codes; the renderer branches on codes, never on text. */
import type { IpcError, IpcErrorCode } from '../../../common/ipc';
import type { MessageKey, Translate } from '../i18n/translate';

const MESSAGES: Record<IpcErrorCode, MessageKey> = {
  needs_sign_in: 'error.needs_sign_in',
  needs_reauth: 'error.needs_reauth',
  offline: 'error.offline',
  rate_limited: 'error.rate_limited',
  api_disabled: 'error.api_disabled',
  quota_exhausted: 'error.quota_exhausted',
  invalid_query: 'error.invalid_query',
  not_found: 'error.not_found',
  cancelled: 'error.cancelled',
  invalid_request: 'error.invalid_request',
  internal: 'error.internal',
};

export function errorMessage(error: IpcError | null | undefined, t: Translate): string {
  if (!error) return '';
  const key = MESSAGES[error.code];
  return key ? t(key) : error.message;
}

/**
 * Sign-in specific wording (denied consent, timeout...). Main's message is used where only it
 * knows what happened (a bad client file, Google's refusal); main words it in the same language.
 */
export function signInErrorMessage(error: IpcError, t: Translate): string {
  switch (error.code) {
    case 'cancelled':
      return t('signInError.cancelled');
    case 'offline':
      return t('signInError.offline');
    case 'rate_limited':
      return t('signInError.rate_limited');
    case 'needs_sign_in':
    case 'needs_reauth':
      return error.message || t('signInError.denied');
    case 'invalid_request':
      return error.message || t('signInError.badClient');
    default:
      return error.message || errorMessage(error, t);
  }
}

/** Codes where "Try again" makes sense. */
export function isRetryable(code: IpcErrorCode): boolean {
  return code === 'offline' || code === 'rate_limited' || code === 'internal';
}
