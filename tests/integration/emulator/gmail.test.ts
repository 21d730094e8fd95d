/** Gmail API v1 against the emulator, driven by the real @googleapis/gmail client. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { ALICE, BOB, eml, LABELS, METADATA, signIn, startFixture, type Fixture } from './helpers';

let f: Fixture;
let g: gmail_v1.Gmail;
let token: string;

beforeAll(async () => {
  f = await startFixture();
  const s = await signIn(f.emu, ALICE);
  token = s.tokens.access_token!;
  g = gmail({ version: 'v1', auth: s.client, rootUrl: f.emu.gmailRootUrl, retryConfig: { retry: 0 } });
});
afterAll(async () => {
  await f.cleanup();
});

/** Google's error body, as the client library hands it back. */
interface GoogleErrorBody {
  error: { code: number; message: string; status: string; errors?: { reason: string; domain?: string; message: string }[]; details?: unknown[] };
}

async function failure(p: Promise<unknown>): Promise<{ status: number; data: GoogleErrorBody; headers: Headers }> {
  try {
    await p;
  } catch (e) {
    const r = (e as { response?: { status: number; data: never; headers: Headers } }).response;
    if (!r) throw e;
    return r;
  }
  throw new Error('expected a failure');
}

/** Raw GET with the signed-in token. */
async function raw(path: string, init: RequestInit = {}, bearer = token) {
  const res = await fetch(`${f.emu.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${bearer}`, ...(init.headers ?? {}) } });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return {
    status: res.status,
    headers: res.headers,
    body: body as Record<string, unknown> & { error: { code: number; message: string; status: string; errors: { reason: string }[] } },
  };
}

async function allIds(params: gmail_v1.Params$Resource$Users$Messages$List): Promise<string[]> {
  const ids: string[] = [];
  let pageToken: string | undefined;
  do {
    const { data } = await g.users.messages.list({ userId: 'me', ...params, ...(pageToken ? { pageToken } : {}) });
    ids.push(...(data.messages ?? []).map((m) => m.id!));
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return ids;
}

describe('profile and users', () => {
  it('getProfile for me and for the address', async () => {
    const me = (await g.users.getProfile({ userId: 'me' })).data;
    expect(me).toMatchObject({ emailAddress: ALICE, messagesTotal: 14, threadsTotal: 12 });
    expect(me.historyId).toMatch(/^\d+$/);
    expect((await g.users.getProfile({ userId: ALICE })).data.emailAddress).toBe(ALICE);
  });

  it("another user's mailbox is 403 Delegation denied", async () => {
    const r = await failure(g.users.getProfile({ userId: BOB }));
    expect(r.status).toBe(403);
    expect(r.data.error.message).toBe(`Delegation denied for ${BOB}`);
    expect(r.data.error.errors![0]!.reason).toBe('forbidden');
  });

  it('each account sees its own mailbox', async () => {
    const bob = await signIn(f.emu, BOB);
    const gb = gmail({ version: 'v1', auth: bob.client, rootUrl: f.emu.gmailRootUrl });
    const list = (await gb.users.messages.list({ userId: 'me' })).data;
    expect(list.resultSizeEstimate).toBe(2);
  });
});

describe('messages.list', () => {
  it('pages newest first without duplicates; spam and trash left out', async () => {
    const ids = await allIds({ maxResults: 5 });
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    const dates = await Promise.all(ids.map(async (id) => Number((await g.users.messages.get({ userId: 'me', id, format: 'minimal' })).data.internalDate)));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const first = (await g.users.messages.list({ userId: 'me', maxResults: 5 })).data;
    expect(first.messages).toHaveLength(5);
    expect(first.resultSizeEstimate).toBe(12);
    expect(first.nextPageToken).toMatch(/^\d+$/);
    expect(Object.keys(first.messages![0]!).sort()).toEqual(['id', 'threadId']);
  });

  it('includeSpamTrash, labelIds (AND), and the default/max page size', async () => {
    expect(await allIds({ includeSpamTrash: true })).toHaveLength(14);
    expect(await allIds({ labelIds: ['SPAM'] })).toHaveLength(1);
    expect(await allIds({ labelIds: ['TRASH'] })).toHaveLength(1);
    expect((await allIds({ labelIds: ['INBOX', 'UNREAD'] })).length).toBeGreaterThan(5);
    expect(await allIds({ labelIds: ['SENT', 'SPAM'] })).toHaveLength(0);
    const big = (await g.users.messages.list({ userId: 'me', maxResults: 1000 })).data;
    expect(big.messages).toHaveLength(12);
    expect(big.nextPageToken).toBeUndefined();
  });

  it('q uses Gmail search; spam/trash only when named; empty result is just resultSizeEstimate 0', async () => {
    expect(await allIds({ q: 'zebra' })).toHaveLength(1);
    expect(await allIds({ q: 'zebra in:anywhere' })).toHaveLength(3);
    expect(await allIds({ q: 'zebra', includeSpamTrash: true })).toHaveLength(3);
    expect(await allIds({ q: 'subject:lunch' })).toHaveLength(3);
    expect(await allIds({ q: 'has:attachment filename:pdf' })).toHaveLength(1);
    expect(await allIds({ q: 'from:me' })).toHaveLength(1);
    const none = await raw('/gmail/v1/users/me/messages?q=nothingmatchesthis');
    expect(none.body).toEqual({ resultSizeEstimate: 0 });
  });

  it('malformed q strings never 400', async () => {
    for (const q of [
      '(',
      '"unclosed',
      'from:',
      '{a b',
      'a OR',
      '-',
      ')))',
      'label:',
      'after:notadate',
      'size:abc',
      '\u0000\uffff',
      'AROUND 5',
      '((((((((((x',
    ]) {
      const r = await raw(`/gmail/v1/users/me/messages?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
    }
  });
});

describe('messages.get and attachments', () => {
  let attId: string;
  let attMsg: string;
  beforeAll(async () => {
    attMsg = (await allIds({ q: 'subject:invoice' }))[0]!;
  });

  it('format=minimal has no payload', async () => {
    const m = (await g.users.messages.get({ userId: 'me', id: attMsg, format: 'minimal' })).data;
    expect(m.payload).toBeUndefined();
    expect(m).toMatchObject({ id: attMsg, snippet: 'Body of Invoice attached.' });
    expect(typeof m.internalDate).toBe('string');
    expect(typeof m.historyId).toBe('string');
    expect(typeof m.sizeEstimate).toBe('number');
  });

  it('format=metadata with metadataHeaders keeps only those headers', async () => {
    const m = (await g.users.messages.get({ userId: 'me', id: attMsg, format: 'metadata', metadataHeaders: ['Subject', 'from'] })).data;
    expect(m.payload!.headers!.map((h) => h.name).sort()).toEqual(['From', 'Subject']);
    expect(m.payload!.parts).toBeUndefined();
    const all = (await g.users.messages.get({ userId: 'me', id: attMsg, format: 'metadata' })).data;
    expect(all.payload!.headers!.length).toBeGreaterThan(4);
  });

  it('format=full (default) has the part tree; attachments.get returns the bytes', async () => {
    const m = (await g.users.messages.get({ userId: 'me', id: attMsg })).data;
    expect(m.payload!.mimeType).toBe('multipart/mixed');
    expect(m.payload!.partId).toBe('');
    const [text, pdf] = m.payload!.parts!;
    expect(text!.partId).toBe('0');
    expect(Buffer.from(text!.body!.data!, 'base64url').toString()).toContain('Body of Invoice attached.');
    expect(pdf!.filename).toBe('invoice.pdf');
    expect(pdf!.body!.data).toBeUndefined();
    attId = pdf!.body!.attachmentId!;
    const a = (await g.users.messages.attachments.get({ userId: 'me', messageId: attMsg, id: attId })).data;
    expect(Buffer.from(a.data!, 'base64url').toString()).toBe('%PDF-1.4 fake invoice bytes');
    expect(a.size).toBe(27);
    const bad = await failure(g.users.messages.attachments.get({ userId: 'me', messageId: attMsg, id: 'nope' }));
    expect(bad.status).toBe(400);
  });

  it('format=raw is base64url RFC 822', async () => {
    const m = (await g.users.messages.get({ userId: 'me', id: attMsg, format: 'raw' })).data;
    expect(m.payload).toBeUndefined();
    expect(Buffer.from(m.raw!, 'base64url').toString()).toContain('Subject: Invoice attached');
  });

  it('bad ids: 400 Invalid id value; unknown ids: 404 Requested entity was not found.', async () => {
    const a = await failure(g.users.messages.get({ userId: 'me', id: 'not-an-id!' }));
    expect(a.status).toBe(400);
    expect(a.data.error).toMatchObject({ code: 400, message: 'Invalid id value', status: 'INVALID_ARGUMENT' });
    const b = await failure(g.users.messages.get({ userId: 'me', id: '0123456789abcdef' }));
    expect(b.status).toBe(404);
    expect(b.data.error).toMatchObject({
      code: 404,
      message: 'Requested entity was not found.',
      status: 'NOT_FOUND',
      errors: [{ reason: 'notFound', domain: 'global', message: 'Requested entity was not found.' }],
    });
    const t = await failure(g.users.threads.get({ userId: 'me', id: 'zz' }));
    expect(t.status).toBe(400);
    const bad = await failure(g.users.messages.get({ userId: 'me', id: attMsg, format: 'bogus' }));
    expect(bad.status).toBe(400);
  });
});

describe('threads', () => {
  it('threads.list groups messages; threads.get returns them oldest first in any format', async () => {
    const { data } = await g.users.threads.list({ userId: 'me', q: 'subject:lunch' });
    expect(data.threads).toHaveLength(1);
    expect(data.resultSizeEstimate).toBe(1);
    const t = data.threads![0]!;
    expect(Object.keys(t).sort()).toEqual(['historyId', 'id', 'snippet']);
    const full = (await g.users.threads.get({ userId: 'me', id: t.id! })).data;
    expect(full.messages).toHaveLength(3);
    const dates = full.messages!.map((m) => Number(m.internalDate));
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
    expect(full.messages![0]!.payload!.headers!.find((h) => h.name === 'Subject')!.value).toBe('Lunch plans');
    expect(full.historyId).toBe(
      full
        .messages!.map((m) => BigInt(m.historyId!))
        .reduce((a, b) => (a > b ? a : b))
        .toString(),
    );
    const minimal = (await g.users.threads.get({ userId: 'me', id: t.id!, format: 'minimal' })).data;
    expect(minimal.messages![0]!.payload).toBeUndefined();
    const meta = (await g.users.threads.get({ userId: 'me', id: t.id!, format: 'metadata', metadataHeaders: ['Subject'] })).data;
    expect(meta.messages![2]!.payload!.headers).toHaveLength(1);
    expect((await failure(g.users.threads.get({ userId: 'me', id: t.id!, format: 'raw' }))).status).toBe(400);
  });

  it('threads.list pages', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await g.users.threads.list({ userId: 'me', maxResults: 4, ...(pageToken ? { pageToken } : {}) });
      seen.push(...data.threads!.map((t) => t.id!));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect((await failure(g.users.threads.get({ userId: 'me', id: 'abcdef0123456789' }))).status).toBe(404);
  });
});

describe('labels', () => {
  it('labels.list without counts; labels.get with counts; unknown label 404', async () => {
    const { labels } = (await g.users.labels.list({ userId: 'me' })).data;
    const inbox = labels!.find((l) => l.id === 'INBOX')!;
    expect(inbox).toMatchObject({ name: 'INBOX', type: 'system' });
    expect(inbox.messagesTotal).toBeUndefined();
    const full = (await g.users.labels.get({ userId: 'me', id: 'INBOX' })).data;
    expect(full.messagesTotal).toBe(11);
    expect(full.threadsTotal).toBeGreaterThan(0);
    expect(full.messagesUnread).toBeGreaterThan(0);
    const spam = (await g.users.labels.get({ userId: 'me', id: 'SPAM' })).data;
    expect(spam.messagesTotal).toBe(1);
    expect((await failure(g.users.labels.get({ userId: 'me', id: 'Label_999' }))).status).toBe(404);
  });
});

describe('history', () => {
  it('records hook-made changes: add, relabel, delete; filters by type and label; pages', async () => {
    const start = (await g.users.getProfile({ userId: 'me' })).data.historyId!;
    const empty = (await g.users.history.list({ userId: 'me', startHistoryId: start })).data;
    expect(empty).toEqual({ historyId: start });

    const added = await fetch(`${f.emu.hooksUrl}/accounts/${ALICE}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822' },
      body: eml({ subject: 'Fresh from the hook', date: new Date().toUTCString() }),
    });
    expect(added.status).toBe(200);
    const { id } = (await added.json()) as { id: string };
    const relabel = await fetch(`${f.emu.hooksUrl}/accounts/${ALICE}/messages/${id}/labels`, {
      method: 'POST',
      body: JSON.stringify({ addLabelIds: ['STARRED'], removeLabelIds: ['UNREAD'] }),
    });
    expect(relabel.status).toBe(200);
    const json = await fetch(`${f.emu.hooksUrl}/accounts/${ALICE}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        raw: Buffer.from(eml({ subject: 'Second hook message', date: new Date().toUTCString() })).toString('base64url'),
        labelIds: ['INBOX'],
      }),
    });
    const second = (await json.json()) as { id: string; labelIds: string[] };
    expect(second.labelIds).toEqual(['INBOX']);
    expect((await fetch(`${f.emu.hooksUrl}/accounts/${ALICE}/messages/${second.id}`, { method: 'DELETE' })).status).toBe(200);

    const h = (await g.users.history.list({ userId: 'me', startHistoryId: start })).data;
    expect(h.history).toHaveLength(4);
    expect(BigInt(h.historyId!)).toBeGreaterThan(BigInt(start));
    const [a, b, , d] = h.history!;
    expect(a!.messagesAdded![0]!.message).toMatchObject({ id, labelIds: expect.arrayContaining(['INBOX', 'UNREAD']) });
    expect(b!.labelsAdded![0]).toMatchObject({ message: { id }, labelIds: ['STARRED'] });
    expect(b!.labelsRemoved![0]).toMatchObject({ message: { id }, labelIds: ['UNREAD'] });
    expect(d!.messagesDeleted![0]!.message!.id).toBe(second.id);

    const onlyAdds = (await g.users.history.list({ userId: 'me', startHistoryId: start, historyTypes: ['messageAdded'] })).data;
    expect(onlyAdds.history).toHaveLength(2);
    expect(onlyAdds.history!.every((r) => r.messagesAdded && !r.labelsAdded)).toBe(true);
    const starred = (await g.users.history.list({ userId: 'me', startHistoryId: start, labelId: 'STARRED' })).data;
    expect(starred.history).toHaveLength(1);

    const paged: string[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await g.users.history.list({ userId: 'me', startHistoryId: start, maxResults: 1, ...(pageToken ? { pageToken } : {}) });
      paged.push(...data.history!.map((r) => r.id!));
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(paged).toEqual(h.history!.map((r) => r.id));

    // The new message is searchable at once (the search cache follows changes).
    expect(await allIds({ q: 'subject:(fresh hook)' })).toEqual([id]);
    expect(await allIds({ q: 'subject:"second hook message"' })).toEqual([]);
    expect(await allIds({ q: 'is:starred' })).toContain(id);
  });

  it('404 when startHistoryId is too old (1, or after the hook expires history)', async () => {
    const r = await failure(g.users.history.list({ userId: 'me', startHistoryId: '1' }));
    expect(r.status).toBe(404);
    expect(r.data.error.message).toBe('Requested entity was not found.');
    const start = (await g.users.getProfile({ userId: 'me' })).data.historyId!;
    f.emu.addMessage(ALICE, eml({ subject: 'Before expiry', date: new Date().toUTCString() }));
    expect((await fetch(`${f.emu.hooksUrl}/accounts/${ALICE}/history/expire`, { method: 'POST' })).status).toBe(200);
    expect((await failure(g.users.history.list({ userId: 'me', startHistoryId: start }))).status).toBe(404);
    const bad = await raw('/gmail/v1/users/me/history?startHistoryId=abc');
    expect(bad.status).toBe(400);
    const missing = await raw('/gmail/v1/users/me/history');
    expect(missing.status).toBe(400);
  });
});

describe('fields (partial responses)', () => {
  it('selects nested fields with Google syntax', async () => {
    const list = await raw('/gmail/v1/users/me/messages?maxResults=2&fields=messages(id),nextPageToken');
    expect(Object.keys(list.body).sort()).toEqual(['messages', 'nextPageToken']);
    expect(Object.keys((list.body.messages as object[])[0]!)).toEqual(['id']);
    const id = (list.body.messages as { id: string }[])[0]!.id;
    const m = (await g.users.messages.get({ userId: 'me', id, format: 'metadata', fields: 'id,labelIds,payload/headers' })).data;
    expect(Object.keys(m).sort()).toEqual(['id', 'labelIds', 'payload']);
    expect(Object.keys(m.payload!)).toEqual(['headers']);
    const nested = await raw(`/gmail/v1/users/me/messages/${id}?fields=payload(partId,headers(name))`);
    expect(Object.keys((nested.body.payload as { headers: object[] }).headers[0]!)).toEqual(['name']);
    const star = await raw(`/gmail/v1/users/me/messages/${id}?format=minimal&fields=*`);
    expect(star.body.id).toBe(id);
  });

  it('invalid selections are 400', async () => {
    const a = await raw('/gmail/v1/users/me/messages?fields=nope');
    expect(a.status).toBe(400);
    expect(a.body.error.message).toBe('Invalid field selection nope');
    expect((await raw('/gmail/v1/users/me/messages?fields=messages(id')).status).toBe(400);
    expect((await raw('/gmail/v1/users/me/messages?fields=messages/id/extra')).status).toBe(400);
    expect((await raw('/gmail/v1/users/me/profile?fields=,,')).status).toBe(400);
  });
});

function multipart(boundary: string, parts: { id?: string; line: string; headers?: string[]; body?: string }[]): string {
  return (
    parts
      .map(
        (p) =>
          `--${boundary}\r\nContent-Type: application/http\r\n${p.id ? `Content-ID: <${p.id}>\r\n` : ''}\r\n` +
          `${p.line}\r\n${(p.headers ?? []).map((h) => h + '\r\n').join('')}\r\n${p.body ?? ''}`,
      )
      .join('\r\n') + `\r\n--${boundary}--\r\n`
  );
}

function parseBatch(contentType: string, body: string): { id: string | undefined; status: number; json: Record<string, unknown> }[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)![1]!;
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const id = /Content-ID: <([^>]+)>/.exec(chunk)?.[1];
      const status = Number(/HTTP\/1\.1 (\d{3})/.exec(chunk)![1]);
      const json = JSON.parse(chunk.slice(chunk.indexOf('{'), chunk.lastIndexOf('}') + 1)) as Record<string, unknown>;
      return { id, status, json };
    });
}

describe('batch', () => {
  it('runs parts in order at /batch/gmail/v1 and /batch, echoing Content-ID as response-<id>', async () => {
    const ids = await allIds({ maxResults: 2 });
    for (const path of ['/batch/gmail/v1', '/batch']) {
      const body = multipart('xyz', [
        { id: 'item1', line: `GET /gmail/v1/users/me/messages/${ids[0]}?format=metadata&metadataHeaders=Subject` },
        { id: 'item2', line: `GET /gmail/v1/users/me/messages/${ids[1]}?format=minimal&fields=id HTTP/1.1`, headers: ['Accept: application/json'] },
        { id: 'item3', line: 'GET /gmail/v1/users/me/messages/0123456789abcdef' },
        { id: 'item4', line: 'GET /gmail/v1/users/me/labels/INBOX' },
      ]);
      const res = await fetch(`${f.emu.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/mixed; boundary=xyz' },
        body,
      });
      expect(res.status).toBe(200);
      const parts = parseBatch(res.headers.get('content-type')!, await res.text());
      expect(parts.map((p) => p.id)).toEqual(['response-item1', 'response-item2', 'response-item3', 'response-item4']);
      expect(parts.map((p) => p.status)).toEqual([200, 200, 404, 200]);
      expect(parts[0]!.json.id).toBe(ids[0]);
      expect(parts[1]!.json).toEqual({ id: ids[1] });
      expect((parts[2]!.json.error as { message: string }).message).toBe('Requested entity was not found.');
      expect(parts[3]!.json.messagesTotal).toBeGreaterThan(0);
    }
  });

  it('a part may carry its own Authorization; no auth at all is a 401 inside the part', async () => {
    const res = await fetch(`${f.emu.baseUrl}/batch/gmail/v1`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/mixed; boundary="b b"' },
      body: multipart('b b', [
        { id: 'a', line: 'GET /gmail/v1/users/me/profile', headers: [`Authorization: Bearer ${token}`] },
        { id: 'b', line: 'GET /gmail/v1/users/me/profile' },
        { id: 'c', line: 'GET /oauth2/v2/userinfo' },
      ]),
    });
    const parts = parseBatch(res.headers.get('content-type')!, await res.text());
    expect(parts.map((p) => p.status)).toEqual([200, 401, 404]);
  });

  it('more than 100 parts, no boundary, or no parts: 400', async () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ id: String(i), line: 'GET /gmail/v1/users/me/profile' }));
    const big = await raw('/batch/gmail/v1', { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=q' }, body: multipart('q', many) });
    expect(big.status).toBe(400);
    expect(big.body.error).toEqual({ code: 400, message: 'Inner request count exceeds the limit. Received: 101, Limit: 100', status: 'INVALID_ARGUMENT' });
    const hundred = await raw('/batch/gmail/v1', {
      method: 'POST',
      headers: { 'content-type': 'multipart/mixed; boundary=q' },
      body: multipart('q', many.slice(0, 100)),
    });
    expect(hundred.status).toBe(200);
    expect((await raw('/batch/gmail/v1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(400);
    expect((await raw('/batch/gmail/v1', { method: 'POST', headers: { 'content-type': 'multipart/mixed; boundary=q' }, body: 'junk' })).status).toBe(400);
  });

  it('faults and quota apply per part; the outer answer stays 200', async () => {
    const body = multipart('f', [
      { id: 'a', line: 'GET /gmail/v1/users/me/profile' },
      { id: 'b', line: 'GET /gmail/v1/users/me/labels' },
    ]);
    const send = async () => {
      const res = await fetch(`${f.emu.baseUrl}/batch/gmail/v1`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/mixed; boundary=f' },
        body,
      });
      expect(res.status).toBe(200);
      return parseBatch(res.headers.get('content-type')!, await res.text());
    };
    f.emu.setFaults({ errorRate: 1, errorStatuses: [503], dropRate: 1 });
    try {
      expect((await send()).map((p) => p.status)).toEqual([503, 503]);
    } finally {
      f.emu.clearFaults();
    }
    f.emu.setQuota({ unitsPerSecond: 1 }, ALICE);
    try {
      const parts = await send();
      expect(parts.map((p) => p.status)).toEqual([200, 429]);
      expect((parts[1]!.json.error as { errors: { reason: string }[] }).errors[0]!.reason).toBe('userRateLimitExceeded');
    } finally {
      f.emu.setQuota({}, ALICE);
    }
  });

  it('bills inner calls individually', async () => {
    f.emu.resetQuotaUsage(ALICE);
    const ids = await allIds({ maxResults: 3 });
    f.emu.resetQuotaUsage(ALICE);
    await fetch(`${f.emu.baseUrl}/batch/gmail/v1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/mixed; boundary=z' },
      body: multipart(
        'z',
        ids.slice(0, 3).map((id, i) => ({ id: String(i), line: `GET /gmail/v1/users/me/messages/${id}?format=metadata` })),
      ),
    });
    expect(f.emu.quotaUsage(ALICE).unitsConsumed).toBe(15);
  });
});

describe("Google's error shapes", () => {
  it('401 without a token: Login Required, WWW-Authenticate without error=', async () => {
    const r = await fetch(`${f.emu.baseUrl}/gmail/v1/users/me/messages`);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="https://accounts.google.com/"');
    expect(await r.json()).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED', errors: [{ reason: 'required', message: 'Login Required.' }] } });
    const bad = await raw('/gmail/v1/users/me/messages', {}, 'ya29.garbage');
    expect(bad.status).toBe(401);
    expect(bad.body.error.errors[0]!.reason).toBe('authError');
    const viaQuery = await fetch(`${f.emu.baseUrl}/gmail/v1/users/me/profile?access_token=${token}`);
    expect(viaQuery.status).toBe(200);
  });

  it('403 insufficientPermissions (ACCESS_TOKEN_SCOPE_INSUFFICIENT) for a missing scope', async () => {
    const s = await signIn(f.emu, ALICE, [LABELS]);
    const gl = gmail({ version: 'v1', auth: s.client, rootUrl: f.emu.gmailRootUrl, retryConfig: { retry: 0 } });
    expect((await gl.users.labels.list({ userId: 'me' })).status).toBe(200);
    const r = await failure(gl.users.messages.list({ userId: 'me' }));
    expect(r.status).toBe(403);
    expect(r.data.error).toMatchObject({
      code: 403,
      message: 'Request had insufficient authentication scopes.',
      status: 'PERMISSION_DENIED',
      errors: [{ reason: 'insufficientPermissions', message: 'Insufficient Permission', domain: 'global' }],
      details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }],
    });
    expect(r.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('gmail.metadata: q, FULL and RAW are refused; metadata works without snippets', async () => {
    const s = await signIn(f.emu, ALICE, [METADATA]);
    const gm = gmail({ version: 'v1', auth: s.client, rootUrl: f.emu.gmailRootUrl, retryConfig: { retry: 0 } });
    const id = (await gm.users.messages.list({ userId: 'me', maxResults: 1 })).data.messages![0]!.id!;
    const q = await failure(gm.users.messages.list({ userId: 'me', q: 'zebra' }));
    expect(q.status).toBe(403);
    expect(q.data.error.message).toBe("Metadata scope does not support 'q' parameter");
    expect((await failure(gm.users.messages.get({ userId: 'me', id }))).data.error.message).toBe("Metadata scope doesn't allow format FULL");
    expect((await failure(gm.users.messages.get({ userId: 'me', id, format: 'raw' }))).status).toBe(403);
    const meta = (await gm.users.messages.get({ userId: 'me', id, format: 'metadata' })).data;
    expect(meta.snippet).toBeUndefined();
    expect(meta.payload!.headers!.length).toBeGreaterThan(0);
    expect((await failure(gm.users.messages.attachments.get({ userId: 'me', messageId: id, id: 'x' }))).status).toBe(403);
  });

  it('400 for unknown params, bad values and bad page tokens', async () => {
    const u = await raw('/gmail/v1/users/me/messages?foo=bar');
    expect(u.status).toBe(400);
    expect(u.body.error.message).toBe(
      'Invalid JSON payload received. Unknown name "foo": Cannot bind query parameter. Field \'foo\' could not be found in request message.',
    );
    expect(u.body.error.status).toBe('INVALID_ARGUMENT');
    const n = await raw('/gmail/v1/users/me/messages?maxResults=ten');
    expect(n.status).toBe(400);
    expect(n.body.error.message).toBe('Invalid value at \'max_results\' (TYPE_UINT32), "ten"');
    expect((await raw('/gmail/v1/users/me/messages?includeSpamTrash=maybe')).status).toBe(400);
    expect((await raw('/gmail/v1/users/me/messages?maxResults=-1')).status).toBe(400);
    for (const pt of ['garbage', '00000000000000000000', '12345', '0000000005999999999']) {
      const p = await raw(`/gmail/v1/users/me/messages?pageToken=${pt}`);
      expect(p.status, pt).toBe(400);
      expect(p.body.error.message).toBe('Invalid pageToken');
    }
    // A page token of one list is not valid for another.
    const tok = (await g.users.messages.list({ userId: 'me', maxResults: 1 })).data.nextPageToken!;
    expect((await raw(`/gmail/v1/users/me/threads?pageToken=${tok}`)).status).toBe(400);
    expect((await raw('/gmail/v1/users/me/messages?prettyPrint=false&alt=json&quotaUser=x')).status).toBe(200);
  });

  it('bad JSON bodies are 400; unknown routes are JSON 404s', async () => {
    const id = (await allIds({ maxResults: 1 }))[0]!;
    const s = await signIn(f.emu, ALICE, ['https://www.googleapis.com/auth/gmail.modify']);
    const bearer = s.tokens.access_token!;
    const bad = await raw(
      `/gmail/v1/users/me/messages/${id}/modify`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"addLabelIds": [' },
      bearer,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid JSON payload received\./);
    const wrongType = await raw(`/gmail/v1/users/me/messages/${id}/modify`, { method: 'POST', body: '{"addLabelIds": "STARRED"}' }, bearer);
    expect(wrongType.status).toBe(400);
    const good = await raw(`/gmail/v1/users/me/messages/${id}/modify`, { method: 'POST', body: '{"addLabelIds": ["STARRED"]}' }, bearer);
    expect(good.status).toBe(200);
    expect(good.body.labelIds).toContain('STARRED');
    const readonlyModify = await raw(`/gmail/v1/users/me/messages/${id}/modify`, { method: 'POST', body: '{}' });
    expect(readonlyModify.status).toBe(403);
    for (const path of ['/gmail/v1/users/me/nothing', '/gmail/v1/users/me/messages/x/y/z', '/gmail/v2/users/me/profile', '/nothing/here']) {
      const r = await raw(path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe(404);
    }
    expect((await raw('/gmail/v1/users/me/profile', { method: 'DELETE' })).status).toBe(404);
  });
});

describe('quota, faults and hooks', () => {
  it('429 userRateLimitExceeded past the per-user quota; usage is readable', async () => {
    f.emu.setQuota({ unitsPerSecond: 10 }, ALICE);
    f.emu.resetQuotaUsage(ALICE);
    try {
      await g.users.messages.list({ userId: 'me', maxResults: 1 });
      await g.users.messages.list({ userId: 'me', maxResults: 1 });
      const r = await failure(g.users.messages.list({ userId: 'me', maxResults: 1 }));
      expect(r.status).toBe(429);
      expect(r.data.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED', errors: [{ reason: 'userRateLimitExceeded', domain: 'usageLimits' }] });
      const usage = (await (await fetch(`${f.emu.hooksUrl}/quota?email=${ALICE}`)).json()) as {
        unitsConsumed: number;
        rejected: number;
        byMethod: Record<string, { calls: number }>;
      };
      expect(usage.unitsConsumed).toBe(10);
      expect(usage.rejected).toBe(1);
      expect(usage.byMethod['users.messages.list']!.calls).toBe(2);
      await new Promise((r2) => setTimeout(r2, 600));
      expect((await g.users.messages.list({ userId: 'me', maxResults: 1 })).status).toBe(200);
    } finally {
      f.emu.setQuota({}, ALICE);
    }
  });

  it('per-user concurrency limit gives 429 "Too many concurrent requests for user"', async () => {
    f.emu.setQuota({ maxConcurrent: 1 }, ALICE);
    f.emu.setFaults({ latencyMs: 100 }, ALICE);
    try {
      const results = await Promise.allSettled([g.users.getProfile({ userId: 'me' }), g.users.getProfile({ userId: 'me' })]);
      const statuses = results.map((r) => (r.status === 'fulfilled' ? 200 : (r.reason as { response: { status: number } }).response.status)).sort();
      expect(statuses).toEqual([200, 429]);
    } finally {
      f.emu.setQuota({}, ALICE);
      f.emu.clearFaults();
    }
  });

  it('faults: latency, error rate (500/503) and dropped connections, set by hook', async () => {
    const set = (body: object) => fetch(`${f.emu.hooksUrl}/faults`, { method: 'POST', body: JSON.stringify(body) });
    try {
      await set({ latencyMs: 150 });
      const t0 = performance.now();
      await g.users.getProfile({ userId: 'me' });
      expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
      await set({ errorRate: 1, errorStatuses: [503] });
      const e = await failure(g.users.getProfile({ userId: 'me' }));
      expect(e.status).toBe(503);
      expect(e.data.error).toMatchObject({ code: 503, status: 'UNAVAILABLE', errors: [{ reason: 'backendError' }] });
      await set({ errorRate: 1, errorStatuses: [500] });
      expect((await failure(g.users.getProfile({ userId: 'me' }))).data.error.status).toBe('INTERNAL');
      await set({ dropRate: 1 });
      await expect(fetch(`${f.emu.baseUrl}/gmail/v1/users/me/profile`, { headers: { authorization: `Bearer ${token}` } })).rejects.toThrow();
      await set({ email: BOB, errorRate: 1 });
    } finally {
      await fetch(`${f.emu.hooksUrl}/faults`, { method: 'DELETE' });
    }
    expect((await g.users.getProfile({ userId: 'me' })).status).toBe(200);
  });

  it('hooks: info, accounts, clients, settings, labels; unknown hook 404', async () => {
    const info = (await (await fetch(`${f.emu.hooksUrl}/info`)).json()) as { accounts: string[]; clientId: string };
    expect(info.accounts).toEqual([ALICE, BOB]);
    const accts = (await (await fetch(`${f.emu.hooksUrl}/accounts`)).json()) as { accounts: { email: string; messagesTotal: number }[] };
    expect(accts.accounts.map((a) => a.email)).toEqual([ALICE, BOB]);
    const client = (await (
      await fetch(`${f.emu.hooksUrl}/clients`, { method: 'POST', body: JSON.stringify({ type: 'web', redirectUris: ['http://127.0.0.1:1/cb'] }) })
    ).json()) as { clientId: string; type: string };
    expect(client.type).toBe('web');
    const settings = (await (await fetch(`${f.emu.hooksUrl}/settings`, { method: 'POST', body: JSON.stringify({ codeTtlSeconds: 300 }) })).json()) as {
      codeTtlSeconds: number;
    };
    expect(settings.codeTtlSeconds).toBe(300);
    const label = (await (
      await fetch(`${f.emu.hooksUrl}/accounts/${ALICE}/labels`, { method: 'POST', body: JSON.stringify({ name: 'Projects/Skimmer' }) })
    ).json()) as { id: string };
    expect((await g.users.labels.get({ userId: 'me', id: label.id })).data.name).toBe('Projects/Skimmer');
    expect((await fetch(`${f.emu.hooksUrl}/nope`)).status).toBe(404);
    expect((await fetch(`${f.emu.hooksUrl}/accounts/nobody@x/messages`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(`${f.emu.hooksUrl}/faults`, { method: 'POST', body: '{bad' })).status).toBe(400);
    const csrf = await fetch(`${f.emu.hooksUrl}/tokens/revoke`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: '{}' });
    expect(csrf.status).toBe(403);
    expect((await fetch(`${f.emu.hooksUrl}/info`, { headers: { origin: f.emu.baseUrl } })).status).toBe(200);
  });
});
