import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../../../common/ipc';
import type { ListRow, MailSelector, MessagePage } from '../../../common/mail-types';
import type { ListOptions } from '../../../main/gmail/gmail-mail-source';
import { listUnified, packUnifiedToken, unpackUnifiedToken, type PageFetcher } from '../../../main/services/unified-inbox';

const INBOX: MailSelector = { kind: 'label', labelId: 'INBOX' };

function row(id: string, internalDate: number): ListRow {
  return {
    id,
    threadId: id,
    internalDate,
    from: { name: '', email: 'a@example.com' },
    to: [],
    subject: id,
    snippet: '',
    labelIds: ['INBOX'],
    unread: false,
    starred: false,
    hasAttachment: false,
    sizeEstimate: 1,
    threadCount: 1,
    participants: [],
  };
}

/** An account's mailbox paged the way the cache pages: a token is the offset, a page is `pageSize` rows. */
function mailbox(rows: readonly ListRow[]): (options: ListOptions) => MessagePage {
  return (options) => {
    const from = Number(options.pageToken ?? 0);
    const size = options.pageSize ?? 50;
    const next = from + size;
    return {
      rows: rows.slice(from, next),
      nextPageToken: next < rows.length ? String(next) : null,
      resultSizeEstimate: rows.length,
      source: 'cache',
      queryHints: [],
    };
  };
}

function fetcher(boxes: Record<string, ((options: ListOptions) => MessagePage) | Error>, calls: string[] = []): PageFetcher {
  return async (accountId, _selector, options) => {
    calls.push(`${accountId}@${options.pageToken ?? 'start'}`);
    const box = boxes[accountId];
    if (box instanceof Error) throw box;
    if (!box) throw new Error(`no ${accountId}`);
    return box(options);
  };
}

/** Every page of the listing, in order. */
async function allPages(ids: string[], fetch: PageFetcher, pageSize: number): Promise<MessagePage[]> {
  const pages: MessagePage[] = [];
  let token: string | null = null;
  do {
    const page: MessagePage = await listUnified(ids, fetch, INBOX, { pageToken: token, pageSize });
    pages.push(page);
    token = page.nextPageToken;
  } while (token !== null && pages.length < 50);
  return pages;
}

const a = Array.from({ length: 7 }, (_, i) => row(`a${i}`, 1000 - i * 10)); // 1000, 990, ... 940
const b = Array.from({ length: 5 }, (_, i) => row(`b${i}`, 995 - i * 20)); // 995, 975, ... 915

describe('the unified inbox merge', () => {
  it('merges accounts newest first across pages, each row naming its account, nothing lost or repeated', async () => {
    const pages = await allPages(['A', 'B'], fetcher({ A: mailbox(a), B: mailbox(b) }), 3);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    const expected = [...a.map((r) => ({ ...r, accountId: 'A' })), ...b.map((r) => ({ ...r, accountId: 'B' }))]
      .sort((x, y) => y.internalDate - x.internalDate)
      .map((r) => r.id);
    expect(ids).toEqual(expected);
    expect(pages.slice(0, -1).every((p) => p.rows.length === 3)).toBe(true);
    expect(pages.flatMap((p) => p.rows).every((r) => r.accountId === (r.id.startsWith('a') ? 'A' : 'B'))).toBe(true);
    expect(pages.at(-1)!.nextPageToken).toBeNull();
    expect(pages[0]!.resultSizeEstimate).toBe(12);
    expect(pages.every((p) => p.missingAccounts?.length === 0)).toBe(true);
  });

  it('reads an account further when its page runs out inside one merged page', async () => {
    // Account A's pages hold 2 rows but the merged page needs 5 of its newest rows.
    const small: PageFetcher = fetcher({ A: (o) => mailbox(a)({ ...o, pageSize: 2 }), B: mailbox(b) });
    const page = await listUnified(['A', 'B'], small, INBOX, { pageSize: 6 });
    expect(page.rows.map((r) => r.id)).toEqual(['a0', 'b0', 'a1', 'a2', 'b1', 'a3']);
  });

  it('breaks date ties by account order, the same on every page', async () => {
    const same = [row('x0', 500), row('x1', 500), row('x2', 400)];
    const other = [row('y0', 500), row('y1', 400)];
    const pages = await allPages(['X', 'Y'], fetcher({ X: mailbox(same), Y: mailbox(other) }), 2);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(['x0', 'x1', 'y0', 'x2', 'y1']);
    const swapped = await allPages(['Y', 'X'], fetcher({ X: mailbox(same), Y: mailbox(other) }), 2);
    expect(swapped.flatMap((p) => p.rows.map((r) => r.id))).toEqual(['y0', 'x0', 'x1', 'y1', 'x2']);
  });

  it('lists the other accounts when one is empty, and ends', async () => {
    const pages = await allPages(['A', 'E'], fetcher({ A: mailbox(a), E: mailbox([]) }), 4);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(a.map((r) => r.id));
    expect(pages).toHaveLength(2);
  });

  it('names a failing account on its page and every later one, never a silently partial list', async () => {
    const calls: string[] = [];
    const fetch = fetcher({ A: mailbox(a), B: new IpcFailure('offline', 'Gmail is unreachable.') }, calls);
    const pages = await allPages(['A', 'B'], fetch, 3);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(a.map((r) => r.id));
    for (const page of pages) expect(page.missingAccounts).toEqual([{ accountId: 'B', code: 'offline' }]);
    // Asked once: a later page does not retry it (its newest rows would arrive out of order).
    expect(calls.filter((c) => c.startsWith('B'))).toHaveLength(1);
  });

  it('says which account failed part way, keeping the rows it gave before', async () => {
    let pagesOfB = 0;
    const flaky: PageFetcher = async (id, _s, o) => {
      if (id === 'A') return mailbox(a)(o);
      if (++pagesOfB > 1) throw new IpcFailure('needs_reauth', 'Sign in again.');
      return mailbox(b)({ ...o, pageSize: 1 });
    };
    const page = await listUnified(['A', 'B'], flaky, INBOX, { pageSize: 4 });
    expect(page.rows.map((r) => r.id)).toEqual(['a0', 'b0', 'a1', 'a2']);
    expect(page.missingAccounts).toEqual([{ accountId: 'B', code: 'needs_reauth' }]);
    // An unexpected error is reported as `internal`, never by its text.
    const broken = await listUnified(['A', 'B'], fetcher({ A: mailbox(a), B: new Error('token ya29.secret') }), INBOX, { pageSize: 2 });
    expect(broken.missingAccounts).toEqual([{ accountId: 'B', code: 'internal' }]);
    expect(broken.nextPageToken).not.toContain('secret');
  });

  it('drops an account signed out mid-listing and starts over on a foreign token', async () => {
    const first = await listUnified(['A', 'B'], fetcher({ A: mailbox(a), B: mailbox(b) }), INBOX, { pageSize: 3 });
    const next = await listUnified(['A'], fetcher({ A: mailbox(a) }), INBOX, { pageToken: first.nextPageToken, pageSize: 10 });
    expect(next.rows.map((r) => r.id)).toEqual(['a2', 'a3', 'a4', 'a5', 'a6']);
    const restart = await listUnified(['A'], fetcher({ A: mailbox(a) }), INBOX, { pageToken: 'g:foreign', pageSize: 2 });
    expect(restart.rows.map((r) => r.id)).toEqual(['a0', 'a1']);
  });

  it('packs cursors into one token and reads them back; refuses malformed ones', () => {
    const cursors = new Map([
      ['A', { token: 'c:12', skip: 3 }],
      ['B', { done: true as const }],
      ['C', { failed: 'offline' as const }],
    ]);
    expect(unpackUnifiedToken(packUnifiedToken(cursors))).toEqual(cursors);
    expect(unpackUnifiedToken('u1.' + Buffer.from('[["A",[null,-1]]]').toString('base64url'))).toBeNull();
    expect(unpackUnifiedToken('u1.' + Buffer.from('[["A",{"f":"made_up"}]]').toString('base64url'))).toBeNull();
    expect(unpackUnifiedToken('u1.!!!')).toBeNull();
  });
});
