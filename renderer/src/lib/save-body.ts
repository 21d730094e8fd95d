import { skimmer } from '../api';
import { errorMessage } from './errors';

/** Saves a message body through main's save dialog; what to tell the person (empty if they cancelled). */
export async function saveBody(accountId: string, messageId: string): Promise<string> {
  const reply = await skimmer().saveMessageBody(accountId, messageId);
  if (!reply.ok) return errorMessage(reply.error);
  return reply.value.saved ? `Saved as ${reply.value.fileName ?? 'a text file'}.` : '';
}
