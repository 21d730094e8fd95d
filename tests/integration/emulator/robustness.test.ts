/** Junk at every route: Google-shaped 4xx answers, never a 500 from a crash, and the server keeps answering. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, signIn, startFixture, type Fixture } from './helpers';

let f: Fixture;
let token: string;
beforeAll(async () => {
  f = await startFixture();
  token = (await signIn(f.emu, ALICE)).tokens.access_token!;
});
afterAll(async () => {
  await f.cleanup();
});

/** Deterministic PRNG so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES = [
  '/o/oauth2/v2/auth',
  '/o/oauth2/v2/auth/consent',
  '/token',
  '/revoke',
  '/tokeninfo',
  '/oauth2/v3/tokeninfo',
  '/oauth2/v2/userinfo',
  '/v1/userinfo',
  '/oauth2/v3/certs',
  '/oauth2/v1/certs',
  '/.well-known/openid-configuration',
  '/gmail/v1/users/me/profile',
  '/gmail/v1/users/me/messages',
  '/gmail/v1/users/me/messages/{id}',
  '/gmail/v1/users/me/messages/{id}/attachments/{id}',
  '/gmail/v1/users/me/messages/{id}/modify',
  '/gmail/v1/users/me/threads',
  '/gmail/v1/users/me/threads/{id}',
  '/gmail/v1/users/me/labels',
  '/gmail/v1/users/me/labels/{id}',
  '/gmail/v1/users/me/history',
  '/gmail/v1/users/{user}/profile',
  '/batch/gmail/v1',
  '/batch',
  '/__emulator/info',
  '/__emulator/accounts/{user}/messages',
  '/__emulator/accounts/{user}/messages/{id}/labels',
  '/__emulator/tokens/expire',
  '/__emulator/quota',
  '/__emulator/faults',
  '/',
];
// prettier-ignore
const PARAMS = [
  'q', 'labelIds', 'maxResults', 'pageToken', 'includeSpamTrash', 'format', 'metadataHeaders', 'fields', 'startHistoryId', 'historyTypes', 'labelId',
  'prettyPrint', 'alt', 'client_id', 'redirect_uri', 'scope', 'response_type', 'code_challenge', 'prompt', 'token', 'access_token', 'id_token',
  'bogus',
];
// prettier-ignore
const JUNK = [
  '', '-1', '0', '1', '99999999999999999999999', 'true', 'maybe', '%', '%%', '../..', '()', 'a(b', 'a/b/c', '*', '{}', '[]', 'null', '"', '\u0000',
  '\u00e9\u4e2d', 'x'.repeat(3000), 'INBOX', 'metadata', 'raw', 'me', 'ya29.x', 'http://127.0.0.1:1/', '00000000000000000000',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
// prettier-ignore
const BODIES = [
  '', '{', '{"a":1}', '[]', 'null', 'a=b&c', '--x\r\n\r\nGET / HTTP/1.1\r\n', '\u0000\u0001\u0002', 'x'.repeat(100_000), '{"addLabelIds":[1,2]}',
  '{"raw": 5}',
];
// prettier-ignore
const TYPES = [
  undefined, 'application/json', 'application/x-www-form-urlencoded', 'multipart/mixed; boundary=x', 'multipart/mixed', 'message/rfc822',
  'text/plain',
];

describe('fuzz-ish: junk at every route', () => {
  it('answers every request with a well-formed status and stays up', async () => {
    const rand = rng(20261125);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const ids = f.emu
      .mailbox(ALICE)
      .list()
      .map((m) => m.id);
    let serverErrors = 0;
    for (let i = 0; i < 600; i++) {
      const path = pick(ROUTES)
        .replace(/\{id\}/g, () => encodeURIComponent(pick([...JUNK, ...ids])) || 'x')
        .replace('{user}', () => pick(['me', ALICE, 'nobody@x', '%', '%25', '%zz', '']) || 'me');
      const qs = new URLSearchParams();
      const n = Math.floor(rand() * 4);
      for (let k = 0; k < n; k++) qs.append(pick(PARAMS), pick(JUNK));
      const method = pick(METHODS);
      const headers: Record<string, string> = {};
      if (rand() < 0.7) headers.authorization = pick([`Bearer ${token}`, 'Bearer', 'Bearer junk', 'Basic Zm9vOmJhcg==', 'junk']);
      const type = pick(TYPES);
      if (type) headers['content-type'] = type;
      const body = method === 'GET' || method === 'HEAD' ? undefined : pick(BODIES);
      let url = `${f.emu.baseUrl}${path}${n ? `?${qs}` : ''}`;
      if (rand() < 0.05) url = `${f.emu.baseUrl}${path}?%zz=%&&=`;
      const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}), redirect: 'manual' });
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(600);
      const text = await res.text();
      if (res.status >= 500) serverErrors++;
      if (method !== 'HEAD' && res.status >= 400 && (res.headers.get('content-type') ?? '').includes('json')) {
        const j = JSON.parse(text) as { error: unknown };
        expect(j.error, `${method} ${url}`).toBeDefined();
      }
    }
    expect(serverErrors).toBe(0);
  });

  it('survives raw socket garbage and half-sent requests', async () => {
    const send = (payload: string) =>
      new Promise<string>((resolve) => {
        const s = connect(Number(new URL(f.emu.baseUrl).port), '127.0.0.1');
        let out = '';
        s.on('data', (d) => (out += d.toString()));
        s.on('error', () => resolve(out));
        s.on('close', () => resolve(out));
        s.write(payload);
        setTimeout(() => s.end(), 100);
      });
    await send('\u0000\u0001garbage\r\n\r\n');
    await send('GET /gmail/v1/users/me/profile HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nshort');
    await send('POST /token HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n');
    await send('GET / HTTP/1.1\r\n' + 'X-Long: ' + 'a'.repeat(20_000) + '\r\n\r\n');
    const res = await fetch(`${f.emu.baseUrl}/gmail/v1/users/me/profile`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { emailAddress: string }).emailAddress).toBe(ALICE);
  });

  it('random q strings never 400', async () => {
    token = (await signIn(f.emu, ALICE)).tokens.access_token!;
    const rand = rng(7);
    // prettier-ignore
    const alphabet = [
      'a', 'zebra', ' ', '"', '(', ')', '{', '}', '-', '+', ':', 'OR', 'AND', 'AROUND', 'from:', 'to:', 'in:', 'is:', 'label:', 'after:', 'before:',
      'older_than:', 'size:', 'larger:', 'has:', '2024/01/01', '1d', '*', '\\', '\u00e9', '\u4e2d\u6587', '@', '.',
    ];
    for (let i = 0; i < 200; i++) {
      let q = '';
      const len = 1 + Math.floor(rand() * 12);
      for (let k = 0; k < len; k++) q += alphabet[Math.floor(rand() * alphabet.length)];
      const res = await fetch(`${f.emu.baseUrl}/gmail/v1/users/me/messages?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, q).toBe(200);
      await res.arrayBuffer();
    }
  });
});
