/**
 * Mail read straight from the Gmail API: what the renderer sees before the local cache
 * is filled, and the shape the cache answers with afterwards (see MailSource).
 */
import type { gmail_v1 } from '@googleapis/gmail';
import type { LabelSummary, ListRow, MailSelector, MessageDetail, MessagePage, MessageSummary, ThreadDetail } from '../../common/mail-types';
import type { GmailApi } from './gmail-api';
import { GmailNotFoundError } from './gmail-api';
import { conversationRow, singleMessageRow } from './list-rows';
import { detailMessage, LIST_METADATA_HEADERS, summarizeMessage } from './message-parts';

export interface ListOptions {
  readonly pageToken?: string | null;
  readonly pageSize?: number;
  /** Group messages into conversations, as Gmail does by default. */
  readonly threads?: boolean;
}

export interface MailSource {
  listLabels(): Promise<LabelSummary[]>;
  listMessages(selector: MailSelector, options?: ListOptions): Promise<MessagePage>;
  getThread(threadId: string): Promise<ThreadDetail>;
  getMessage(messageId: string): Promise<MessageDetail>;
  getAttachment(messageId: string, attachmentId: string): Promise<Buffer>;
}

const METADATA_QUERY = `format=metadata&${LIST_METADATA_HEADERS.map((h) => `metadataHeaders=${h}`).join('&')}`;
const MESSAGE_FIELDS = 'id,threadId,labelIds,snippet,internalDate,sizeEstimate,payload(mimeType,headers,parts(filename,mimeType,body/attachmentId))';

export function selectorParams(selector: MailSelector): { q?: string; labelIds?: string[]; includeSpamTrash?: boolean } {
  if (selector.kind === 'query') return { q: selector.query };
  // Listing Spam or Trash itself must include them; Gmail leaves them out otherwise.
  const includeSpamTrash = selector.labelId === 'SPAM' || selector.labelId === 'TRASH';
  return { labelIds: [selector.labelId], includeSpamTrash };
}

export class GmailMailSource implements MailSource {
  constructor(
    private readonly api: GmailApi,
    private readonly describeQuery: (q: string) => readonly string[] = () => [],
  ) {}

  async listLabels(): Promise<LabelSummary[]> {
    const { labels = [] } = await this.api.listLabels();
    const ids = labels.map((l) => l.id ?? '').filter(Boolean);
    const detailed = await this.api.batchGet<gmail_v1.Schema$Label>(
      'users.labels.get',
      ids.map((id) => `/gmail/v1/users/me/labels/${encodeURIComponent(id)}`),
    );
    return detailed
      .map((label, index) => label ?? labels[index]!)
      .map((label) => ({
        id: label.id ?? '',
        name: label.name ?? label.id ?? '',
        type: label.type === 'user' ? ('user' as const) : ('system' as const),
        messagesTotal: label.messagesTotal ?? 0,
        messagesUnread: label.messagesUnread ?? 0,
        threadsTotal: label.threadsTotal ?? 0,
        threadsUnread: label.threadsUnread ?? 0,
        ...(label.color?.backgroundColor && label.color.textColor
          ? { color: { textColor: label.color.textColor, backgroundColor: label.color.backgroundColor } }
          : {}),
      }));
  }

  async listMessages(selector: MailSelector, options: ListOptions = {}): Promise<MessagePage> {
    const params = selectorParams(selector);
    const list = await this.api.listMessages({ ...params, pageToken: options.pageToken ?? undefined, maxResults: options.pageSize ?? 50 });
    const refs = list.messages ?? [];
    const summaries = await this.fetchSummaries(refs.map((m) => m.id ?? ''));
    const rows: ListRow[] = options.threads ? groupByThread(summaries) : summaries.map(singleMessageRow);
    return {
      rows,
      nextPageToken: list.nextPageToken ?? null,
      resultSizeEstimate: list.resultSizeEstimate ?? rows.length,
      source: 'api',
      queryHints: selector.kind === 'query' ? this.describeQuery(selector.query) : [],
    };
  }

  /** List-row summaries of these messages (one batch of metadata gets); deleted ones are left out. */
  async fetchSummaries(ids: readonly string[]): Promise<MessageSummary[]> {
    if (ids.length === 0) return [];
    const messages = await this.api.batchGet<gmail_v1.Schema$Message>(
      'users.messages.get',
      ids.map((id) => `/gmail/v1/users/me/messages/${encodeURIComponent(id)}?${METADATA_QUERY}&fields=${encodeURIComponent(MESSAGE_FIELDS)}`),
    );
    return messages.filter((m): m is gmail_v1.Schema$Message => m !== null).map(summarizeMessage);
  }

  async getThread(threadId: string): Promise<ThreadDetail> {
    const thread = await this.api.getThread(threadId, 'full');
    const messages = (thread.messages ?? []).map(detailMessage).sort((a, b) => a.internalDate - b.internalDate);
    if (messages.length === 0) throw new GmailNotFoundError(`Conversation ${threadId}`);
    return { id: thread.id ?? threadId, subject: messages[0]!.subject, messages };
  }

  async getMessage(messageId: string): Promise<MessageDetail> {
    return detailMessage(await this.api.getMessage(messageId, 'full'));
  }

  async getAttachment(messageId: string, attachmentId: string): Promise<Buffer> {
    const body = await this.api.getAttachment(messageId, attachmentId);
    return Buffer.from(body.data ?? '', 'base64url');
  }
}

/** Collapses a page's messages into one row per conversation, newest message first. */
export function groupByThread(summaries: readonly MessageSummary[]): ListRow[] {
  const byThread = new Map<string, MessageSummary[]>();
  for (const summary of summaries) {
    const group = byThread.get(summary.threadId);
    if (group) group.push(summary);
    else byThread.set(summary.threadId, [summary]);
  }
  const rows = [...byThread.values()].map((group) => conversationRow([...group].sort((a, b) => a.internalDate - b.internalDate)));
  return rows.sort((a, b) => b.internalDate - a.internalDate);
}
