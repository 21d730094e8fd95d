/** users.labels.list / get / create. */
import { apiError, errors } from '../errors';
import { SCHEMAS } from '../fields';
import { SCOPES } from '../oauth/scopes';
import type { GmailLabelLike } from '../types';
import { parseJsonBody } from './messages';
import type { GmailContext, GmailRoute } from './route';
import { READ_SCOPES, WRITE_SCOPES } from './route';

const LABEL_SCOPES = [...READ_SCOPES, SCOPES.labels];

function plain(l: GmailLabelLike): Record<string, unknown> {
  const out: Record<string, unknown> = { id: l.id, name: l.name };
  if (l.messageListVisibility) out.messageListVisibility = l.messageListVisibility;
  if (l.labelListVisibility) out.labelListVisibility = l.labelListVisibility;
  out.type = l.type;
  if (l.color) out.color = l.color;
  return out;
}

function withCounts(ctx: GmailContext, l: GmailLabelLike): Record<string, unknown> {
  return { ...plain(l), ...ctx.account.mailbox.labelCounts(l.id) };
}

function list(ctx: GmailContext): unknown {
  return { labels: ctx.account.mailbox.labels().map(plain) };
}

function get(ctx: GmailContext): unknown {
  const l = ctx.account.mailbox.label(ctx.args[0]!);
  if (!l) throw errors.notFound();
  return withCounts(ctx, l);
}

function create(ctx: GmailContext): unknown {
  const body = parseJsonBody(ctx);
  const name = body.name;
  if (typeof name !== 'string' || !name.trim()) throw errors.badRequest('Invalid label name');
  try {
    return withCounts(ctx, ctx.account.mailbox.createLabel(name));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'LABEL_EXISTS') throw apiError(409, 'Label name exists or conflicts', { reason: 'aborted', status: 'ABORTED' });
    throw errors.badRequest((e as Error).message || 'Invalid label name');
  }
}

export const labelRoutes: GmailRoute[] = [
  {
    method: 'GET',
    path: '/labels',
    id: 'users.labels.list',
    rpc: 'caribou.api.proto.MailboxService.ListLabels',
    params: {},
    scopes: LABEL_SCOPES,
    schema: SCHEMAS.labelList,
    handler: list,
  },
  {
    method: 'GET',
    path: '/labels/{}',
    id: 'users.labels.get',
    rpc: 'caribou.api.proto.MailboxService.GetLabel',
    params: {},
    scopes: LABEL_SCOPES,
    schema: SCHEMAS.label,
    handler: get,
  },
  {
    method: 'POST',
    path: '/labels',
    id: 'users.labels.create',
    rpc: 'caribou.api.proto.MailboxService.CreateLabel',
    params: {},
    scopes: [...WRITE_SCOPES, SCOPES.labels],
    schema: SCHEMAS.label,
    body: true,
    handler: create,
  },
];
