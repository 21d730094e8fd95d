/** users.messages.list / get / attachments.get / modify. */
import { errors, apiError } from '../errors';
import { SCHEMAS } from '../fields';
import type { StoredMessageLike } from '../types';
import { formatMessage, type MessageFormat } from './format';
import { pageSize, PageTokens } from './params';
import type { GmailContext, GmailRoute } from './route';
import { BODY_SCOPES, getByIdRoute, ID_RE, LIST_PARAMS, READ_SCOPES, WRITE_SCOPES } from './route';

const tokensFor = new WeakMap<object, PageTokens>();
export function pageTokens(ctx: GmailContext): PageTokens {
  let t = tokensFor.get(ctx.state);
  if (!t) {
    t = new PageTokens(ctx.state.pageTokenSecret);
    tokensFor.set(ctx.state, t);
  }
  return t;
}

/** Messages selected by labelIds (AND), q and includeSpamTrash, newest first. */
export function selectMessages(ctx: GmailContext): StoredMessageLike[] {
  const mailbox = ctx.account.mailbox;
  const q = (ctx.params.str('q') ?? '').trim();
  if (q && ctx.metadataOnly) throw errors.forbidden("Metadata scope does not support 'q' parameter");
  const labelIds = ctx.params
    .strs('labelIds')
    .flatMap((l) => l.split(','))
    .filter(Boolean);
  const includeSpamTrash = ctx.params.bool('includeSpamTrash');
  let msgs = mailbox.list();
  if (labelIds.length) {
    msgs = msgs.filter((m) => labelIds.every((l) => m.labelIds.includes(l)));
  }
  const spamTrashAsked = includeSpamTrash || labelIds.includes('SPAM') || labelIds.includes('TRASH');
  if (q) {
    return ctx.state.search.filter(mailbox, q, msgs, spamTrashAsked);
  }
  if (!spamTrashAsked) msgs = msgs.filter((m) => !m.labelIds.includes('SPAM') && !m.labelIds.includes('TRASH'));
  return msgs;
}

export function lookupMessage(ctx: GmailContext, id: string): StoredMessageLike {
  const m = ctx.account.mailbox.get(id);
  if (m) return m;
  if (!ID_RE.test(id)) throw errors.invalidId();
  throw errors.notFound();
}

function list(ctx: GmailContext): unknown {
  const all = selectMessages(ctx);
  const size = pageSize(ctx.params);
  const pt = pageTokens(ctx);
  const offset = pt.decode('messages', ctx.account.email, ctx.params.str('pageToken'));
  const page = all.slice(offset, offset + size);
  const out: Record<string, unknown> = {};
  if (page.length) out.messages = page.map((m) => ({ id: m.id, threadId: m.threadId }));
  if (offset + size < all.length) out.nextPageToken = pt.encode('messages', ctx.account.email, offset + size);
  out.resultSizeEstimate = page.length ? all.length : 0;
  return out;
}

export function formatOf(ctx: GmailContext, def: MessageFormat = 'full'): MessageFormat {
  const f = (ctx.params.str('format') ?? def) as MessageFormat;
  if (ctx.metadataOnly && (f === 'full' || f === 'raw')) {
    throw errors.forbidden(`Metadata scope doesn't allow format ${f.toUpperCase()}`);
  }
  return f;
}

function get(ctx: GmailContext): unknown {
  const format = formatOf(ctx);
  const m = lookupMessage(ctx, ctx.args[0]!);
  return formatMessage(m, { format, metadataHeaders: ctx.params.strs('metadataHeaders'), metadataScope: ctx.metadataOnly });
}

function attachment(ctx: GmailContext): unknown {
  const m = lookupMessage(ctx, ctx.args[0]!);
  const data = m.attachments.get(ctx.args[1]!);
  if (!data) throw apiError(400, 'Invalid attachment token', { reason: 'invalidArgument' });
  return { size: data.length, data: data.toString('base64url') };
}

function parseJsonBody(ctx: GmailContext): Record<string, unknown> {
  const text = ctx.req.body.toString('utf8');
  if (!text.trim()) return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw errors.invalidJson(`Unexpected token.\n${text.slice(0, 40)}\n^ (${(e as Error).message})`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw errors.invalidJson('Root element must be a message.');
  return v as Record<string, unknown>;
}

export { parseJsonBody };

function stringList(v: unknown, name: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw errors.invalidJson(`Invalid value at '${name}' (TYPE_STRING), ${JSON.stringify(v)}`);
  }
  return v as string[];
}

function modify(ctx: GmailContext): unknown {
  const body = parseJsonBody(ctx);
  for (const k of Object.keys(body)) {
    if (k !== 'addLabelIds' && k !== 'removeLabelIds') throw errors.invalidJson(`Unknown name "${k}": Cannot find field.`);
  }
  const add = stringList(body.addLabelIds, 'add_label_ids');
  const remove = stringList(body.removeLabelIds, 'remove_label_ids');
  const m = lookupMessage(ctx, ctx.args[0]!);
  for (const l of [...add, ...remove]) if (!ctx.account.mailbox.label(l)) throw errors.invalidLabel(l);
  try {
    ctx.account.mailbox.modify(m.id, add, remove);
  } catch (e) {
    throw errors.badRequest((e as Error).message);
  }
  const after = ctx.account.mailbox.get(m.id) ?? m;
  return { id: after.id, threadId: after.threadId, ...(after.labelIds.length ? { labelIds: after.labelIds } : {}) };
}

export const messageRoutes: GmailRoute[] = [
  {
    method: 'GET',
    path: '/messages',
    id: 'users.messages.list',
    rpc: 'caribou.api.proto.MailboxService.ListMessages',
    params: LIST_PARAMS,
    scopes: READ_SCOPES,
    schema: SCHEMAS.messageList,
    handler: list,
  },
  getByIdRoute('messages', 'GetMessage', ['minimal', 'full', 'raw', 'metadata'], SCHEMAS.message, get),
  {
    method: 'GET',
    path: '/messages/{}/attachments/{}',
    id: 'users.messages.attachments.get',
    rpc: 'caribou.api.proto.MailboxService.GetAttachment',
    params: {},
    scopes: BODY_SCOPES,
    schema: SCHEMAS.attachment,
    handler: attachment,
  },
  {
    method: 'POST',
    path: '/messages/{}/modify',
    id: 'users.messages.modify',
    rpc: 'caribou.api.proto.MailboxService.ModifyMessage',
    params: {},
    scopes: WRITE_SCOPES,
    schema: SCHEMAS.message,
    body: true,
    handler: modify,
  },
];
