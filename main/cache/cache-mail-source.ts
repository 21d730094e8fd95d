/**
 * The message list, search, threads and messages answered from the local cache, in the
 * same shapes (and for the same questions, the same answers) as the API-backed
 * GmailMailSource. Attachment bytes are not cached: they come through a fallback
 * (normally GmailMailSource.getAttachment) when one is given.
 */
import { conversationRow, singleMessageRow } from '../gmail/list-rows';
import type { gmail_v1 } from '@googleapis/gmail';
import type { ParsedQuery, QueryNode } from '../../common/gmail-query/ast';
import { parseGmailQuery } from '../../common/gmail-query/parser';
import { foldText } from '../../common/gmail-query/text';
import type { LabelSummary, ListRow, MailSelector, MessageDetail, MessagePage, MessageSummary, ThreadDetail } from '../../common/mail-types';
import { GmailNotFoundError } from '../gmail/gmail-failures';
import type { ListOptions, MailSource } from '../gmail/gmail-mail-source';
import { detailMessage } from '../gmail/message-parts';
import { ROW_COLUMNS, rowsByRowid, summariesByIds, summaryFromRow, type RowData } from './cached-rows';
import { searchContext } from './local-search';
import type { MailStore } from './mail-store';
import { compileSearch, searchRows, type SearchContext } from './query-to-sql';

export interface SenderSuggestion {
  readonly name: string;
  readonly email: string;
  readonly messageCount: number;
}

export interface CacheMailSourceOptions {
  readonly store: MailStore;
  /** Attachment bytes are fetched on demand (the cache keeps only their metadata). */
  readonly fetchAttachment?: (messageId: string, attachmentId: string) => Promise<Buffer>;
  /** How a lenient query was read, for the quiet hint under the search box. */
  readonly describeQuery?: (q: string) => readonly string[];
  readonly now?: () => Date;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

interface Cursor {
  /** The rowid (newest-first position) of the previous page's last row. */
  readonly rowid: number;
  /** Rows listed on the pages before, for the estimate. */
  readonly listed: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`r${cursor.rowid}:${cursor.listed}`).toString('base64url');
}

/** Also reads the older form `r<rowid>` (a token handed out before an update). */
function decodeCursor(token: string | null | undefined): Cursor | null {
  if (!token) return null;
  const m = /^r(-?\d+)(?::(\d+))?$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? { rowid: Number(m[1]), listed: Number(m[2] ?? 0) } : null;
}

/** The selector as a parsed query: a label selector is `label:<id>` (Spam/Trash included only when listing them). */
function parsedSelector(selector: MailSelector): ParsedQuery {
  if (selector.kind === 'query') return parseGmailQuery(selector.query);
  const node: QueryNode = { kind: 'label', name: selector.labelId };
  return { ast: node, hints: [], hintCodes: [] };
}

/** What a conversation page's walk over the matches saw: every match from the cursor down to `floor` (null: to the end). */
interface Walk {
  readonly matched: Set<number>;
  floor: number | null;
}

export class CacheMailSource implements MailSource {
  private readonly store: MailStore;

  constructor(private readonly options: CacheMailSourceOptions) {
    this.store = options.store;
  }

  /** The cache can answer: the initial sync finished, or at least its first page (the newest mail) is in. */
  isReady(): boolean {
    if (this.store.getState<string>('historyId') !== undefined) return true;
    const initial = this.store.getState<{ pages?: number }>('initial');
    return (initial?.pages ?? 0) > 0;
  }

  async listLabels(): Promise<LabelSummary[]> {
    return this.store.labelSummaries();
  }

  async listMessages(selector: MailSelector, options: ListOptions = {}): Promise<MessagePage> {
    const parsed = parsedSelector(selector);
    const ctx = searchContext(this.store, { now: this.options.now?.() ?? new Date() });
    const limit = Math.max(1, Math.min(options.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
    const token = decodeCursor(options.pageToken);
    const cursor = token?.rowid ?? null;
    const db = this.store.db;
    let rows: ListRow[];
    let last: number | null;
    let pageLength: number;
    if (!options.threads) {
      const found = searchRows<RowData>(db, parsed, ctx, { limit, beforeRowid: cursor, columns: ROW_COLUMNS });
      pageLength = found.length;
      rows = found.map((r) => singleMessageRow(summaryFromRow(r)));
      last = found[found.length - 1]?.rowid ?? null;
    } else {
      // One row per conversation that has a matching message, ordered by its newest match
      // (rule 9c): walk the matches newest first and take each conversation where it first
      // appears, so a page costs about its own rows however large the mailbox.
      const walk: Walk = { matched: new Set(), floor: null };
      const threads = this.pickThreads(parsed, ctx, cursor, limit, walk);
      pageLength = threads.length;
      const members =
        threads.length === 0
          ? []
          : (db
              .prepare(`SELECT rowid, thread_id FROM messages WHERE thread_id IN (${threads.map(() => '?').join(',')})`)
              .all(...threads.map((t) => t.thread_id)) as { rowid: number; thread_id: string }[]);
      // The walk saw every match from the cursor down to its floor: only older members are unknown.
      const floor = walk.floor;
      const unknown = floor === null ? [] : members.map((r) => r.rowid).filter((r) => r < floor && !walk.matched.has(r));
      const matching = this.matchingRowids(parsed, ctx, unknown);
      for (const r of members) if (walk.matched.has(r.rowid)) matching.add(r.rowid);
      const byThread = new Map<string, MessageSummary[]>();
      for (const r of rowsByRowid(
        this.store.db,
        [...matching].sort((x, y) => x - y),
      )) {
        const list = byThread.get(r.thread_id) ?? [];
        list.push(summaryFromRow(r));
        byThread.set(r.thread_id, list);
      }
      rows = threads.map((t) => conversationRow(byThread.get(t.thread_id) ?? []));
      last = threads[threads.length - 1]?.newest ?? null;
    }
    const more = pageLength === limit && last !== null;
    const listed = (token?.listed ?? 0) + rows.length;
    return {
      rows,
      nextPageToken: more && last !== null ? encodeCursor({ rowid: last, listed }) : null,
      resultSizeEstimate: this.estimate(selector, listed, more),
      source: 'cache',
      queryHints: selector.kind === 'query' ? (this.options.describeQuery?.(selector.query) ?? [...parsed.hints]) : [],
    };
  }

  /**
   * Counting matches would cost more than the page itself (a count walks every match), so
   * nothing is counted: a label's message count is already known; a query says how many
   * rows are listed so far, plus one while there are more (a true lower bound, like the
   * list header's "50+").
   */
  private estimate(selector: MailSelector, listed: number, more: boolean): number {
    if (selector.kind === 'label') {
      const known = this.store.labelCounts().counts.get(selector.labelId);
      if (known !== undefined) return Math.max(known, listed);
    }
    return listed + (more ? 1 : 0);
  }

  /** Which of these rows match the query (one statement, the rows given by rowid). */
  private matchingRowids(parsed: ParsedQuery, ctx: SearchContext, rowids: readonly number[]): Set<number> {
    const out = new Set<number>();
    for (let i = 0; i < rowids.length; i += 500) {
      const chunk = rowids.slice(i, i + 500);
      const { sql, params } = compileSearch(parsed, ctx, { limit: chunk.length, onlyRowids: chunk, columns: 'm.rowid AS rowid' });
      for (const r of this.store.db.prepare(sql).all(...params) as { rowid: number }[]) out.add(r.rowid);
    }
    return out;
  }

  /** The next `limit` conversations, newest match first, after the one whose newest match is `cursor`. */
  private pickThreads(parsed: ParsedQuery, ctx: SearchContext, cursor: number | null, limit: number, walk: Walk): { thread_id: string; newest: number }[] {
    const picked: { thread_id: string; newest: number }[] = [];
    const seen = new Set<string>();
    // A conversation has about 1.2 matching messages on average: a page rarely needs a second walk.
    const chunk = Math.ceil(limit * 1.5) + 10;
    let before = cursor;
    for (;;) {
      const rows = searchRows<{ rowid: number; thread_id: string }>(this.store.db, parsed, ctx, {
        limit: chunk,
        beforeRowid: before,
        columns: 'm.rowid AS rowid, m.thread_id AS thread_id',
      });
      const fresh: { thread_id: string; newest: number }[] = [];
      walk.floor = rows.length < chunk ? null : rows[rows.length - 1]!.rowid;
      for (const r of rows) {
        walk.matched.add(r.rowid);
        if (seen.has(r.thread_id)) continue;
        seen.add(r.thread_id);
        fresh.push({ thread_id: r.thread_id, newest: r.rowid });
      }
      const listedBefore =
        cursor === null
          ? new Set<string>()
          : this.threadsMatchingSince(
              parsed,
              ctx,
              fresh.map((t) => t.thread_id),
              cursor,
            );
      for (const t of fresh) {
        if (listedBefore.has(t.thread_id)) continue;
        picked.push(t);
        if (picked.length === limit) return picked;
      }
      if (rows.length < chunk) return picked;
      before = rows[rows.length - 1]!.rowid;
    }
  }

  /** Of these conversations, those with a matching message at or above `rowid` (listed on an earlier page): two statements for the lot. */
  private threadsMatchingSince(parsed: ParsedQuery, ctx: SearchContext, threadIds: readonly string[], rowid: number): Set<string> {
    const threadOf = new Map<number, string>();
    for (let i = 0; i < threadIds.length; i += 500) {
      const ids = threadIds.slice(i, i + 500);
      const rows = this.store.db
        .prepare(`SELECT rowid, thread_id FROM messages WHERE thread_id IN (${ids.map(() => '?').join(',')}) AND rowid >= ?`)
        .all(...ids, rowid) as { rowid: number; thread_id: string }[];
      for (const r of rows) threadOf.set(r.rowid, r.thread_id);
    }
    const out = new Set<string>();
    if (threadOf.size > 0) for (const r of this.matchingRowids(parsed, ctx, [...threadOf.keys()])) out.add(threadOf.get(r)!);
    return out;
  }

  /** The cached list summaries of these messages, by id (those the cache doesn't hold are absent). */
  summariesByIds(ids: readonly string[]): Map<string, MessageSummary> {
    return summariesByIds(this.store.db, ids);
  }

  async getMessage(messageId: string): Promise<MessageDetail> {
    const message = this.store.messageJson(messageId);
    if (!message) throw new GmailNotFoundError(`Message ${messageId}`);
    return detailMessage(message);
  }

  async getThread(threadId: string): Promise<ThreadDetail> {
    const messages = this.store
      .threadMessageIds(threadId)
      .map((id) => this.store.messageJson(id))
      .filter((m): m is gmail_v1.Schema$Message => m !== null)
      .map(detailMessage)
      .sort((a, b) => a.internalDate - b.internalDate);
    if (messages.length === 0) throw new GmailNotFoundError(`Conversation ${threadId}`);
    return { id: threadId, subject: messages[0]!.subject, messages };
  }

  async getAttachment(messageId: string, attachmentId: string): Promise<Buffer> {
    if (!this.store.hasMessage(messageId)) throw new GmailNotFoundError(`Message ${messageId}`);
    if (!this.options.fetchAttachment) throw new GmailNotFoundError('Attachment (not cached, and offline)');
    return this.options.fetchAttachment(messageId, attachmentId);
  }

  /** Senders whose name or address starts with `prefix` (any word of the name), most frequent first. */
  suggestSenders(prefix: string, limit = 8): SenderSuggestion[] {
    const folded = foldText(prefix.trim());
    if (folded === '') return [];
    const escaped = folded.replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows = this.store.db
      .prepare(
        `SELECT address, name, message_count FROM senders
      WHERE message_count > 0 AND (folded LIKE ? ESCAPE '\\' OR folded LIKE ? ESCAPE '\\' OR address LIKE ? ESCAPE '\\')
      ORDER BY message_count DESC, last_date DESC LIMIT ?`,
      )
      .all(`${escaped}%`, `% ${escaped}%`, `${escaped}%`, limit) as {
      address: string;
      name: string;
      message_count: number;
    }[];
    return rows.map((r) => ({ name: r.name, email: r.address, messageCount: r.message_count }));
  }
}
