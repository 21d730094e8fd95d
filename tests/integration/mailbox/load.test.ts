import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMailbox, type Mailbox, type StoredMessage } from '../../../emulator/mailbox';

const ME = 'me@example.com';
let root: string;

function write(rel: string, content: string): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

const eml = (from: string, subject: string, extra = '', body = 'body'): string => `From: ${from}\nTo: ${ME}\nSubject: ${subject}\n${extra}\n${body}\n`;

function bySubject(mb: Mailbox, subject: string): StoredMessage {
  const m = mb.list().find((x) => x.searchable.subject === subject);
  if (!m) throw new Error(`no message ${subject}`);
  return m;
}

const labelNames = (mb: Mailbox, m: StoredMessage): string[] => m.labelIds.map((id) => mb.label(id)!.name).sort();

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'skimmer-mailbox-'));
  // plain folders: sub-folders become user labels
  write('mail/top.eml', eml('Bob <bob@example.com>', 'top', 'Date: Mon, 2 Mar 2026 10:00:00 +0000\nMessage-ID: <t1@x>\n'));
  write('mail/work/clients/acme.eml', eml('Ann <ann@acme.example>', 'acme', 'Message-ID: <t2@x>\nIn-Reply-To: <t1@x>\n'));
  write('mail/work/mine.eml', eml(`Me <${ME}>`, 'mine', 'Status: RO\n'));
  write('mail/work/read.eml', eml('x@example.com', 'read-by-status', 'Status: RO\nX-Status: F\n'));
  write('mail/Sent/out.eml', eml(`${ME}`, 'in-sent-folder'));
  write('mail/notes.txt', 'not mail');
  write('mail/.hidden.eml', eml('x@example.com', 'hidden'));
  const nodate = write('mail/nodate.eml', eml('x@example.com', 'no-date'));
  utimesSync(nodate, new Date('2024-05-06T07:08:09Z'), new Date('2024-05-06T07:08:09Z'));
  // Maildir with flags and a Maildir++ sub-folder
  write('maildir/cur/1700000000.1.host:2,S', eml('a@example.com', 'md-read'));
  write('maildir/cur/1700000000.2.host:2,FS', eml('a@example.com', 'md-starred'));
  write('maildir/cur/1700000000.3.host:2,ST', eml('a@example.com', 'md-trashed'));
  write('maildir/new/1700000000.4.host', eml('a@example.com', 'md-new'));
  mkdirSync(path.join(root, 'maildir/tmp'), { recursive: true });
  write('maildir/.Lists.Rust/cur/1700000000.5.host:2,', eml('a@example.com', 'md-sub'));
  write('maildir/.Lists.Rust/new/.keep', '');
  // Takeout mbox
  write(
    'takeout/All mail Including Spam and Trash.mbox',
    [
      'From 1700000000000000001@xxx Wed Nov 18 10:00:00 +0000 2026',
      'X-GM-THRID: 1700000000000000001',
      'X-Gmail-Labels: Inbox,Unread,Important,Category Promotions,Work/Projects,"Receipts, 2026"',
      'From: Shop <news@shop.example>',
      'Subject: to-first',
      'Date: Wed, 18 Nov 2026 10:00:00 +0000',
      'Message-ID: <to1@x>',
      '',
      'First.',
      '>From the shop.',
      '',
      'From 1700000000000000002@xxx Wed Nov 18 11:00:00 +0000 2026',
      'X-GM-THRID: 1700000000000000001',
      'X-Gmail-Labels: Sent,Opened,Starred',
      `From: ${ME}`,
      'Subject: to-reply',
      'Date: Wed, 18 Nov 2026 11:00:00 +0000',
      'Message-ID: <to2@x>',
      '',
      'Reply.',
      '',
      'From 1700000000000000003@xxx Wed Nov 18 12:00:00 +0000 2026',
      'X-GM-THRID: 1700000000000000003',
      'X-Gmail-Labels: Spam',
      'From: spammer@spam.example',
      'Subject: to-spam',
      'Date: Wed, 18 Nov 2026 12:00:00 +0000',
      '',
      'Buy.',
      '',
      'From 1700000000000000004@xxx Wed Nov 18 13:00:00 +0000 2026',
      'X-Gmail-Labels: Trash,Opened',
      'From: old@example.com',
      'Subject: to-trash',
      'In-Reply-To: <to2@x>',
      'Date: Wed, 18 Nov 2026 13:00:00 +0000',
      '',
      'Gone.',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('folders', () => {
  let mb: Mailbox;
  beforeAll(async () => {
    mb = await loadMailbox({ email: ME, paths: [path.join(root, 'mail')] });
  });

  it('loads .eml files recursively, skipping hidden and non-mail files', () => {
    expect(
      mb
        .list()
        .map((m) => m.searchable.subject)
        .sort(),
    ).toEqual(['acme', 'in-sent-folder', 'mine', 'no-date', 'read-by-status', 'top']);
    expect(mb.loadStats).toMatchObject({ files: 6, messages: 6, skipped: 0 });
  });

  it('turns sub-folders into nested user labels, "Sent" into SENT', () => {
    expect(labelNames(mb, bySubject(mb, 'acme'))).toEqual(['INBOX', 'UNREAD', 'work/clients']);
    expect(labelNames(mb, bySubject(mb, 'top'))).toEqual(['INBOX', 'UNREAD']);
    expect(labelNames(mb, bySubject(mb, 'in-sent-folder'))).toEqual(['SENT']);
    expect(
      mb
        .labels()
        .filter((l) => l.type === 'user')
        .map((l) => l.name),
    ).toEqual(['work', 'work/clients']);
  });

  it('mail from the account is SENT and read; Status R is read; X-Status F is starred', () => {
    expect(labelNames(mb, bySubject(mb, 'mine'))).toEqual(['SENT', 'work']);
    expect(labelNames(mb, bySubject(mb, 'read-by-status'))).toEqual(['INBOX', 'STARRED', 'work']);
  });

  it('threads across folders and dates from the header or the file time', () => {
    expect(bySubject(mb, 'acme').threadId).toBe(bySubject(mb, 'top').id);
    expect(bySubject(mb, 'no-date').internalDate).toBe(Date.parse('2024-05-06T07:08:09Z'));
  });

  it('ids are stable across loads and independent of where the folder lives', async () => {
    const again = await loadMailbox({ email: ME, paths: [path.join(root, 'mail')] });
    expect(again.list().map((m) => m.id)).toEqual(mb.list().map((m) => m.id));
  });
});

describe('Maildir', () => {
  it('reads cur/ and new/, flags S, F, T, and Maildir++ sub-folders', async () => {
    const mb = await loadMailbox({ email: ME, paths: [path.join(root, 'maildir')] });
    expect(mb.list()).toHaveLength(5);
    expect(labelNames(mb, bySubject(mb, 'md-read'))).toEqual(['INBOX']);
    expect(labelNames(mb, bySubject(mb, 'md-starred'))).toEqual(['INBOX', 'STARRED']);
    expect(labelNames(mb, bySubject(mb, 'md-trashed'))).toEqual(['TRASH']);
    expect(labelNames(mb, bySubject(mb, 'md-new'))).toEqual(['INBOX', 'UNREAD']);
    expect(labelNames(mb, bySubject(mb, 'md-sub'))).toEqual(['INBOX', 'Lists/Rust', 'UNREAD']);
  });
});

describe('Google Takeout mbox', () => {
  let mb: Mailbox;
  beforeAll(async () => {
    mb = await loadMailbox({ email: ME, paths: [path.join(root, 'takeout')] });
  });

  it('maps X-Gmail-Labels to system and (nested) user labels', () => {
    expect(labelNames(mb, bySubject(mb, 'to-first'))).toEqual(['CATEGORY_PROMOTIONS', 'IMPORTANT', 'INBOX', 'Receipts, 2026', 'UNREAD', 'Work/Projects']);
    expect(labelNames(mb, bySubject(mb, 'to-reply'))).toEqual(['SENT', 'STARRED']);
    expect(labelNames(mb, bySubject(mb, 'to-spam'))).toEqual(['SPAM']);
    expect(labelNames(mb, bySubject(mb, 'to-trash'))).toEqual(['TRASH']);
    expect(
      mb
        .labels()
        .filter((l) => l.type === 'user')
        .map((l) => l.name),
    ).toEqual(['Work', 'Work/Projects', 'Receipts, 2026']);
  });

  it('uses X-GM-THRID as thread id (the first message takes it as its id), replies without it join by reference', () => {
    const thread = BigInt('1700000000000000001').toString(16).padStart(16, '0');
    const first = bySubject(mb, 'to-first');
    expect(first.threadId).toBe(thread);
    expect(first.id).toBe(thread);
    expect(bySubject(mb, 'to-reply').threadId).toBe(thread);
    expect(bySubject(mb, 'to-trash').threadId).toBe(thread);
    expect(mb.thread(thread).map((m) => m.searchable.subject)).toEqual(['to-first', 'to-reply', 'to-trash']);
    expect(bySubject(mb, 'to-spam').threadId).toBe(BigInt('1700000000000000003').toString(16).padStart(16, '0'));
  });

  it('un-escapes >From in the body and keeps raw without the envelope line', () => {
    const first = bySubject(mb, 'to-first');
    expect(first.searchable.bodyText).toBe('First.\nFrom the shop.\n');
    expect(first.raw.toString().startsWith('X-GM-THRID:')).toBe(true);
    expect(first.sizeEstimate).toBe(first.raw.length);
  });

  it('history starts at the load: earlier ids are too old, later changes are recorded', () => {
    const h = mb.historyId;
    expect(mb.historySince(String(Number(h) - 1))).toBe('too_old');
    expect(mb.historySince(h)).toEqual([]);
    const spam = bySubject(mb, 'to-spam');
    mb.modify(spam.id, ['INBOX'], ['SPAM']);
    const records = mb.historySince(h);
    expect(records !== 'too_old' && records.map((r) => [r.labelsAdded?.[0]?.labelIds, r.labelsRemoved?.[0]?.labelIds])).toEqual([[['INBOX'], ['SPAM']]]);
  });
});

describe('explicit file paths', () => {
  it('loads an mbox and a single .eml given directly, together', async () => {
    const mb = await loadMailbox({ email: ME, paths: [path.join(root, 'takeout/All mail Including Spam and Trash.mbox'), path.join(root, 'mail/top.eml')] });
    expect(mb.list()).toHaveLength(5);
  });
});

describe('edge cases', () => {
  it('reserved folder names, over-long labels, empty and non-mail files do not break the load', async () => {
    write('edge/Inbox/2019/a.eml', eml('x@example.com', 'nested-under-inbox'));
    write('edge/long.eml', eml('x@example.com', 'long-label', `X-Gmail-Labels: Inbox,${'x'.repeat(300)}\n`));
    write('edge/empty.eml', '');
    write('edge/blob', '\u0000\u0001binary');
    const warnings: string[] = [];
    const mb = await loadMailbox({ email: ME, paths: [path.join(root, 'edge')], onWarning: (w) => warnings.push(w) });
    expect(labelNames(mb, bySubject(mb, 'nested-under-inbox'))).toEqual(['INBOX', 'Inbox/2019', 'UNREAD']);
    expect(labelNames(mb, bySubject(mb, 'long-label'))).toEqual(['INBOX']);
    expect(mb.loadStats).toMatchObject({ messages: 2, skipped: 2 });
    expect(warnings.some((w) => w.includes('label'))).toBe(true);
    expect(warnings.some((w) => w.includes('empty'))).toBe(true);
  });
});
