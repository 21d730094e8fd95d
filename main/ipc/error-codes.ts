/**
 * The one mapping from a thrown error to the IPC contract's reply: every layer throws a
 * SkimmerError carrying its contract code; anything else is `internal` with a generic
 * sentence, since a foreign error's text may carry a token or a request body.
 */
import { SkimmerError } from '../../common/errors';
import { IpcFailure, type IpcError } from '../../common/ipc';

export const INTERNAL_MESSAGE = 'Something went wrong inside Skimmer. Please try again.';

/** The reply for a failure, and whether it is unexpected (worth logging in full). */
export function ipcErrorFor(error: unknown): { readonly error: IpcError; readonly unexpected: boolean } {
  if (error instanceof SkimmerError && error.publicMessage !== null) {
    return { error: { code: error.contractCode, message: error.publicMessage }, unexpected: error.contractCode === 'internal' };
  }
  return { error: { code: 'internal', message: INTERNAL_MESSAGE }, unexpected: true };
}

/** Throws the error as the IpcFailure its contract code names; foreign errors go on unchanged (the router hides them). */
export function rethrowForIpc(error: unknown): never {
  if (error instanceof SkimmerError && !(error instanceof IpcFailure) && error.publicMessage !== null) {
    throw new IpcFailure(error.contractCode, error.publicMessage);
  }
  throw error;
}
