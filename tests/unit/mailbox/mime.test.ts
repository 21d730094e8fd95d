import { describe, expect, it } from 'vitest';
import { parseMessage, type GmailMessagePart } from '../../../emulator/mailbox';

const crlf = (s: string): Buffer => Buffer.from(s.replace(/\r?\n/g, '\r\n'), 'utf8');
const lf = (s: string): Buffer => Buffer.from(s, 'utf8');
const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');
const dataOf = (p: GmailMessagePart): string => Buffer.from(p.body.data ?? '', 'base64url').toString('utf8');
const header = (p: GmailMessagePart, name: string): string | undefined => p.headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

const mixed = `From: Alice Example <alice@example.com>
To: bob@example.com
Subject: Report
Date: Tue, 03 Mar 2026 10:00:00 +0100
Message-ID: <m1@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

preamble is ignored
--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hello Bob,=20caf=C3=A9 is =
open.
--inner
Content-Type: text/html; charset=utf-8

<p>Hello <b>Bob</b>, caf&eacute; is open.</p>
--inner--
--outer
Content-Type: application/pdf; name="report.pdf"
Content-Disposition: attachment; filename="report.pdf"
Content-Transfer-Encoding: base64

${b64('%PDF-1.4 fake')}
--outer
Content-Type: message/rfc822

From: Carol <carol@example.com>
Subject: Inner
Content-Type: text/plain

Forwarded text.
--outer--
epilogue
`;

describe('payload structure', () => {
  const m = parseMessage(crlf(mixed), { id: '0123456789abcdef' });

  it('mirrors the MIME tree with Gmail part ids', () => {
    const p = m.payload;
    expect(p.partId).toBe('');
    expect(p.mimeType).toBe('multipart/mixed');
    expect(p.body).toEqual({ size: 0 });
    expect(p.parts!.map((c) => [c.partId, c.mimeType])).toEqual([
      ['0', 'multipart/alternative'],
      ['1', 'application/pdf'],
      ['2', 'message/rfc822'],
    ]);
    expect(p.parts![0]!.parts!.map((c) => [c.partId, c.mimeType])).toEqual([
      ['0.0', 'text/plain'],
      ['0.1', 'text/html'],
    ]);
    expect(p.parts![2]!.body.attachmentId).toMatch(/^ANGjdJ/);
    const inner = p.parts![2]!.parts![0]!;
    expect(inner.partId).toBe('2.0');
    expect(header(inner, 'Subject')).toBe('Inner');
  });

  it('keeps headers of each part in order, top level with the message headers', () => {
    expect(m.payload.headers.map((h) => h.name)).toEqual(['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type']);
    expect(header(m.payload.parts![1]!, 'Content-Disposition')).toBe('attachment; filename="report.pdf"');
  });

  it('inlines text bodies (transfer-decoded) and moves attachments out', () => {
    const text = m.payload.parts![0]!.parts![0]!;
    expect(dataOf(text)).toBe('Hello Bob, café is open.');
    expect(text.body.size).toBe(Buffer.byteLength('Hello Bob, café is open.'));
    expect(text.body.data).toMatch(/^[A-Za-z0-9_=-]+$/);
    const pdf = m.payload.parts![1]!;
    expect(pdf.filename).toBe('report.pdf');
    expect(pdf.body.data).toBeUndefined();
    expect(pdf.body.attachmentId).toMatch(/^ANGjdJ/);
    expect(m.attachments.get(pdf.body.attachmentId!)!.toString()).toBe('%PDF-1.4 fake');
    expect(pdf.body.size).toBe(13);
  });

  it('fills the searchable fields', () => {
    expect(m.from).toBe('Alice Example <alice@example.com>');
    expect(m.subject).toBe('Report');
    expect(m.rfc822MessageId).toBe('<m1@example.com>');
    expect(m.bodyText).toContain('Hello Bob, café is open.');
    expect(m.bodyText).toContain('Forwarded text.');
    expect(m.attachmentList).toEqual([{ filename: 'report.pdf', mimeType: 'application/pdf' }]);
    expect(m.date).toBe(Date.UTC(2026, 2, 3, 9, 0, 0));
    expect(m.sizeEstimate).toBe(crlf(mixed).length);
  });

  it('is deterministic: same bytes and id, same attachment ids', () => {
    const again = parseMessage(crlf(mixed), { id: '0123456789abcdef' });
    expect(again.payload).toEqual(m.payload);
  });
});

describe('text, snippets and HTML', () => {
  it('uses HTML turned into text when there is no text/plain, and escapes the snippet like Gmail', () => {
    const m = parseMessage(
      lf(`Subject: x
Content-Type: text/html; charset=utf-8

<html><head><title>T</title><style>p{color:red}</style></head><body><p>Tom &amp; Jerry&#39;s &quot;deal&quot;</p><br>&lt;b&gt; &euro;5&nbsp;off</body></html>`),
    );
    expect(m.bodyText).toMatch(/^Tom & Jerry's "deal"\n+<b> €5 off$/);
    expect(m.snippet).toBe('Tom &amp; Jerry&#39;s &quot;deal&quot; &lt;b&gt; €5 off');
  });

  it('cuts the snippet near 200 characters with whitespace collapsed', () => {
    const m = parseMessage(lf(`Subject: long\n\n${'word   \n'.repeat(100)}`));
    expect(m.snippet.length).toBeLessThanOrEqual(200);
    expect(m.snippet).toMatch(/^word word word/);
  });

  it('does not lose a document whose </head> is missing', () => {
    const m = parseMessage(lf('Content-Type: text/html\n\n<html><head><meta x=1><body>Visible</body></html>'));
    expect(m.bodyText).toBe('Visible');
  });

  it('handles a 1 MB HTML body in linear time', () => {
    const html = '<div>' + '<span>a</span> b &amp; '.repeat(50_000) + '</div>';
    const t = performance.now();
    const m = parseMessage(lf(`Content-Type: text/html\n\n${html}`));
    expect(performance.now() - t).toBeLessThan(2000);
    expect(m.snippet.startsWith('a b &amp; a b')).toBe(true);
  });
});

describe('headers and parameters', () => {
  it('decodes RFC 2047 words (Q and B, adjacent words joined) and RFC 2231 file names', () => {
    const m = parseMessage(
      lf(`From: =?UTF-8?Q?Jos=C3=A9_P=C3=A9rez?= <jose@example.com>
Subject: =?utf-8?B?5pel5pys6Kqe?= =?utf-8?B?44Gu5Lu25ZCN?= plain
Content-Type: multipart/mixed; boundary=b

--b
Content-Type: text/plain

body
--b
Content-Type: application/octet-stream
Content-Disposition: attachment; filename*0*=UTF-8''%E6%97%A5%E6%9C%AC; filename*1*=%E8%AA%9E.txt

x
--b
Content-Type: image/png; name="=?iso-8859-1?Q?f=FCr.png?="

x
--b--
`),
    );
    expect(m.from).toBe('José Pérez <jose@example.com>');
    expect(m.subject).toBe('日本語の件名 plain');
    expect(m.attachmentList.map((a) => a.filename)).toEqual(['日本語.txt', 'für.png']);
    expect(header(m.payload, 'Subject')).toBe('日本語の件名 plain');
  });

  it('joins repeated address headers and unfolds values', () => {
    const m = parseMessage(lf('To: a@example.com,\n  b@example.com\nTo: c@example.com\nDelivered-To: d@example.com\nList-Id: Team <team.example.com>\n\nx'));
    expect(m.to).toBe('a@example.com,  b@example.com, c@example.com');
    expect(m.deliveredTo).toBe('d@example.com');
    expect(m.listId).toBe('Team <team.example.com>');
  });

  it('collects In-Reply-To and References for threading', () => {
    const m = parseMessage(lf('Message-ID: <c@x>\nIn-Reply-To: <b@x>\nReferences: <a@x>\n <b@x>\n\nx'));
    expect(m.messageIdKey).toBe('c@x');
    expect(m.referenceKeys).toEqual(['b@x', 'a@x']);
  });

  it('reads Takeout headers', () => {
    const m = parseMessage(lf('X-GM-THRID: 1234567890123456789\nX-Gmail-Labels: Inbox,"Work, Misc",Category Promotions,Unread\n\nx'));
    expect(m.gmThreadId).toBe(BigInt('1234567890123456789').toString(16));
    expect(m.gmThreadId).toHaveLength(16);
    expect(m.gmailLabels).toEqual(['Inbox', 'Work, Misc', 'Category Promotions', 'Unread']);
  });
});

describe('malformed input is loaded, not rejected', () => {
  it('a garbled line between headers is skipped; one followed by text starts the body', () => {
    const skipped = parseMessage(lf('Subject: ok\nquite Delivered-To: x@example.com\nTo: b@example.com\n\nbody'));
    expect(skipped.subject).toBe('ok');
    expect(skipped.to).toBe('b@example.com');
    expect(skipped.bodyText).toBe('body');
    const body = parseMessage(lf('Subject: ok\nFrom: a@example.com\nthis is not a header\nnor is this\n\nbody'));
    expect(body.from).toBe('a@example.com');
    expect(body.bodyText).toBe('this is not a header\nnor is this\n\nbody');
  });

  it('a whitespace-only line ends the headers; a BOM and obsolete "Name :" syntax are accepted', () => {
    const m = parseMessage(lf('Content-Type: multipart/alternative;\n boundary="b"\n \n--b\nContent-Type: text/plain\n \nGood day\n--b--\n'));
    expect(m.bodyText).toBe('Good day');
    const obs = parseMessage(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), lf('From  : John <j@example.com>\nSubject : hi\n\nx')]));
    expect(obs.from).toBe('John <j@example.com>');
    expect(obs.subject).toBe('hi');
  });

  it('headers only, no blank line, no body', () => {
    const m = parseMessage(lf('Subject: only headers\nFrom: a@example.com'));
    expect(m.subject).toBe('only headers');
    expect(m.payload.body).toEqual({ size: 0 });
  });

  it('no headers at all', () => {
    const m = parseMessage(lf('just some text\nand more'));
    expect(m.payload.headers).toEqual([]);
    expect(m.bodyText).toBe('just some text\nand more');
  });

  it('multipart without boundary or without closing delimiter', () => {
    const noBoundary = parseMessage(lf('Content-Type: multipart/mixed\n\nhello'));
    expect(noBoundary.payload.parts).toBeUndefined();
    const unclosed = parseMessage(lf('Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain\n\none\n--zz\n\ntwo'));
    expect(unclosed.payload.parts!.map(dataOf)).toEqual(['one', 'two']);
  });

  it('a boundary that is a prefix of a longer delimiter line is not split on', () => {
    const m = parseMessage(lf('Content-Type: multipart/mixed; boundary=a\n\n--a\n\none\n--ab\nstill one\n--a--\n'));
    expect(m.payload.parts).toHaveLength(1);
    expect(dataOf(m.payload.parts![0]!)).toBe('one\n--ab\nstill one');
  });

  it('deep nesting is cut off instead of overflowing the stack', () => {
    let body = 'leaf';
    for (let i = 0; i < 200; i++) body = `Content-Type: multipart/mixed; boundary=b${i}\n\n--b${i}\n${body}\n--b${i}--`;
    expect(() => parseMessage(lf(body))).not.toThrow();
  });

  it('invalid base64 and QP sequences decode leniently', () => {
    const m = parseMessage(lf('Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\na=ZZb=3Dc=\n'));
    expect(m.bodyText).toBe('a=ZZb=c');
    const b = parseMessage(lf(`Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n${b64('hello')}!!!\n`));
    expect(b.bodyText).toBe('hello');
  });
});
