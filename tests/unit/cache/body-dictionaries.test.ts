/**
 * Stored messages deflated against dictionaries built from the mailbox's own mail: built at
 * 256 messages and at each fourfold growth, every row reads back exactly whichever
 * dictionary (or none) it was stored with, the bytes shrink, and a dictionary built inside a
 * transaction that rolls back is never referred to afterwards.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCacheDatabase, scalar } from '../../../main/cache/database';
import { MailStore } from '../../../main/cache/mail-store';
import { plainMessage } from '../helpers/plain-message';

const DAY = 86_400_000;
const WORDS = ['quarterly', 'pipeline', 'invoice', 'meeting', 'contract', 'schedule', 'capacity', 'forecast', 'delivery', 'review'];

function message(i: number): gmail_v1.Schema$Message {
  const words = Array.from({ length: 60 }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
  const m = plainMessage({
    id: `m${i.toString(16).padStart(6, '0')}`,
    date: 1_600_000_000_000 + i * DAY,
    text: `Hello team,\n\n${words} ${i}.\n\nRegards,\nAna Lima\nEnergy Trading, Houston`,
    snippet: `Hello team, ${words.slice(0, 60)}`,
    labelIds: ['INBOX'],
    from: 'Ana Lima <ana.lima@example.com>',
    subject: `Weekly ${WORDS[i % WORDS.length]} ${i}`,
  });
  const headers = [
    ...(m.payload?.headers ?? []),
    { name: 'Received', value: `from mail${i % 5}.example.com (mail${i % 5}.example.com [10.0.0.${i % 5}]) by mx.example.net with ESMTPS` },
    { name: 'X-Mailer', value: 'Microsoft Outlook Express 6.00.2800.1106' },
  ];
  return { ...m, payload: { ...m.payload, headers } };
}

let store: MailStore;
beforeEach(() => {
  store = new MailStore(openCacheDatabase(':memory:'));
});
afterEach(() => store.db.close());

const dictionaries = () => store.db.prepare('SELECT id, message_count FROM body_dictionaries ORDER BY id').all() as { id: number; message_count: number }[];
const storedBytes = (from: number, to: number) =>
  scalar<number>(
    store.db.prepare('SELECT sum(length(b.message)) FROM message_bodies b JOIN messages m ON m.rowid = b.rowid WHERE m.internal_date BETWEEN ? AND ?'),
    from,
    to,
  );

describe('body dictionaries', () => {
  it('are built at 256 and 1,024 messages, and every message reads back exactly as stored', () => {
    for (let i = 0; i < 1100; i += 100) store.transaction(() => Array.from({ length: Math.min(100, 1100 - i) }, (_, k) => store.putMessage(message(i + k))));
    expect(dictionaries().map((d) => d.message_count)).toEqual([256, 1024]);
    for (const i of [0, 255, 256, 700, 1023, 1024, 1099]) {
      const m = message(i);
      expect(store.messageJson(m.id!)).toEqual(m);
    }
    // A fresh connection (another process) reads them too: the dictionaries come from the file.
    const again = new MailStore(store.db);
    expect(again.messageJson(message(1099).id!)).toEqual(message(1099));
  });

  it('make the stored messages smaller than plain deflate', () => {
    for (let i = 0; i < 600; i += 100) store.transaction(() => Array.from({ length: 100 }, (_, k) => store.putMessage(message(i + k))));
    const at = (i: number) => 1_600_000_000_000 + i * DAY;
    const before = storedBytes(at(0), at(199)); // 200 messages stored before the first dictionary
    const after = storedBytes(at(300), at(499)); // 200 stored with it
    expect(after).toBeLessThan(before * 0.8);
  });

  it('built inside a transaction that fails are forgotten, never referred to', () => {
    store.transaction(() => Array.from({ length: 256 }, (_, k) => store.putMessage(message(k))));
    expect(() =>
      store.transaction(() => {
        store.putMessage(message(256)); // builds the dictionary at 256...
        throw new Error('network went away'); // ...which the rollback removes
      }),
    ).toThrow('network went away');
    expect(dictionaries()).toEqual([]);
    store.transaction(() => store.putMessage(message(257)));
    expect(dictionaries().map((d) => d.message_count)).toEqual([256]);
    expect(store.messageJson(message(257).id!)).toEqual(message(257));
    expect(store.messageJson(message(256).id!)).toBeNull();
  });
});
