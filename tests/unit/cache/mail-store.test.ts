/**
 * MailStore: rowids that encode newest-first order (ties on one millisecond ordered by id,
 * full buckets renumbered without losing the index), replace and delete keeping the side
 * tables in step, label counts, senders.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCacheDatabase, scalar } from '../../../main/cache/database';
import { searchLocal } from '../../../main/cache/local-search';
import { MailStore } from '../../../main/cache/mail-store';
import { plainMessage } from '../helpers/plain-message';

function msg(id: string, date: number, body = 'hello world', labelIds = ['INBOX'], from = 'Ana Lima <ana@example.com>'): gmail_v1.Schema$Message {
  return plainMessage({ id, date, text: body, snippet: body, labelIds, from, subject: `s ${id}` });
}

let store: MailStore;
beforeEach(() => {
  store = new MailStore(openCacheDatabase(':memory:'));
});
afterEach(() => store.db.close());

function newestFirst(): string[] {
  return searchLocal(store, '', { limit: 10_000, includeSpamTrash: true }).map((h) => h.id);
}

function expected(ids: string[], dates: Map<string, number>): string[] {
  return [...ids].sort((a, b) => dates.get(b)! - dates.get(a)! || (a.length !== b.length ? b.length - a.length : a < b ? 1 : -1));
}

describe('MailStore rowids', () => {
  it('orders by date, then by id as a number, whatever the insertion order', () => {
    const dates = new Map<string, number>();
    const ids = ['a', 'b0', 'ff', '100', '0f', 'abc', 'abd', 'ab', '9'];
    ids.forEach((id, i) => dates.set(id, i % 3 === 0 ? 1_700_000_000_000 : 1_700_000_000_000 + i));
    for (const id of [...ids].reverse()) store.putMessage(msg(id, dates.get(id)!));
    expect(newestFirst()).toEqual(expected(ids, dates));
  });

  it('numbers a new cache by day: a bucket per UTC day, the time of day as the hint, spread by id', () => {
    expect(store.rowids.name).toBe('day');
    const day = Date.UTC(2024, 4, 1);
    store.putMessage(msg('m1', day + 6 * 3_600_000));
    store.putMessage(msg('m2', day + 18 * 3_600_000));
    const rowids = new Map(searchLocal(store, '').map((h) => [h.id, h.rowid]));
    const slots = 2 ** 20;
    expect(Math.floor(rowids.get('m1')! / slots)).toBe(day / 86_400_000);
    // The time of day's slot, plus a spread of up to 64 by id (mail of one moment sorts by id).
    expect(rowids.get('m1')! % slots).toBeGreaterThanOrEqual(slots / 4);
    expect(rowids.get('m1')! % slots).toBeLessThan(slots / 4 + 64);
    expect(rowids.get('m2')! % slots).toBeGreaterThanOrEqual((slots * 3) / 4);
    expect(rowids.get('m2')! % slots).toBeLessThan((slots * 3) / 4 + 64);
  });

  it('renumbers a full bucket and keeps every row searchable and labelled', () => {
    const date = 1_650_000_000_000;
    const ids = Array.from({ length: 300 }, (_, i) => `aaa${((i * 7919) % 300).toString(16).padStart(4, '0')}`);
    const dates = new Map(ids.map((id) => [id, date]));
    store.transaction(() => ids.forEach((id, i) => store.putMessage(msg(id, date, `word${i} shared`, i % 2 ? ['INBOX', 'STARRED'] : ['INBOX']))));
    expect(newestFirst()).toEqual(expected(ids, dates));
    expect(searchLocal(store, 'shared', { limit: 1000 })).toHaveLength(300);
    expect(searchLocal(store, 'word17', { limit: 10 }).map((h) => h.id)).toEqual([ids[17]]);
    expect(searchLocal(store, 'is:starred', { limit: 1000 })).toHaveLength(150);
    expect(scalar<number>(store.db.prepare('SELECT count(*) FROM message_fts_docsize'))).toBe(300);
    for (const h of searchLocal(store, '', { limit: 1000 })) expect(Math.floor(h.rowid / store.rowids.slots)).toBe(store.rowids.bucket(date));
  });

  it('makes room for mail of one moment by moving its neighbours only, not the whole day', () => {
    const day = Date.UTC(2024, 4, 1);
    const dates = new Map<string, number>();
    store.transaction(() => {
      for (let h = 0; h < 24; h++) {
        const id = `b${h.toString(16).padStart(2, '0')}`;
        dates.set(id, day + h * 3_600_000);
        store.putMessage(msg(id, dates.get(id)!));
      }
    });
    const rowidOf = (id: string) => scalar<number>(store.db.prepare('SELECT rowid FROM messages WHERE id = ?'), id);
    const hourRowids = [...dates.keys()].map(rowidOf);
    // 300 messages of 12:00:00.000 exactly, in an order that keeps landing between two neighbours.
    const noon = day + 12 * 3_600_000;
    const ids = Array.from({ length: 300 }, (_, i) => `c${(i % 2 ? 300 - i : i).toString(16).padStart(4, '0')}`);
    store.transaction(() => {
      for (const id of ids) {
        dates.set(id, noon);
        store.putMessage(msg(id, noon));
      }
    });
    expect(newestFirst()).toEqual(expected([...dates.keys()], dates));
    // The other hours of the day kept their rowids, all but the next hour's (the window reached it).
    const moved = [...dates.keys()].slice(0, 24).filter((id, i) => rowidOf(id) !== hourRowids[i]);
    expect(moved.length).toBeLessThanOrEqual(2);
  });

  it('keeps dates far outside ±139 years ordered (clamped into one bucket)', () => {
    const dates = new Map([
      ['1', -9e15],
      ['2', -8e15],
      ['3', 9e15],
      ['4', 8.9e15],
      ['5', 0],
    ]);
    for (const [id, d] of dates) store.putMessage(msg(id, d));
    expect(newestFirst()).toEqual(['3', '4', '5', '2', '1']);
  });

  it('replaces a message in place and deletes it with its side rows', () => {
    store.putMessage(msg('m1', 1000, 'first body'));
    store.putMessage(msg('m1', 2000, 'second body', ['INBOX', 'UNREAD']));
    expect(store.messageCount()).toBe(1);
    expect(searchLocal(store, 'first')).toEqual([]);
    expect(searchLocal(store, 'second is:unread').map((h) => h.id)).toEqual(['m1']);
    expect(store.labelCounts().counts.get('UNREAD')).toBe(1);
    store.setMessageLabels('m1', ['INBOX', 'STARRED']);
    store.putMessage(msg('m2', 3000, 'third', ['INBOX', 'UNREAD']));
    expect(store.labelCounts().counts.get('UNREAD')).toBe(1);
    expect(store.labelCounts().counts.get('STARRED')).toBe(1);
    expect(store.labelCounts().counts.get('INBOX')).toBe(2);
    expect(store.labelCounts().total).toBe(2);
    store.deleteMessage('m2');
    expect(store.deleteMessage('m1')).toBe(true);
    expect(store.deleteMessage('m1')).toBe(false);
    for (const table of ['messages', 'message_labels', 'message_addresses', 'message_fts_docsize']) {
      expect(scalar<number>(store.db.prepare(`SELECT count(*) FROM ${table}`))).toBe(0);
    }
  });

  it('counts senders for autocomplete and forgets them when their mail goes', () => {
    store.putMessage(msg('s1', 1, 'x', ['INBOX'], 'Ana Lima <ana@example.com>'));
    store.putMessage(msg('s2', 2, 'x', ['INBOX'], 'Ana Lima <ana@example.com>'));
    store.putMessage(msg('s3', 3, 'x', ['INBOX'], 'Bo <bo@example.com>'));
    const count = () => scalar<number>(store.db.prepare("SELECT message_count FROM senders WHERE address = 'ana@example.com'"));
    expect(count()).toBe(2);
    store.deleteMessage('s1');
    expect(count()).toBe(1);
  });
});
