/**
 * Which index drives a page (search-statement.ts), on a real SQLite file: a small label's
 * links drive in newest-first order (no set built first, no sort), a size condition with few
 * matches goes through the size index; words under a before: date are checked on the rows
 * below the bound before FTS5 drives; the answers stay those of a plain filter.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGmailQuery } from '../../../common/gmail-query/parser';
import { openCacheDatabase, type SqlDatabase } from '../../../main/cache/database';
import { searchContext, searchLocal } from '../../../main/cache/local-search';
import { MailStore } from '../../../main/cache/mail-store';
import { compileSearch, searchRows } from '../../../main/cache/query-to-sql';

const NOW = new Date('2026-11-25T12:00:00Z');
let db: SqlDatabase;
let store: MailStore;
const messages: gmail_v1.Schema$Message[] = [];
/** Hourly from 2024-01-01: 100 days. */
const MESSAGES = 2_400;

/** Every message says "common"; one in 3 "third"; one in 40 "sparse"; one in 500 "rare". */
function bodyWords(i: number): string {
  return ['hi common', ...(i % 3 === 0 ? ['third'] : []), ...(i % 40 === 1 ? ['sparse'] : []), ...(i % 500 === 7 ? ['rare'] : [])].join(' ');
}

function plan(query: string): string {
  const { sql, params } = compileSearch(parseGmailQuery(query), searchContext(store, { now: NOW }), { limit: 50 });
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

function expected(keep: (m: gmail_v1.Schema$Message) => boolean, limit = 50): string[] {
  return messages
    .filter(keep)
    .sort((a, b) => Number(b.internalDate) - Number(a.internalDate))
    .slice(0, limit)
    .map((m) => m.id!);
}

beforeAll(() => {
  db = openCacheDatabase(':memory:');
  store = new MailStore(db);
  store.replaceLabels(['INBOX', 'UNREAD', 'STARRED', 'SPAM', 'TRASH'].map((id) => ({ id, name: id, type: 'system' })));
  for (let i = 0; i < MESSAGES; i++) {
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
          { partId: '0', mimeType: 'text/plain', body: { size: 2, data: Buffer.from(bodyWords(i)).toString('base64url') } },
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

  describe('words under a before: date (searchRows probes the rows below the bound first)', () => {
    /** The page FTS5 alone gives (compileSearch's own statement, no probe). */
    function ftsOnly(query: string, beforeRowid: number | null = null): number[] {
      const statement = compileSearch(parseGmailQuery(query), searchContext(store, { now: NOW }), { limit: 50, beforeRowid, columns: 'm.rowid AS rowid' });
      expect(statement.belowDate).toBeDefined();
      return (db.prepare(statement.sql).all(...statement.params) as { rowid: number }[]).map((r) => r.rowid);
    }
    /** As if the mailbox had a million newer messages: the probe runs whenever its first window finds words. */
    function probingContext() {
      const ctx = searchContext(store, { now: NOW });
      return { ...ctx, planner: { ...ctx.planner!, rowsFrom: () => 1_000_000 } };
    }
    const probed = (query: string, beforeRowid: number | null = null) =>
      searchRows<{ rowid: number }>(db, parseGmailQuery(query), probingContext(), {
        limit: 50,
        beforeRowid,
        columns: 'm.rowid AS rowid',
      }).map((r) => r.rowid);

    it('a common word fills the page from the probe alone, in one window or two', () => {
      for (const query of ['common before:2024/03/15', 'third before:2024/03/15']) {
        const ids = probed(query);
        expect(ids).toHaveLength(50);
        expect(ids).toEqual(ftsOnly(query));
        expect(probed(query, ids[9]!)).toEqual(ftsOnly(query, ids[9]!));
      }
    });

    it('counts the mail newer than a date from the date histogram, kept by triggers', () => {
      const rowsFrom = searchContext(store, { now: NOW }).planner!.rowsFrom!;
      const total = messages.length;
      expect(rowsFrom(Date.UTC(2000, 0, 1))).toBe(total);
      expect(rowsFrom(Date.UTC(2030, 0, 1))).toBe(0);
      // Stretches of 2^31 ms: a date counts at least the messages after it, at most 25 days more.
      const from = Date.UTC(2024, 2, 1);
      const exact = messages.filter((m) => Number(m.internalDate) >= from).length;
      expect(rowsFrom(from)).toBeGreaterThanOrEqual(exact);
      expect(rowsFrom(from)).toBeLessThanOrEqual(exact + 25 * 24);
      store.deleteMessage(messages[messages.length - 1]!.id!);
      expect(rowsFrom(Date.UTC(2000, 0, 1))).toBe(total - 1);
      store.putMessage(messages[messages.length - 1]!);
      store.putMessage(messages[messages.length - 1]!);
      expect(rowsFrom(Date.UTC(2000, 0, 1))).toBe(total);
    });

    it('a sparse word: the probe finds some, FTS5 finds the rest below it, in order and without gaps', () => {
      const ids = probed('sparse before:2024/04/05');
      expect(ids).toHaveLength(50);
      expect(ids).toEqual(ftsOnly('sparse before:2024/04/05'));
      // Too sparse for a second window (50 matches take 2,000 rows): all but the first window's came from FTS5.
      const below = db.prepare('SELECT rowid FROM messages WHERE rowid <= ? ORDER BY rowid DESC LIMIT 1 OFFSET 1499').get(ids[0]!) as { rowid: number };
      expect(ids[ids.length - 1]!).toBeLessThan(below.rowid);
      expect(probed('sparse before:2024/04/05', ids[24]!)).toEqual(ftsOnly('sparse before:2024/04/05', ids[24]!));
    });

    it('a rare word and a date range shorter than the probe: the same page as FTS5 alone', () => {
      expect(probed('rare before:2024/03/15')).toEqual(ftsOnly('rare before:2024/03/15'));
      expect(probed('rare before:2024/03/15').length).toBeGreaterThan(0);
      expect(probed('sparse before:2024/02/20 after:2024/02/10')).toEqual(ftsOnly('sparse before:2024/02/20 after:2024/02/10'));
      expect(probed('sparse before:2023/01/01')).toEqual([]);
    });
  });

  it('keyset pages under a driving label are newest first without gaps', () => {
    const all = searchLocal(store, 'is:starred', { limit: 1000, now: NOW });
    const first = searchLocal(store, 'is:starred', { limit: 7, now: NOW });
    const second = searchLocal(store, 'is:starred', { limit: 7, now: NOW, beforeRowid: first[first.length - 1]!.rowid });
    expect([...first, ...second].map((h) => h.id)).toEqual(all.slice(0, 14).map((h) => h.id));
    expect(all.map((h) => h.id)).toEqual(expected((m) => m.labelIds!.includes('STARRED'), 1000));
  });
});
