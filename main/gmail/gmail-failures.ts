/**
 * What a Gmail call can fail with, each carrying the IPC contract's code (common/errors.ts)
 * and, where the raw text is not for people, a message they can read.
 */
import { SkimmerError } from '../../common/errors';
import type { IpcErrorCode } from '../../common/ipc-result';

/** A Gmail failure with its contract code; `cause` keeps the raw error for the log, never for the person. */
abstract class GmailError extends SkimmerError {
  constructor(code: IpcErrorCode, message: string, cause: unknown, publicMessage?: string) {
    super(code, message, { cause, publicMessage });
  }
}

/** A failure whose only argument is the raw error: one class per row, each its own for `instanceof`. */
function causedFailure(name: string, code: IpcErrorCode, message: string, publicMessage?: string) {
  return class extends GmailError {
    override readonly name = name;
    constructor(cause: unknown) {
      super(code, message, cause, publicMessage);
    }
  };
}

export const GmailAuthError = causedFailure(
  'GmailAuthError',
  'needs_reauth',
  "Google no longer accepts this account's sign-in.",
  'Google needs you to sign in to this account again.',
);
export const GmailUnavailableError = causedFailure(
  'GmailUnavailableError',
  'offline',
  'Gmail could not be reached.',
  'Gmail could not be reached. Check your connection; Skimmer will keep trying.',
);
/** Gmail kept refusing for quota for longer than the retry budget (several quota windows). */
export const GmailRateLimitedError = causedFailure(
  'GmailRateLimitedError',
  'rate_limited',
  'Gmail asked Skimmer to slow down and has not let it continue yet.',
  'Gmail asked Skimmer to slow down. It will go on by itself in a minute or two.',
);
/** The day's quota is spent (403 dailyLimitExceeded): nothing helps until tomorrow. */
export const GmailDailyQuotaError = causedFailure(
  'GmailDailyQuotaError',
  'quota_exhausted',
  "Today's Gmail quota for this Google Cloud project is used up; syncing resumes tomorrow.",
);
/** Gmail could not read the search (400 on messages.list with a `q`): the person can rephrase it. */
export const GmailInvalidQueryError = causedFailure(
  'GmailInvalidQueryError',
  'invalid_query',
  'Gmail could not read that search. Check the operators and quotes, then try again.',
);

export class GmailNotFoundError extends GmailError {
  override readonly name = 'GmailNotFoundError';
  constructor(what: string) {
    super('not_found', `${what} was not found.`, undefined);
  }
}

export class HistoryTooOldError extends GmailError {
  override readonly name = 'HistoryTooOldError';
  constructor() {
    super('internal', 'The stored history id is too old: a full resync is needed.', undefined);
  }
}

/** The Cloud project behind the OAuth client has the Gmail API disabled (403 accessNotConfigured). */
export class GmailApiDisabledError extends GmailError {
  override readonly name = 'GmailApiDisabledError';
  readonly consoleUrl: string;
  constructor(cause: unknown) {
    const project = /project[= ](\d+)/.exec(String((cause as { message?: string } | null)?.message ?? ''))?.[1];
    const consoleUrl = `https://console.cloud.google.com/apis/library/gmail.googleapis.com${project ? `?project=${project}` : ''}`;
    super('api_disabled', `The Gmail API is not enabled for this Google Cloud project. Enable it at ${consoleUrl}, wait a few minutes, then try again.`, cause);
    this.consoleUrl = consoleUrl;
  }
}
