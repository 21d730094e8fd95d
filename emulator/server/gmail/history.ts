/** users.history.list: changes since startHistoryId, filtered by type and label, paged. */
import { errors } from '../errors';
import { SCHEMAS } from '../fields';
import type { HistoryMessageRef, HistoryRecordLike } from '../types';
import { pageTokens } from './messages';
import { pageSize } from './params';
import type { GmailContext, GmailRoute } from './route';
import { READ_SCOPES } from './route';

const TYPE_KEYS = {
  messageAdded: 'messagesAdded',
  messageDeleted: 'messagesDeleted',
  labelAdded: 'labelsAdded',
  labelRemoved: 'labelsRemoved',
} as const;
type ChangeKey = (typeof TYPE_KEYS)[keyof typeof TYPE_KEYS];

function filterRecord(r: HistoryRecordLike, keys: ChangeKey[] | undefined, labelId: string | undefined): HistoryRecordLike | undefined {
  if (!keys && !labelId) return r;
  const out: HistoryRecordLike = { id: r.id, messages: [] };
  const refs = new Map<string, { id: string; threadId: string }>();
  const touches = (m: HistoryMessageRef, ids?: string[]) => !labelId || (m.labelIds ?? []).includes(labelId) || (ids ?? []).includes(labelId);
  for (const key of keys ?? (Object.values(TYPE_KEYS) as ChangeKey[])) {
    const entries = (r[key] ?? []) as { message: HistoryMessageRef; labelIds?: string[] }[];
    const kept = entries.filter((e) => touches(e.message, e.labelIds));
    if (kept.length) {
      (out as unknown as Record<string, unknown>)[key] = kept;
      for (const e of kept) refs.set(e.message.id, { id: e.message.id, threadId: e.message.threadId });
    }
  }
  if (refs.size === 0) return undefined;
  out.messages = [...refs.values()];
  return out;
}

function list(ctx: GmailContext): unknown {
  const start = ctx.params.str('startHistoryId');
  if (start === undefined) throw errors.missingParam('startHistoryId');
  const mailbox = ctx.account.mailbox;
  const records = mailbox.historySince(start);
  if (records === 'too_old') throw errors.notFound();
  const types = ctx.params.strs('historyTypes');
  const keys = types.length ? [...new Set(types.map((t) => TYPE_KEYS[t as keyof typeof TYPE_KEYS]))] : undefined;
  const labelId = ctx.params.str('labelId');
  const filtered: HistoryRecordLike[] = [];
  for (const r of records) {
    const f = filterRecord(r, keys, labelId);
    if (f) filtered.push(f);
  }
  const size = pageSize(ctx.params);
  const pt = pageTokens(ctx);
  const scope = `${ctx.account.email}\u0000${start}`;
  const offset = pt.decode('history', scope, ctx.params.str('pageToken'));
  const page = filtered.slice(offset, offset + size);
  const out: Record<string, unknown> = {};
  if (page.length) out.history = page;
  if (offset + size < filtered.length) out.nextPageToken = pt.encode('history', scope, offset + size);
  out.historyId = mailbox.historyId;
  return out;
}

export const historyRoutes: GmailRoute[] = [
  {
    method: 'GET',
    path: '/history',
    id: 'users.history.list',
    rpc: 'caribou.api.proto.MailboxService.ListHistory',
    params: {
      startHistoryId: { kind: 'uint64', field: 'start_history_id' },
      historyTypes: {
        kind: 'enum',
        field: 'history_types',
        typeName: 'type.googleapis.com/gmail.users.history.list.HistoryTypes',
        values: Object.keys(TYPE_KEYS),
        repeated: true,
      },
      labelId: { kind: 'string' },
      maxResults: { kind: 'uint32', field: 'max_results' },
      pageToken: { kind: 'string' },
    },
    scopes: READ_SCOPES,
    schema: SCHEMAS.historyList,
    handler: list,
  },
];
