import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, DEMO_MAILBOX_PATH, loadDemoMailbox } from '../../../emulator/demo';
import { generateDemoMbox } from '../../../emulator/demo/generate';
import type { Mailbox, StoredMessage } from '../../../emulator/mailbox';

let mb: Mailbox;
let all: StoredMessage[];
const labelId = (name: string): string => mb.labels().find((l) => l.name === name)!.id;

beforeAll(async () => {
  mb = await loadDemoMailbox();
  all = mb.list();
});

describe('demo mailbox', () => {
  it('is the committed output of the seeded generator', () => {
    expect(generateDemoMbox().equals(readFileSync(DEMO_MAILBOX_PATH))).toBe(true);
    expect(statSync(DEMO_MAILBOX_PATH).size).toBeLessThan(3 * 1024 * 1024);
  });

  it('loads 300-500 messages over four years up to 2026-11-20', () => {
    expect(mb.email).toBe(DEMO_EMAIL);
    expect(mb.loadStats.skipped).toBe(0);
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(all.length).toBeLessThanOrEqual(500);
    const newest = all[0]!.internalDate;
    const oldest = all.at(-1)!.internalDate;
    expect(new Date(newest).toISOString().slice(0, 10) <= '2026-11-20').toBe(true);
    expect(newest - oldest).toBeGreaterThan(3.5 * 365 * 24 * 3600 * 1000);
  });

  it('has system, category and nested user labels in realistic amounts', () => {
    const names = mb
      .labels()
      .filter((l) => l.type === 'user')
      .map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['Work', 'Work/Projects', 'Travel', 'Receipts', 'Family', 'Lists/Gardening', 'Lists/Tidepool']));
    for (const id of [
      'INBOX',
      'SENT',
      'UNREAD',
      'STARRED',
      'IMPORTANT',
      'SPAM',
      'TRASH',
      'DRAFT',
      'CATEGORY_PERSONAL',
      'CATEGORY_PROMOTIONS',
      'CATEGORY_SOCIAL',
      'CATEGORY_UPDATES',
      'CATEGORY_FORUMS',
    ]) {
      expect(mb.labelCounts(id).messagesTotal, id).toBeGreaterThan(0);
    }
    expect(mb.labelCounts(labelId('Work/Projects')).messagesTotal).toBeGreaterThan(20);
    const unread = mb.labelCounts('UNREAD').messagesTotal;
    expect(unread).toBeGreaterThan(10);
    expect(unread).toBeLessThan(all.length / 2);
    // archived mail: neither in the inbox nor sent, spam, trash or draft
    expect(all.filter((m) => !m.labelIds.some((l) => ['INBOX', 'SENT', 'SPAM', 'TRASH', 'DRAFT'].includes(l))).length).toBeGreaterThan(30);
  });

  it('threads replies under X-GM-THRID with threadId = first message id', () => {
    const threads = mb.threadIds().map((t) => mb.thread(t));
    const multi = threads.filter((t) => t.length > 1);
    expect(multi.length).toBeGreaterThan(30);
    for (const t of multi) {
      expect(t[0]!.id).toBe(t[0]!.threadId);
      const last = t.at(-1)!;
      const inReplyTo = last.payload.headers.find((h) => h.name === 'In-Reply-To')?.value;
      expect(t.some((m) => m.searchable.rfc822MessageId === inReplyTo)).toBe(true);
    }
    expect(multi.some((t) => t.some((m) => m.labelIds.includes('SENT')) && t.some((m) => m.labelIds.includes('INBOX')))).toBe(true);
  });

  it('carries real attachments: PDF, PNG, CSV, ICS and DOCX', () => {
    const byType = new Map<string, Buffer>();
    for (const m of all) {
      const walk = (p: StoredMessage['payload']): void => {
        if (p.body.attachmentId) byType.set(p.mimeType, m.attachments.get(p.body.attachmentId)!);
        p.parts?.forEach(walk);
      };
      walk(m.payload);
    }
    expect(byType.get('application/pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(byType.get('image/png')!.subarray(1, 4).toString()).toBe('PNG');
    expect(byType.get('application/vnd.openxmlformats-officedocument.wordprocessingml.document')!.subarray(0, 2).toString()).toBe('PK');
    expect(byType.get('text/calendar')!.toString()).toContain('BEGIN:VEVENT');
    expect(byType.get('text/csv')!.toString()).toMatch(/^month,region,value/);
  });

  it('has HTML newsletters with remote images and inline CSS, some with cid: images', () => {
    const promos = all.filter((m) => m.labelIds.includes('CATEGORY_PROMOTIONS'));
    expect(promos.length).toBeGreaterThan(40);
    const html = (m: StoredMessage): string => {
      const find = (p: StoredMessage['payload']): string =>
        p.mimeType === 'text/html' && p.body.data ? Buffer.from(p.body.data, 'base64url').toString('utf8') : (p.parts ?? []).map(find).join('');
      return find(m.payload);
    };
    expect(promos.every((m) => /https:\/\/images\.example\.com\//.test(html(m)) && /style="/.test(html(m)))).toBe(true);
    expect(promos.some((m) => m.payload.mimeType === 'multipart/related' && html(m).includes('src="cid:'))).toBe(true);
    expect(promos.every((m) => m.searchable.listId !== '')).toBe(true);
    expect(promos[0]!.snippet).not.toContain('<');
  });

  it('decodes the Korean, Japanese and Chinese mail (ISO-2022-JP, EUC-KR, GB2312, UTF-8)', () => {
    const subject = (s: string): StoredMessage => all.find((m) => m.searchable.subject === s)!;
    const jp = subject('来週の京都旅行について');
    expect(jp.payload.mimeType).toBe('text/plain');
    expect(jp.payload.headers.find((h) => h.name === 'Content-Type')!.value).toContain('ISO-2022-JP');
    expect(jp.searchable.bodyText).toContain('京都駅で待ち合わせ');
    expect(jp.searchable.from).toBe('田中 愛子 <aiko.tanaka@kumo.example>');
    expect(subject('서울 방문 일정').searchable.bodyText).toContain('경복궁');
    expect(subject('中秋节快乐').searchable.bodyText).toContain('万事如意');
    expect(subject('周报：数据平台进展').snippet).toContain('本周数据平台进展');
    expect(subject('Re: 来週の京都旅行について').threadId).toBe(jp.id);
  });

  it('mailing lists carry List-Id and sit in Forums', () => {
    const list = all.filter((m) => m.searchable.listId.includes('gardening.lists.greenthumb.example'));
    expect(list.length).toBeGreaterThan(5);
    expect(list.filter((m) => !m.labelIds.includes('SENT')).every((m) => m.labelIds.includes('CATEGORY_FORUMS'))).toBe(true);
  });
});
