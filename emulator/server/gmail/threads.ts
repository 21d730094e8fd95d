/** users.threads.list / get. */
import { errors } from '../errors';
import { SCHEMAS } from '../fields';
import type { StoredMessageLike } from '../types';
import { formatMessage, maxHistoryId } from './format';
import { formatOf, pageTokens, selectMessages } from './messages';
import { pageSize } from './params';
import type { GmailContext, GmailRoute } from './route';
import { getByIdRoute, ID_RE, LIST_PARAMS, READ_SCOPES } from './route';

function list(ctx: GmailContext): unknown {
  const mailbox = ctx.account.mailbox;
  // A thread is listed when at least one of its messages matches; order follows its newest match.
  const seen = new Set<string>();
  const threadIds: string[] = [];
  for (const m of selectMessages(ctx)) {
    if (!seen.has(m.threadId)) {
      seen.add(m.threadId);
      threadIds.push(m.threadId);
    }
  }
  const size = pageSize(ctx.params);
  const pt = pageTokens(ctx);
  const offset = pt.decode('threads', ctx.account.email, ctx.params.str('pageToken'));
  const page = threadIds.slice(offset, offset + size);
  const out: Record<string, unknown> = {};
  if (page.length) {
    out.threads = page.map((id) => {
      const msgs = mailbox.thread(id);
      const last = msgs[msgs.length - 1];
      const item: Record<string, unknown> = { id };
      if (!ctx.metadataOnly) item.snippet = last?.snippet ?? '';
      item.historyId = maxHistoryId(msgs);
      return item;
    });
  }
  if (offset + size < threadIds.length) out.nextPageToken = pt.encode('threads', ctx.account.email, offset + size);
  out.resultSizeEstimate = page.length ? threadIds.length : 0;
  return out;
}

function get(ctx: GmailContext): unknown {
  const format = formatOf(ctx);
  const id = ctx.args[0]!;
  const msgs: StoredMessageLike[] = ctx.account.mailbox.thread(id);
  if (!msgs.length) {
    if (!ID_RE.test(id)) throw errors.invalidId();
    throw errors.notFound();
  }
  return {
    id,
    historyId: maxHistoryId(msgs),
    messages: msgs.map((m) => formatMessage(m, { format, metadataHeaders: ctx.params.strs('metadataHeaders'), metadataScope: ctx.metadataOnly })),
  };
}

export const threadRoutes: GmailRoute[] = [
  {
    method: 'GET',
    path: '/threads',
    id: 'users.threads.list',
    rpc: 'caribou.api.proto.MailboxService.ListThreads',
    params: LIST_PARAMS,
    scopes: READ_SCOPES,
    schema: SCHEMAS.threadList,
    handler: list,
  },
  getByIdRoute('threads', 'GetThread', ['minimal', 'full', 'metadata'], SCHEMAS.thread, get),
];
