import { describe, expect, it } from 'vitest';
import { decodeEntitiesStrict as decodeHtmlEntities } from '../../../common/html-text';
import { listedAttachments } from '../../../common/attachment-rule';
import { summaryOf } from '../../../main/cache/message-record';
import { detailMessage, parseAddressList, summarizeMessage } from '../../../main/gmail/message-parts';
import { groupByThread } from '../../../main/gmail/gmail-mail-source';

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

const message = {
  id: 'm2',
  threadId: 't1',
  labelIds: ['INBOX', 'UNREAD', 'STARRED'],
  snippet: 'Tom &amp; Jerry &#39;s &lt;b&gt;',
  internalDate: '1772445600000',
  sizeEstimate: 1234,
  payload: {
    partId: '',
    mimeType: 'multipart/mixed',
    headers: [
      { name: 'From', value: '"Lima, Ana" <ana@example.com>' },
      { name: 'To', value: 'bo@example.org, "Kim, J" <kim@example.kr>' },
      { name: 'Subject', value: 'Hello' },
    ],
    body: { size: 0 },
    parts: [
      {
        partId: '0',
        mimeType: 'multipart/alternative',
        headers: [],
        body: { size: 0 },
        parts: [
          {
            partId: '0.0',
            mimeType: 'text/plain',
            filename: '',
            headers: [{ name: 'Content-Type', value: 'text/plain; charset=ISO-8859-1' }],
            body: { size: 5, data: b64(Buffer.from([0x63, 0x61, 0x66, 0xe9])) },
          },
          {
            partId: '0.1',
            mimeType: 'text/html',
            filename: '',
            headers: [{ name: 'Content-Type', value: 'text/html; charset="shift_jis"' }],
            body: { size: 4, data: b64(Buffer.from([0x93, 0xfa, 0x96, 0x7b])) },
          },
        ],
      },
      {
        partId: '1',
        mimeType: 'image/png',
        filename: 'logo.png',
        headers: [
          { name: 'Content-ID', value: '<logo@x>' },
          { name: 'Content-Disposition', value: 'inline; filename=logo.png' },
        ],
        body: { size: 99, attachmentId: 'ANGjdJ_1' },
      },
    ],
  },
};

describe('message parts', () => {
  it('summarises a message for the list', () => {
    expect(summarizeMessage(message)).toMatchObject({
      id: 'm2',
      from: { name: 'Lima, Ana', email: 'ana@example.com' },
      to: [
        { name: '', email: 'bo@example.org' },
        { name: 'Kim, J', email: 'kim@example.kr' },
      ],
      snippet: "Tom & Jerry 's <b>",
      unread: true,
      starred: true,
      // Its only part with a file is the inline logo the HTML shows: no paperclip (issue 14).
      hasAttachment: false,
      internalDate: 1772445600000,
    });
  });

  it('puts a paperclip on the list row exactly when the reading pane lists an attachment', () => {
    const parts = message.payload!.parts!;
    const withFile = {
      ...message,
      payload: {
        ...message.payload,
        parts: [
          ...parts,
          {
            partId: '2',
            mimeType: 'application/pdf',
            filename: 'q3.pdf',
            headers: [{ name: 'Content-Disposition', value: 'attachment; filename=q3.pdf' }],
            body: { size: 9, attachmentId: 'ANGjdJ_2' },
          },
        ],
      },
    };
    expect(summarizeMessage(withFile).hasAttachment).toBe(true);
    expect(listedAttachments(detailMessage(withFile).attachments).map((a) => a.filename)).toEqual(['q3.pdf']);
    expect(listedAttachments(detailMessage(message).attachments)).toEqual([]);
    // The cache's list rows (summary_json) are made by the same rule, from format=full.
    expect(summaryOf(message).hasAttachment).toBe(false);
    expect(summaryOf(withFile).hasAttachment).toBe(true);
    // A named image that is not shown in place (no Content-ID) is an attachment in both.
    const namedNotInline = {
      ...message,
      payload: { ...message.payload, parts: [parts[0]!, { ...parts[1]!, headers: [{ name: 'Content-Disposition', value: 'inline; filename=logo.png' }] }] },
    };
    expect(summaryOf(namedNotInline).hasAttachment).toBe(true);
    expect(listedAttachments(detailMessage(namedNotInline).attachments).map((a) => a.filename)).toEqual(['logo.png']);
  });

  it('decodes bodies by their charset and lists inline attachments with their Content-ID', () => {
    const detail = detailMessage(message);
    expect(detail.text).toBe('café');
    expect(detail.html).toBe('日本');
    expect(detail.attachments).toEqual([
      { attachmentId: 'ANGjdJ_1', partId: '1', filename: 'logo.png', mimeType: 'image/png', size: 99, contentId: 'logo@x', inline: true },
    ]);
  });

  it('parses address lists with quotes, comments and bare addresses', () => {
    expect(parseAddressList('a@x.com (Alpha), "B, b" <b@x.com>,<c@x.com>')).toEqual([
      { name: 'Alpha', email: 'a@x.com' },
      { name: 'B, b', email: 'b@x.com' },
      { name: '', email: 'c@x.com' },
    ]);
    expect(parseAddressList('')).toEqual([]);
  });

  it('decodes the entities Gmail puts in snippets', () => {
    expect(decodeHtmlEntities('&quot;x&quot; &#x41; &nbsp;&unknown;')).toBe('"x" A \u00a0&unknown;');
  });

  it('groups a page into conversations, newest first, unread if any message is', () => {
    const base = summarizeMessage(message);
    const rows = groupByThread([
      { ...base, id: 'a', threadId: 't1', internalDate: 3, unread: false, from: { name: 'Bo', email: 'bo@x' } },
      { ...base, id: 'b', threadId: 't2', internalDate: 2, unread: false },
      { ...base, id: 'c', threadId: 't1', internalDate: 1, unread: true, from: { name: 'Ana', email: 'ana@x' } },
    ]);
    expect(rows.map((r) => [r.id, r.threadCount, r.unread])).toEqual([
      ['a', 2, true],
      ['b', 1, false],
    ]);
    expect(rows[0]!.participants).toEqual(['Ana', 'Bo']);
  });
});
