import { describe, expect, it } from 'vitest';
import { splitMbox, stripEnvelope } from '../../../emulator/mailbox';

const mbox = [
  'From alice@example.com Mon Jan  5 10:00:00 2026',
  'From: alice@example.com',
  'Subject: one',
  '',
  'First body.',
  '>From here on, quoted.',
  '>>From deeper.',
  'From the desk of nobody (not an envelope: no blank line before it)',
  '',
  'From 1789012345678901234@xxx Wed Nov 20 10:00:00 +0000 2026',
  'X-GM-THRID: 1789012345678901234',
  'X-Gmail-Labels: Inbox,Unread',
  'Subject: two',
  '',
  'Second body.',
  '',
].join('\n');

describe('mbox splitting', () => {
  const msgs = splitMbox(Buffer.from(mbox));

  it('splits on envelope lines only', () => {
    expect(msgs).toHaveLength(2);
    expect(msgs[0]!.raw.toString()).toMatch(/^From: alice@example.com\nSubject: one\n/);
    expect(msgs[1]!.raw.toString()).toMatch(/^X-GM-THRID/);
  });

  it('un-escapes >From lines (mboxrd) and drops the separator blank line', () => {
    const first = msgs[0]!.raw.toString();
    expect(first).toContain('\nFrom here on, quoted.\n>From deeper.\nFrom the desk of nobody');
    expect(first.endsWith('(not an envelope: no blank line before it)\n')).toBe(true);
    expect(msgs[1]!.raw.toString().endsWith('Second body.\n')).toBe(true);
  });

  it('reads the envelope date as a fallback date', () => {
    expect(msgs[0]!.envelopeDate).toBe(Date.UTC(2026, 0, 5, 10, 0, 0));
    expect(msgs[1]!.envelopeDate).toBe(Date.UTC(2026, 10, 20, 10, 0, 0));
  });

  it('handles CRLF mboxes', () => {
    const crlf = splitMbox(Buffer.from(mbox.replace(/\n/g, '\r\n')));
    expect(crlf).toHaveLength(2);
    expect(crlf[1]!.raw.toString().endsWith('Second body.\r\n')).toBe(true);
  });

  it('strips only the envelope line of a single-message file', () => {
    const { raw, envelopeDate } = stripEnvelope(Buffer.from('From x@y  Thu Aug 22 12:36:23 2002\nSubject: s\n\nFrom me, hello\n'));
    expect(raw.toString()).toBe('Subject: s\n\nFrom me, hello\n');
    expect(envelopeDate).toBe(Date.UTC(2002, 7, 22, 12, 36, 23));
    const plain = Buffer.from('Subject: s\n\nx');
    expect(stripEnvelope(plain).raw).toBe(plain);
  });
});
