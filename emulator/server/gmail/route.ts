/** Shared shapes of the Gmail route handlers. */
import type { EmuRequest } from '../http';
import type { Account, EmulatorState } from '../state';
import type { AccessToken } from '../oauth/store';
import type { Schema } from '../fields';
import type { BoundParams, ParamSpec, ParamType } from './params';
import { SCOPES } from '../oauth/scopes';

export interface GmailContext {
  state: EmulatorState;
  req: EmuRequest;
  account: Account;
  token: AccessToken;
  params: BoundParams;
  /** Path captures after the userId, percent-decoded. */
  args: string[];
  /** The token carries gmail.metadata: q, FULL and RAW are refused, no snippets. */
  metadataOnly: boolean;
}

export interface GmailRoute {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  /** Path after `/gmail/v1/users/{userId}`; `{}` captures one segment. */
  path: string;
  /** Google's method id, e.g. users.messages.list (also the quota key). */
  id: string;
  /** Method name in ErrorInfo metadata. */
  rpc: string;
  params: ParamSpec;
  scopes: string[];
  schema: Schema;
  /** Has a JSON request body. */
  body?: boolean;
  handler: (ctx: GmailContext) => unknown;
}

export const READ_SCOPES = [SCOPES.mailFull, SCOPES.modify, SCOPES.readonly, SCOPES.metadata];
export const BODY_SCOPES = [SCOPES.mailFull, SCOPES.modify, SCOPES.readonly];
export const WRITE_SCOPES = [SCOPES.mailFull, SCOPES.modify];

export const LIST_PARAMS: ParamSpec = {
  q: { kind: 'string' },
  labelIds: { kind: 'strings' },
  maxResults: { kind: 'uint32', field: 'max_results' },
  pageToken: { kind: 'string' },
  includeSpamTrash: { kind: 'bool', field: 'include_spam_trash' },
};

export const ID_RE = /^[0-9a-fA-F]{1,16}$/;

/**
 * users.<resource>.get: one item by id, in one of the formats its proto allows (the enum's
 * type name follows the resource), with metadataHeaders; readable with every read scope.
 */
export function getByIdRoute(
  resource: 'messages' | 'threads',
  rpc: string,
  formats: readonly string[],
  schema: Schema,
  handler: GmailRoute['handler'],
): GmailRoute {
  const format: ParamType = { kind: 'enum', field: 'format', typeName: `type.googleapis.com/gmail.users.${resource}.get.Format`, values: [...formats] };
  return {
    method: 'GET',
    path: `/${resource}/{}`,
    id: `users.${resource}.get`,
    rpc: `caribou.api.proto.MailboxService.${rpc}`,
    params: { format, metadataHeaders: { kind: 'strings' } },
    scopes: READ_SCOPES,
    schema,
    handler,
  };
}
