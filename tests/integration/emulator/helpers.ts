/** Shared fixtures for the emulator integration tests: temp mail, a started emulator, a browser stand-in. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auth } from '@googleapis/gmail';
import { CodeChallengeMethod } from 'google-auth-library';
import { startEmulator, type EmulatorHandle, type StartEmulatorOptions } from '../../../emulator/index';

export const READONLY = 'https://www.googleapis.com/auth/gmail.readonly';
export const METADATA = 'https://www.googleapis.com/auth/gmail.metadata';
export const LABELS = 'https://www.googleapis.com/auth/gmail.labels';
export const MODIFY = 'https://www.googleapis.com/auth/gmail.modify';

export const ALICE = 'alice@skimmer.example';
export const BOB = 'bob@skimmer.example';

export function eml(o: {
  from?: string;
  to?: string;
  subject: string;
  date: string;
  body?: string;
  messageId?: string;
  inReplyTo?: string;
  attachment?: { filename: string; content: string; type?: string };
  headers?: Record<string, string>;
}): string {
  const head = [
    `From: ${o.from ?? 'Carol Sender <carol@example.com>'}`,
    `To: ${o.to ?? ALICE}`,
    `Subject: ${o.subject}`,
    `Date: ${o.date}`,
    `Message-ID: <${o.messageId ?? `${Math.random().toString(36).slice(2)}@example.com`}>`,
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`, `References: <${o.inReplyTo}>`] : []),
    ...Object.entries(o.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
  ];
  if (!o.attachment) {
    return [...head, 'Content-Type: text/plain; charset=utf-8', '', o.body ?? `Body of ${o.subject}.`, ''].join('\r\n');
  }
  const b = 'b-' + Math.random().toString(36).slice(2);
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body ?? `Body of ${o.subject}.`,
    `--${b}`,
    `Content-Type: ${o.attachment.type ?? 'application/octet-stream'}; name="${o.attachment.filename}"`,
    `Content-Disposition: attachment; filename="${o.attachment.filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(o.attachment.content).toString('base64'),
    `--${b}--`,
    '',
  ].join('\r\n');
}

export interface Fixture {
  dir: string;
  emu: EmulatorHandle;
  cleanup(): Promise<void>;
}

/** Alice: 12 messages (one thread of 3, one attachment, one spam, one trash). Bob: 2 messages. */
export async function startFixture(extra: Partial<StartEmulatorOptions> = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'skimmer-emu-'));
  const a = join(dir, 'alice');
  const b = join(dir, 'bob');
  mkdirSync(a);
  mkdirSync(b);
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n, 12, 0, 0)).toUTCString().replace('GMT', '+0000');
  for (let i = 0; i < 8; i++) {
    writeFileSync(
      join(a, `m${i}.eml`),
      eml({ subject: `Plain message ${i}`, date: day(i), body: i === 3 ? 'the quarterly zebra report' : `hello number ${i}` }),
    );
  }
  writeFileSync(join(a, 't1.eml'), eml({ subject: 'Lunch plans', date: day(10), messageId: 'lunch-1@example.com' }));
  writeFileSync(
    join(a, 't2.eml'),
    eml({
      from: `Alice <${ALICE}>`,
      to: 'carol@example.com',
      subject: 'Re: Lunch plans',
      date: day(11),
      messageId: 'lunch-2@example.com',
      inReplyTo: 'lunch-1@example.com',
    }),
  );
  writeFileSync(join(a, 't3.eml'), eml({ subject: 'Re: Lunch plans', date: day(12), messageId: 'lunch-3@example.com', inReplyTo: 'lunch-2@example.com' }));
  writeFileSync(
    join(a, 'att.eml'),
    eml({
      subject: 'Invoice attached',
      date: day(13),
      attachment: { filename: 'invoice.pdf', content: '%PDF-1.4 fake invoice bytes', type: 'application/pdf' },
    }),
  );
  mkdirSync(join(a, 'Spam'));
  writeFileSync(join(a, 'Spam', 'spam.eml'), eml({ subject: 'You won a prize', date: day(14), body: 'zebra prize' }));
  mkdirSync(join(a, 'Trash'));
  writeFileSync(join(a, 'Trash', 'trash.eml'), eml({ subject: 'Old newsletter', date: day(15), body: 'zebra newsletter' }));
  writeFileSync(join(b, 'b1.eml'), eml({ to: BOB, subject: 'For Bob only', date: day(1) }));
  writeFileSync(join(b, 'b2.eml'), eml({ to: BOB, subject: 'Second for Bob', date: day(2) }));
  const emu = await startEmulator({
    accounts: [
      { email: ALICE, mail: [a], name: 'Alice Liddell' },
      { email: BOB, mail: [b] },
    ],
    ...extra,
  });
  return {
    dir,
    emu,
    cleanup: async () => {
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A form on the consent page, as a browser would submit it. */
export interface ConsentForm {
  action: string;
  fields: [string, string][];
  accounts: string[];
  scopes: string[];
}

export function parseConsentPage(html: string): ConsentForm {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('no form on the consent page');
  const fields: [string, string][] = [];
  const accounts: string[] = [];
  const scopes: string[] = [];
  const unesc = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const type = /type="([^"]+)"/.exec(attrs)?.[1];
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    const value = unesc(/value="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const checked = /\bchecked\b/.test(attrs);
    if (!name) continue;
    if (type === 'radio') {
      accounts.push(value);
      if (checked) fields.push([name, value]);
    } else if (type === 'checkbox') {
      if (name === 'scope') scopes.push(value);
      if (checked) fields.push([name, value]);
    } else {
      if (name === 'scope') scopes.push(value);
      fields.push([name, value]);
    }
  }
  return { action: unesc(action), fields, accounts, scopes };
}

/** Plays the browser: GET the auth URL, submit the consent form, return the 302 Location. */
export async function consent(
  baseUrl: string,
  authUrl: string,
  opts: { decision?: 'allow' | 'deny'; account?: string; uncheck?: string[] } = {},
): Promise<URL> {
  const page = await fetch(authUrl, { redirect: 'manual' });
  if (page.status === 302) return new URL(page.headers.get('location')!);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html.slice(0, 300)}`);
  const form = parseConsentPage(html);
  let fields = form.fields.filter(([k, v]) => !(k === 'scope' && opts.uncheck?.includes(v)));
  if (opts.account) fields = [...fields.filter(([k]) => k !== 'account'), ['account', opts.account]];
  fields.push(['decision', opts.decision ?? 'allow']);
  const res = await fetch(new URL(form.action, baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  if (res.status !== 302) throw new Error(`consent POST answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return new URL(res.headers.get('location')!);
}

export const REDIRECT = 'http://127.0.0.1:53682/oauth2callback';

export function oauthClient(emu: EmulatorHandle, o: { clientId?: string; clientSecret?: string; redirectUri?: string } = {}) {
  return new auth.OAuth2({
    clientId: o.clientId ?? emu.clientId,
    clientSecret: o.clientSecret ?? emu.clientSecret,
    redirectUri: o.redirectUri ?? REDIRECT,
    endpoints: emu.endpoints,
    issuers: [emu.issuer],
  });
}

/** The whole loopback + PKCE flow for one account; returns a client with credentials set. */
export async function signIn(emu: EmulatorHandle, account: string, scopes: string[] = [READONLY, 'openid', 'email', 'profile']) {
  const client = oauthClient(emu);
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    scope: scopes,
    state: 'st-' + account,
    access_type: 'offline',
    login_hint: account,
    code_challenge: codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
  });
  const loc = await consent(emu.baseUrl, url);
  const code = loc.searchParams.get('code');
  if (!code) throw new Error(`no code in ${loc.toString()}`);
  const { tokens } = await client.getToken({ code, codeVerifier });
  client.setCredentials(tokens);
  return { client, tokens };
}
