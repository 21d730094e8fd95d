import { SkimmerError } from './errors';

/** The closed set of error codes an IPC reply can carry; the renderer branches on these. */
export const IPC_ERROR_CODES = [
  'invalid_request',
  'needs_sign_in',
  'needs_reauth',
  'offline',
  'rate_limited',
  /** The Google Cloud project has the Gmail API turned off. */
  'api_disabled',
  /** The project's daily quota is used up. */
  'quota_exhausted',
  'invalid_query',
  'not_found',
  'cancelled',
  'internal',
] as const;

export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
}

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** Thrown by main-side handlers to reply with a specific code and this message, as is. */
export class IpcFailure extends SkimmerError {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(code, message, { publicMessage: message });
    this.name = 'IpcFailure';
  }
}

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}
