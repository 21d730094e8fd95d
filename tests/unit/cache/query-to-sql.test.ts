/**
 * The SQL compiler on hand-made messages that hit the edges of the rules (phrases across
 * fields, whole addresses, CJK, diacritics, id order on equal dates, keyset paging),
 * checked against expected ids and against the emulator's evaluator on the same data.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { DAY_BUCKETS } from '../../../main/cache/rowid-order';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGmailQuery } from '../../../common/gmail-query/parser';
import { prepareMessage, searchMessages } from '../../../emulator/search/evaluate';
import { openCacheDatabase } from '../../../main/cache/database';
import { searchLocal } from '../../../main/cache/local-search';
import { MailStore } from '../../../main/cache/mail-store';
import { searchableFromGmail } from '../../../main/cache/message-record';
import { compileSearch } from '../../../main/cache/query-to-sql';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const NOW = new Date('2026-11-25T12:00:00Z');

interface Spec {
  id: string;
  date: string;
  from: string;
  to?: string;
  cc?: string;
  subject: string;
  body?: string;
  html?: string;
  labels?: string[];
  attachment?: string;
  listId?: string;
  size?: number;
  messageId?: string;
}

function message(s: Spec): gmail_v1.Schema$Message {
  const headers = [
    { name: 'From', value: s.from },
    { name: 'To', value: s.to ?? 'Me Myself <me@skimmer.example>' },
    ...(s.cc ? [{ name: 'Cc', value: s.cc }] : []),
    { name: 'Subject', value: s.subject },
    ...(s.listId ? [{ name: 'List-Id', value: s.listId }] : []),
    { name: 'Message-ID', value: s.messageId ?? `<${s.id}@mail.example>` },
  ];
  const text: gmail_v1.Schema$MessagePart =
    s.html !== undefined
      ? {
          partId: '0',
          mimeType: 'text/html',
          filename: '',
          headers: [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }],
          body: { size: 1, data: b64(s.html) },
        }
      : {
          partId: '0',
          mimeType: 'text/plain',
          filename: '',
          headers: [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }],
          body: { size: 1, data: b64(s.body ?? '') },
        };
  const parts = [text];
  if (s.attachment)
    parts.push({ partId: '1', mimeType: 'application/octet-stream', filename: s.attachment, headers: [], body: { size: 10, attachmentId: `att-${s.id}` } });
  return {
    id: s.id,
    threadId: s.id,
    labelIds: s.labels ?? ['INBOX', 'UNREAD'],
    snippet: '',
    historyId: '1',
    internalDate: String(Date.parse(s.date)),
    sizeEstimate: s.size ?? 2000,
    payload: { partId: '', mimeType: 'multipart/mixed', filename: '', headers, body: { size: 0 }, parts },
  };
}

const SPECS: Spec[] = [
  {
    id: 'a1',
    date: '2024-01-05T12:00:00Z',
    from: 'Amy Smith <amy.smith@x.com>',
    subject: 'Meeting notes',
    body: 'The meetings ran long. Natural gas prices rose.',
  },
  {
    id: 'a2',
    date: '2024-01-05T12:00:00Z',
    from: 'Bob <bob@y.org>',
    subject: 'Re: Meeting notes',
    body: 'e-mail me the café menu',
    cc: 'Amy Smith <amy.smith@x.com>',
  },
  { id: 'a10', date: '2024-01-05T12:00:00Z', from: 'Carol <carol@z.net>', subject: 'Same instant, longer id', body: 'ordering test' },
  { id: 'b1', date: '2023-06-01T08:00:00Z', from: '鈴木花子 <hanako@example.jp>', subject: '会議の件', body: '회의를 시작합니다' },
  {
    id: 'b2',
    date: '2023-03-01T08:00:00Z',
    from: 'Smith John <js@x.com>',
    to: 'John Smith <john@x.com>, Amy Smith <amy.smith@x.com>',
    subject: 'names',
    body: 'hello',
  },
  {
    id: 'c1',
    date: '2022-12-31T23:00:00Z',
    from: 'news@list.example',
    subject: 'Digest',
    body: 'weekly',
    listId: 'Info List <info.example.com>',
    size: 50_000,
  },
  { id: 'c2', date: '2022-11-01T00:00:00Z', from: 'spammer@bad.example', subject: 'Prize', body: 'zebra prize', labels: ['SPAM'] },
  { id: 'c3', date: '2022-10-01T00:00:00Z', from: 'old@z.net', subject: 'Trashed', body: 'zebra trash', labels: ['TRASH'] },
  {
    id: 'd1',
    date: '2021-05-05T05:00:00Z',
    from: 'me@skimmer.example',
    to: 'amy.smith@x.com',
    subject: 'Report',
    body: 'see attached',
    attachment: 'not-a-pdf.jpg',
    labels: ['SENT', 'Label_1', 'Label_99'],
  },
  {
    id: 'd2',
    date: '2021-04-04T04:00:00Z',
    from: 'Zoë <zoe@x.com>',
    subject: 'HTML only',
    html: '<html><head><style>.x{}</style></head><body><p>Résumé attached</p><p>second&nbsp;para</p></body></html>',
    labels: ['INBOX', 'STARRED', 'IMPORTANT'],
  },
];

let store: MailStore;
const labels = [
  { id: 'INBOX', name: 'INBOX', type: 'system' as const },
  { id: 'SPAM', name: 'SPAM', type: 'system' as const },
  { id: 'TRASH', name: 'TRASH', type: 'system' as const },
  { id: 'Label_1', name: 'Work/Clients', type: 'user' as const },
];

function local(q: string): string[] {
  return searchLocal(store, q, { limit: 1000, now: NOW }).map((h) => h.id);
}

function evaluator(q: string): string[] {
  const prepared = SPECS.map((s) => prepareMessage(searchableFromGmail(message(s))));
  return searchMessages(parseGmailQuery(q), prepared, { now: NOW, labels, includeSpamTrash: false, accountEmail: 'me@skimmer.example' }).map(
    (p) => p.message.id,
  );
}

beforeAll(() => {
  store = new MailStore(openCacheDatabase(':memory:'));
  store.setMeta('accountEmail', 'me@skimmer.example');
  store.replaceLabels(labels);
  store.transaction(() => SPECS.forEach((s) => store.putMessage(message(s))));
});

afterAll(() => store.db.close());

describe('query-to-sql', () => {
  it.each<[string, string[]]>([
    ['', ['a10', 'a2', 'a1', 'b1', 'b2', 'c1', 'd1', 'd2']],
    ['meeting', ['a2', 'a1']],
    ['+meetings', ['a1']],
    ['"meeting notes"', ['a2', 'a1']],
    ['"notes the"', []],
    ['natural-gas', ['a1']],
    ['e-mail', ['a2']],
    ['cafe', ['a2']],
    ['花子', ['b1']],
    ['회의', ['b1']],
    ['会議', ['b1']],
    ['from:amy', ['a1']],
    ['from:x.com', ['a1', 'b2', 'd2']],
    ['from:@x.com', ['a1', 'b2', 'd2']],
    ['from:amy.smith@x', []],
    ['from:amy.smith@x.com', ['a1']],
    ['to:amy.smith@x.com', ['a2', 'b2', 'd1']],
    ['cc:amy', ['a2']],
    ['"john smith"', ['b2']],
    ['"smith amy"', []],
    ['from:me', ['d1']],
    ['to:me', ['a10', 'a2', 'a1', 'b1', 'c1', 'd2']],
    ['subject:re', ['a2']],
    ['subject:(meeting notes)', ['a2', 'a1']],
    ['list:info@example.com', ['c1']],
    ['list:', ['c1']],
    ['filename:pdf', ['d1']],
    ['filename:not-a-pdf.jpg', ['d1']],
    ['has:attachment', ['d1']],
    ['zebra', []],
    ['zebra in:anywhere', ['c2', 'c3']],
    ['zebra in:spam', ['c2']],
    ['zebra label:trash', ['c3']],
    ['-in:trash zebra label:trash', []],
    ['in:archive', ['d1']],
    ['label:work-clients', ['d1']],
    ['has:userlabels', ['d1']],
    ['has:nouserlabels', ['a10', 'a2', 'a1', 'b1', 'b2', 'c1', 'd2']],
    ['is:starred is:important', ['d2']],
    ['résumé', ['d2']],
    ['style', []],
    ['after:2024/01/05', ['a10', 'a2', 'a1']],
    ['before:2023/1/1 after:2022/12/31', ['c1']],
    ['older_than:3y', ['b1', 'b2', 'c1', 'd1', 'd2']],
    ['older_than:6y', []],
    ['larger:40k', ['c1']],
    ['smaller:40K', ['a10', 'a2', 'a1', 'b1', 'b2', 'd1', 'd2']],
    ['rfc822msgid:<a2@mail.example>', ['a2']],
    ['rfc822msgid:A2@MAIL.EXAMPLE', ['a2']],
    ['meeting OR hello -bob', ['a1', 'b2']],
    ['-{meeting hello}', ['a10', 'b1', 'c1', 'd1', 'd2']],
    ['gas AROUND 1 prices', ['a1']],
    ['natural AROUND 0 prices', []],
    ['newer_than:2w', []],
    ['foo:bar', []],
  ])('%j', (q, expected) => {
    expect(local(q)).toEqual(expected);
    expect(local(q)).toEqual(evaluator(q));
  });

  it('orders equal dates by id as a number (a10 > a2 > a1) and pages by keyset', () => {
    const first = searchLocal(store, '', { limit: 2, now: NOW });
    expect(first.map((h) => h.id)).toEqual(['a10', 'a2']);
    const last = first[first.length - 1]!;
    const next = searchLocal(store, '', { limit: 3, now: NOW, beforeRowid: last.rowid });
    expect(next.map((h) => h.id)).toEqual(['a1', 'b1', 'b2']);
  });

  it('compiles to one parameterised statement, merging full-text leaves into one MATCH', () => {
    const wordsFor = (key: string) => ({ meet: ['meet', 'meeting', 'meetings'], note: ['note', 'notes'] })[key] ?? [key];
    const { sql, params } = compileSearch(
      parseGmailQuery('meeting notes from:amy is:unread'),
      { now: NOW, labels, wordsFor, rowids: DAY_BUCKETS },
      { limit: 10 },
    );
    expect(sql.match(/MATCH \?/g)).toHaveLength(1);
    const anywhere = '{text subject addr_from addr_to addr_cc addr_bcc filename}';
    expect(params).toContain(`(${anywhere} : ("meet" OR "meeting" OR "meetings") AND ${anywhere} : ("note" OR "notes") AND addr_from : "amy")`);
    expect(sql).toMatch(/FROM message_fts f JOIN messages m .* ORDER BY f.rowid DESC LIMIT \?$/);
  });

  it('never throws on hostile input', () => {
    for (const q of ['"', '((((', '-', 'OR OR OR', 'NEAR(a b)', 'a:"b', '*', '\u0000', 'label:"', `${'x '.repeat(500)}`]) {
      expect(() => local(q)).not.toThrow();
    }
  });
});
