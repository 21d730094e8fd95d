import type { IpcError } from '../../../common/ipc';
import { skimmer } from '../api';

export type SaveBodyOutcome = { kind: 'saved'; fileName: string } | { kind: 'cancelled' } | { kind: 'failed'; error: IpcError };

/** Saves a message body through main's save dialog; the component words the outcome. */
export async function saveBody(accountId: string, messageId: string): Promise<SaveBodyOutcome> {
  const reply = await skimmer().saveMessageBody(accountId, messageId);
  if (!reply.ok) return { kind: 'failed', error: reply.error };
  return reply.value.saved ? { kind: 'saved', fileName: reply.value.fileName ?? '' } : { kind: 'cancelled' };
}
