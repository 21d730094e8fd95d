import { beforeEach, describe, expect, it } from 'vitest';
import { Mailbox, MailboxError, SYSTEM_LABELS } from '../../../emulator/mailbox';

const msg = (headers: Record<string, string>, body = 'hello'): Buffer =>
  Buffer.from(
    `${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n\n${body}\n`,
  );

describe('Mailbox', () => {
  let mb: Mailbox;
  beforeEach(() => {
    mb = new Mailbox('me@example.com');
  });

  it('adds messages with default labels and 16-hex ids', () => {
    const inbound = mb.add(msg({ From: 'Bob <bob@example.com>', Subject: 'Hi', Date: 'Mon, 2 Mar 2026 10:00:00 +0000' }));
    const sent = mb.add(msg({ From: 'Me <ME@example.com>', Subject: 'Re: Hi' }), { internalDate: 5 });
    expect(inbound.id).toMatch(/^[0-9a-f]{16}$/);
    expect(inbound.threadId).toBe(inbound.id);
    expect([...inbound.labelIds].sort()).toEqual(['INBOX', 'UNREAD']);
    expect(sent.labelIds).toEqual(['SENT']);
    expect(inbound.internalDate).toBe(Date.UTC(2026, 2, 2, 10));
    expect(sent.internalDate).toBe(5);
    expect(inbound.searchable.labelIds).toEqual(inbound.labelIds);
    expect(mb.list().map((m) => m.id)).toEqual([inbound.id, sent.id]);
    expect(mb.profile()).toEqual({ emailAddress: 'me@example.com', messagesTotal: 2, threadsTotal: 2, historyId: mb.historyId });
  });

  it('threads replies through In-Reply-To / References; threadId is the first message id', () => {
    const a = mb.add(msg({ 'Message-ID': '<a@x>', Subject: 'Plan', Date: 'Mon, 2 Mar 2026 10:00:00 +0000' }));
    const b = mb.add(msg({ 'Message-ID': '<b@x>', 'In-Reply-To': '<a@x>', Subject: 'Re: Plan', Date: 'Mon, 2 Mar 2026 11:00:00 +0000' }));
    const c = mb.add(msg({ 'Message-ID': '<c@x>', References: '<a@x> <b@x>', Subject: 'Re: Plan', Date: 'Mon, 2 Mar 2026 12:00:00 +0000' }));
    const other = mb.add(msg({ 'Message-ID': '<d@x>', Subject: 'Other', Date: 'Mon, 2 Mar 2026 09:00:00 +0000' }));
    expect([b.threadId, c.threadId]).toEqual([a.id, a.id]);
    expect(mb.thread(a.id).map((m) => m.id)).toEqual([a.id, b.id, c.id]);
    expect(mb.threadIds()).toEqual([a.id, other.id]);
    expect(other.threadId).toBe(other.id);
  });

  it('lists every system label and creates nested user labels', () => {
    expect(mb.labels().map((l) => l.id)).toEqual(SYSTEM_LABELS.map((l) => l.id));
    for (const id of [
      'INBOX',
      'SENT',
      'DRAFT',
      'SPAM',
      'TRASH',
      'UNREAD',
      'STARRED',
      'IMPORTANT',
      'CATEGORY_PERSONAL',
      'CATEGORY_SOCIAL',
      'CATEGORY_PROMOTIONS',
      'CATEGORY_UPDATES',
      'CATEGORY_FORUMS',
      'CHAT',
    ]) {
      expect(mb.label(id)).toMatchObject({ id, name: id, type: 'system' });
    }
    const work = mb.createLabel('Work');
    expect(work).toMatchObject({ id: 'Label_1', name: 'Work', type: 'user', labelListVisibility: 'labelShow', messageListVisibility: 'show' });
    const nestedId = mb.ensureUserLabel('Work/Projects/Alpha');
    expect(
      mb
        .labels()
        .filter((l) => l.type === 'user')
        .map((l) => l.name),
    ).toEqual(['Work', 'Work/Projects', 'Work/Projects/Alpha']);
    expect(mb.label(nestedId)!.name).toBe('Work/Projects/Alpha');
    expect(() => mb.createLabel('work')).toThrow(MailboxError);
    expect(() => mb.createLabel('INBOX')).toThrow(expect.objectContaining({ code: 'LABEL_EXISTS' }));
    expect(() => mb.createLabel('  ')).toThrow(expect.objectContaining({ code: 'INVALID_LABEL_NAME' }));
  });

  it('counts labels by message and thread', () => {
    const a = mb.add(msg({ 'Message-ID': '<a@x>' }));
    mb.add(msg({ 'Message-ID': '<b@x>', 'In-Reply-To': '<a@x>' }));
    mb.add(msg({ 'Message-ID': '<c@x>' }), { labelIds: ['INBOX'] });
    mb.modify(a.id, ['STARRED'], []);
    expect(mb.labelCounts('INBOX')).toEqual({ messagesTotal: 3, messagesUnread: 2, threadsTotal: 2, threadsUnread: 1 });
    expect(mb.labelCounts('STARRED')).toEqual({ messagesTotal: 1, messagesUnread: 1, threadsTotal: 1, threadsUnread: 1 });
  });

  describe('history', () => {
    it('records add, modify and delete in increasing order', () => {
      const start = mb.historyId;
      const a = mb.add(msg({ Subject: 'a' }));
      expect(a.historyId).toBe(mb.historyId);
      mb.modify(a.id, ['STARRED', 'INBOX'], ['UNREAD']);
      mb.modify(a.id, ['STARRED'], []); // no change, no record
      expect(mb.delete(a.id)).toBe(true);
      expect(mb.delete(a.id)).toBe(false);
      const h = mb.historySince(start);
      expect(h).not.toBe('too_old');
      const records = h as Exclude<typeof h, 'too_old'>;
      expect(records.map((r) => Number(r.id))).toEqual([Number(start) + 1, Number(start) + 2, Number(start) + 3]);
      expect(records[0]!.messagesAdded![0]!.message).toEqual({ id: a.id, threadId: a.threadId, labelIds: ['UNREAD', 'INBOX'] });
      expect(records[1]!.labelsAdded).toEqual([{ message: { id: a.id, threadId: a.threadId, labelIds: ['INBOX', 'STARRED'] }, labelIds: ['STARRED'] }]);
      expect(records[1]!.labelsRemoved![0]!.labelIds).toEqual(['UNREAD']);
      expect(records[2]!.messagesDeleted![0]!.message.labelIds).toEqual(['INBOX', 'STARRED']);
      expect(records.every((r) => r.messages.length === 1 && r.messages[0]!.id === a.id)).toBe(true);
      expect(mb.historySince(mb.historyId)).toEqual([]);
      expect(mb.historySince(records[1]!.id)).toEqual([records[2]]);
    });

    it('says too_old for ids before the kept window', () => {
      const start = mb.historyId;
      expect(mb.historySince('1')).toBe('too_old');
      expect(mb.historySince('not-a-number')).toBe('too_old');
      const ids = [1, 2, 3].map((i) => mb.add(msg({ Subject: String(i) })).historyId);
      expect(mb.historySince(start, 2)).toBe('too_old');
      expect(mb.historySince(ids[0]!, 2)).toHaveLength(2);
      mb.setHistoryLimit({ maxRecords: 1 });
      expect(mb.historySince(start)).toBe('too_old');
      expect(mb.historySince(ids[1]!)).toHaveLength(1);
      mb.expireHistory();
      expect(mb.historySince(ids[1]!)).toBe('too_old');
      expect(mb.historySince(mb.historyId)).toEqual([]);
    });

    it('drops records older than the age limit', () => {
      const start = mb.historyId;
      mb.add(msg({ Subject: 'x' }));
      mb.setHistoryLimit({ maxAgeMs: -1 });
      expect(mb.historySince(start)).toBe('too_old');
    });
  });

  it('rejects unknown labels and labels Gmail sets itself', () => {
    const a = mb.add(msg({ Subject: 'a' }));
    expect(mb.modify('ffffffffffffffff', ['STARRED'], [])).toBeUndefined();
    expect(() => mb.modify(a.id, ['Label_99'], [])).toThrow(expect.objectContaining({ code: 'INVALID_LABEL' }));
    expect(() => mb.modify(a.id, ['SENT'], [])).toThrow(expect.objectContaining({ code: 'LABEL_NOT_APPLICABLE' }));
    expect(() => mb.add(msg({}), { labelIds: ['Nope'] })).toThrow(MailboxError);
  });

  it('deleting a user label takes it off messages, with history', () => {
    const l = mb.createLabel('Temp');
    const a = mb.add(msg({ Subject: 'a' }), { labelIds: [l.id] });
    const before = mb.historyId;
    expect(mb.deleteLabel(l.id)).toBe(true);
    expect(mb.get(a.id)!.labelIds).toEqual([]);
    expect(mb.label(l.id)).toBeUndefined();
    const h = mb.historySince(before);
    expect(h !== 'too_old' && h[0]!.labelsRemoved![0]!.labelIds).toEqual([l.id]);
    expect(() => mb.deleteLabel('INBOX')).toThrow(MailboxError);
  });
});
