/**
 * Which index drives a page (search-statement.ts), on a real SQLite file: a small label's
 * links drive in newest-first order (no set built first, no sort), a size condition with few
 * matches goes through the size index; the answers stay those of a plain filter.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGmailQuery } from '../../../common/gmail-query/parser';
import { openCacheDatabase, type SqlDatabase } from '../../../main/cache/database';
import { searchContext, searchLocal } from '../../../main/cache/local-search';
import { MailStore } from '../../../main/cache/mail-store';
import { compileSearch } from '../../../main/cache/query-to-sql';

const NOW = new Date('2026-11-25T12:00:00Z');
let db: SqlDatabase;
let store: MailStore;
const messages: gmail_v1.Schema$Message[] = [];

function plan(query: string): string {
  const { sql, params } = compileSearch(parseGmailQuery(query), searchContext(store, { now: NOW }), { limit: 50 });
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

function expected(keep: (m: gmail_v1.Schema$Message) => boolean): string[] {
  return messages
    .filter(keep)
    .sort((a, b) => Number(b.internalDate) - Number(a.internalDate))
    .slice(0, 50)
    .map((m) => m.id!);
}

beforeAll(() => {
  db = openCacheDatabase(':memory:');
  store = new MailStore(db);
  store.replaceLabels(['INBOX', 'UNREAD', 'STARRED', 'SPAM', 'TRASH'].map((id) => ({ id, name: id, type: 'system' })));
  for (let i = 0; i < 400; i++) {
    const labelIds = ['INBOX', ...(i % 3 !== 0 ? ['UNREAD'] : []), ...(i % 10 === 0 ? ['STARRED'] : [])];
    const attachment = i % 4 === 0;
    messages.push({
      id: (0x1000 + i).toString(16),
      threadId: (0x1000 + i).toString(16),
      labelIds,
      snippet: '',
      historyId: '1',
      internalDate: String(Date.UTC(2024, 0, 1) + i * 3_600_000),
      sizeEstimate: i % 97 === 5 ? 300_000 : 2_000,
      payload: {
        mimeType: 'multipart/mixed',
        headers: [
          { name: 'From', value: 'a@x.com' },
          { name: 'Subject', value: `m${i}` },
        ],
        body: { size: 0 },
        parts: [
          { partId: '0', mimeType: 'text/plain', body: { size: 2, data: 'aGk' } },
          ...(attachment ? [{ partId: '1', mimeType: 'image/png', filename: 'a.png', body: { size: 9, attachmentId: 'x' } }] : []),
        ],
      },
    });
  }
  store.transaction(() => messages.forEach((m) => store.putMessage(m)));
  db.exec('ANALYZE');
});

afterAll(() => db.close());

describe('search plans', () => {
  it('is:starred is:unread -has:attachment: the Starred links drive, newest first, without a sort or a materialised set', () => {
    const detail = plan('is:starred is:unread -has:attachment');
    // The outer loop is the Starred links in key order (label_id, message_rowid): nothing sorted after.
    expect(detail.split('\n')[0]).toBe('SEARCH d USING PRIMARY KEY (label_id=?)');
    expect(detail).not.toMatch(/TEMP B-TREE/);
    const ids = searchLocal(store, 'is:starred is:unread -has:attachment', { limit: 50, now: NOW }).map((h) => h.id);
    expect(ids).toEqual(expected((m) => m.labelIds!.includes('STARRED') && m.labelIds!.includes('UNREAD') && m.payload!.parts!.length === 1));
    expect(ids.length).toBeGreaterThan(0);
  });

  it('larger:100k with few matches reads them through the size index', () => {
    expect(plan('larger:100k')).toMatch(/messages_size/);
    const ids = searchLocal(store, 'larger:100k', { limit: 50, now: NOW }).map((h) => h.id);
    expect(ids).toEqual(expected((m) => m.sizeEstimate! > 100 * 1024));
    expect(ids.length).toBeGreaterThan(0);
    expect(searchLocal(store, 'larger:10M', { limit: 50, now: NOW })).toEqual([]);
  });

  it('keyset pages under a driving label are newest first without gaps', () => {
    const all = searchLocal(store, 'is:starred', { limit: 1000, now: NOW });
    const first = searchLocal(store, 'is:starred', { limit: 7, now: NOW });
    const second = searchLocal(store, 'is:starred', { limit: 7, now: NOW, beforeRowid: first[first.length - 1]!.rowid });
    expect([...first, ...second].map((h) => h.id)).toEqual(all.slice(0, 14).map((h) => h.id));
    expect(all.map((h) => h.id)).toEqual(expected((m) => m.labelIds!.includes('STARRED')).slice(0, 1000));
  });
});
