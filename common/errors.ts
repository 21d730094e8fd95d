/**
 * The one error base every layer throws: it carries the IPC contract's code, so main maps
 * any failure to a reply in one place (main/ipc/error-codes.ts) instead of one `instanceof`
 * chain per handler.
 */
import type { IpcErrorCode } from './ipc-result';

export interface SkimmerErrorOptions {
  readonly cause?: unknown;
  /**
   * What a person may read. Defaults to the message, except for `internal` failures, whose
   * message may hold details: they reach the renderer as a generic sentence unless this is set.
   */
  readonly publicMessage?: string;
}

export class SkimmerError extends Error {
  readonly publicMessage: string | null;

  constructor(
    readonly contractCode: IpcErrorCode,
    message: string,
    options: SkimmerErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SkimmerError';
    this.publicMessage = options.publicMessage ?? (contractCode === 'internal' ? null : message);
  }
}
