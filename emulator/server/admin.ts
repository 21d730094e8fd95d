/** What the library handle (and the test hooks) do to a running emulator, as plain functions on its state. */
import { errors } from './errors';
import type { EmulatorState } from './state';
import type { OAuthClient } from './oauth/store';
import type { StoredMessageLike } from './types';

export interface AddMessageInput {
  raw: Buffer;
  labelIds?: string[];
  internalDate?: number;
}

export function addMessage(state: EmulatorState, email: string, input: AddMessageInput): StoredMessageLike {
  const acct = state.account(email);
  if (!acct) throw errors.notFound();
  const opts: { labelIds?: string[]; internalDate?: number } = {};
  if (input.labelIds) opts.labelIds = input.labelIds;
  if (input.internalDate !== undefined) opts.internalDate = input.internalDate;
  try {
    return acct.mailbox.add(input.raw, opts);
  } catch (e) {
    throw errors.badRequest((e as Error).message);
  }
}

export function clientInfo(c: OAuthClient): Record<string, unknown> {
  return { clientId: c.clientId, clientSecret: c.clientSecret, type: c.type, redirectUris: c.redirectUris, name: c.name };
}
