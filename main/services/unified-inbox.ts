/**
 * One list over several accounts ("All inboxes"): each account's own newest-first pages,
 * merged by date.
 *
 * The merge is a k-way merge of per-account streams. A stream reads its account's pages
 * lazily, so a merged page of N rows is always the N newest rows after the cursor, whatever
 * each account's page size. The cursor (the packed page token) holds, per account, the token
 * of the page it is reading and how many of that page's rows were already shown; the page
 * is read again for the next merged page (the cache answers that from its index).
 *
 * An account that fails is not silently left out: the page names it in `missingAccounts`,
 * and so does every later page of that listing (its rows would otherwise arrive out of order).
 */
import { IPC_ERROR_CODES, type IpcErrorCode } from '../../common/ipc-result';
import type { ListRow, MailSelector, MessagePage, MissingAccount } from '../../common/mail-types';
import type { ListOptions } from '../gmail/gmail-mail-source';
import { ipcErrorFor } from '../ipc/error-codes';
import { log } from '../logging/log';

const TOKEN_PREFIX = 'u1.';

/** Where one account's stream stands: reading `token`'s page with `skip` rows shown; `done`; or `failed`. */
type Cursor = { readonly token: string | null; readonly skip: number } | { readonly done: true } | { readonly failed: IpcErrorCode };

export type PageFetcher = (accountId: string, selector: MailSelector, options: ListOptions) => Promise<MessagePage>;

export interface UnifiedListOptions {
  readonly pageToken?: string | null;
  readonly threads?: boolean;
  readonly pageSize?: number;
}

export function packUnifiedToken(cursors: ReadonlyMap<string, Cursor>): string {
  const entries = [...cursors].map(([id, c]) => [id, 'done' in c ? 0 : 'failed' in c ? { f: c.failed } : [c.token, c.skip]]);
  return TOKEN_PREFIX + Buffer.from(JSON.stringify(entries), 'utf8').toString('base64url');
}

/** The cursors of a packed token; null for a token that isn't one of ours (the listing starts over). */
export function unpackUnifiedToken(token: string): Map<string, Cursor> | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  try {
    const entries = JSON.parse(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(entries)) return null;
    const cursors = new Map<string, Cursor>();
    for (const entry of entries as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') return null;
      const [id, value] = entry as [string, unknown];
      if (value === 0) cursors.set(id, { done: true });
      else if (Array.isArray(value) && (value[0] === null || typeof value[0] === 'string') && Number.isInteger(value[1]) && (value[1] as number) >= 0) {
        cursors.set(id, { token: value[0] as string | null, skip: value[1] as number });
      } else if (value && typeof value === 'object' && isErrorCode((value as { f?: unknown }).f)) cursors.set(id, { failed: (value as { f: IpcErrorCode }).f });
      else return null;
    }
    return cursors;
  } catch {
    return null;
  }
}

function isErrorCode(value: unknown): value is IpcErrorCode {
  return (IPC_ERROR_CODES as readonly unknown[]).includes(value);
}

/** One account's rows, read a page at a time as the merge asks for them. */
class AccountStream {
  private rows: readonly ListRow[] = [];
  private next = 0;
  private pageToken: string | null;
  private nextPageToken: string | null = null;
  private loaded = false;
  page: MessagePage | null = null;
  failure: IpcErrorCode | null = null;

  constructor(
    readonly accountId: string,
    private readonly fetchPage: (token: string | null) => Promise<MessagePage>,
    start: { token: string | null; skip: number },
  ) {
    this.pageToken = start.token;
    this.next = start.skip;
  }

  /** The next row, reading the following page when this one is used up; null at the end or after a failure. */
  async head(): Promise<ListRow | null> {
    if (this.failure !== null) return null;
    while (!this.loaded || this.next >= this.rows.length) {
      if (this.loaded) {
        if (this.nextPageToken === null) return null;
        this.pageToken = this.nextPageToken;
        this.next = 0;
      }
      try {
        const page = await this.fetchPage(this.pageToken);
        this.page ??= page;
        this.rows = page.rows;
        this.nextPageToken = page.nextPageToken;
        this.loaded = true;
        if (this.rows.length === 0 && this.nextPageToken === null) return null;
      } catch (error) {
        this.failure = ipcErrorFor(error).error.code;
        log.warn('mail', 'an account was left out of the unified list', { accountId: this.accountId, error });
        return null;
      }
    }
    return this.rows[this.next] ?? null;
  }

  take(): void {
    this.next += 1;
  }

  cursor(): Cursor {
    if (this.failure !== null) return { failed: this.failure };
    if (this.loaded && this.next >= this.rows.length) return this.nextPageToken === null ? { done: true } : { token: this.nextPageToken, skip: 0 };
    return { token: this.pageToken, skip: this.next };
  }
}

/**
 * The next merged page. `accountIds` are the accounts signed in, in the sidebar's order
 * (which also breaks ties between rows of the same date); a token's accounts that are no
 * longer signed in are dropped.
 */
export async function listUnified(
  accountIds: readonly string[],
  fetchPage: PageFetcher,
  selector: MailSelector,
  options: UnifiedListOptions = {},
): Promise<MessagePage> {
  const pageSize = options.pageSize ?? 50;
  const threads = options.threads ?? true;
  const given = options.pageToken ? unpackUnifiedToken(options.pageToken) : null;
  const missing: MissingAccount[] = [];
  const streams: AccountStream[] = [];
  const finished = new Map<string, Cursor>();
  for (const accountId of accountIds) {
    const cursor: Cursor = given ? (given.get(accountId) ?? { done: true }) : { token: null, skip: 0 };
    if ('failed' in cursor) missing.push({ accountId, code: cursor.failed });
    if (!('token' in cursor)) {
      finished.set(accountId, cursor);
      continue;
    }
    const read = (pageToken: string | null) => fetchPage(accountId, selector, { pageToken, threads, pageSize });
    streams.push(new AccountStream(accountId, read, cursor));
  }

  const rows: ListRow[] = [];
  while (rows.length < pageSize) {
    const heads = await Promise.all(streams.map((s) => s.head()));
    let best = -1;
    heads.forEach((row, i) => {
      // Newest first; on the same date the earlier account wins, so the order is stable.
      if (row && (best < 0 || row.internalDate > heads[best]!.internalDate)) best = i;
    });
    if (best < 0) break;
    rows.push({ ...heads[best]!, accountId: streams[best]!.accountId });
    streams[best]!.take();
  }
  const cursors = new Map(accountIds.map((id) => [id, finished.get(id) ?? streams.find((s) => s.accountId === id)!.cursor()]));
  for (const s of streams) if (s.failure !== null) missing.push({ accountId: s.accountId, code: s.failure });
  const more = [...cursors.values()].some((c) => 'token' in c);
  const pages = streams.map((s) => s.page).filter((p) => p !== null);
  return {
    rows,
    nextPageToken: more ? packUnifiedToken(cursors) : null,
    resultSizeEstimate: pages.reduce((sum, p) => sum + p.resultSizeEstimate, 0),
    source: pages.every((p) => p.source === 'cache') ? 'cache' : 'merged',
    queryHints: pages[0]?.queryHints ?? [],
    missingAccounts: missing,
  };
}
