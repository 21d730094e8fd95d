/** Human messages for the IPC error codes; the renderer branches on codes, never on text. */
import type { IpcError, IpcErrorCode } from '../../../common/ipc';

const MESSAGES: Record<IpcErrorCode, string> = {
  needs_sign_in: 'You are signed out. Sign in to see your mail.',
  needs_reauth: 'Google needs you to sign in again. Your cached mail is still here.',
  offline: 'You are offline. Showing what is on this computer.',
  rate_limited: 'Gmail asked Skimmer to slow down. It goes on by itself within a minute or two.',
  api_disabled: 'The Gmail API is not enabled for your Google Cloud project. Enable it in the Google Cloud console (APIs & Services, Library, Gmail API), wait a few minutes, then try again.',
  quota_exhausted: "Today's Gmail quota for your Google Cloud project is used up. Cached mail still works; syncing goes on tomorrow.",
  invalid_query: 'That search could not be read.',
  not_found: 'That item no longer exists in Gmail.',
  cancelled: 'Cancelled.',
  invalid_request: 'Skimmer refused an unexpected request.',
  internal: 'Something went wrong inside Skimmer.',
};

export function errorMessage(error: IpcError | null | undefined): string {
  if (!error) return '';
  return MESSAGES[error.code] ?? error.message;
}

/** Sign-in specific wording (denied consent, timeout...). */
export function signInErrorMessage(error: IpcError): string {
  switch (error.code) {
    case 'cancelled':
      return 'Sign-in was cancelled. You can try again whenever you like.';
    case 'offline':
      return 'Could not reach Google. Check your connection and try again.';
    case 'rate_limited':
      return 'Google is busy right now. Wait a moment and try again.';
    case 'needs_sign_in':
    case 'needs_reauth':
      return error.message || 'Google did not grant access. Try again and choose Allow.';
    case 'invalid_request':
      return error.message || 'The OAuth client file could not be used.';
    default:
      return error.message || MESSAGES[error.code];
  }
}

/** Codes where "Try again" makes sense. */
export function isRetryable(code: IpcErrorCode): boolean {
  return code === 'offline' || code === 'rate_limited' || code === 'internal';
}
