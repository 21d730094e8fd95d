// The app's main-side services end to end in plain Node: the IPC handlers over the real
// sign-in flow, the Gmail client (batches included) and the emulator on 127.0.0.1.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/ipc';
import { createAppServices, type AppServices } from '../../../main/app-services';
import { safeFileName } from '../../../main/handlers/files';
import { DemoServer } from '../../../main/services/demo-server';
import { playBrowser, recordingOpener } from '../auth/browser';

function eml(headers: Record<string, string>, body: string): string {
  return `${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${body}`;
}

const ATTACHMENT = Buffer.from('%PDF-1.4\nfake but real bytes \u00e9\n%%EOF\n', 'latin1');

async function writeMailbox(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'Work'), { recursive: true });
  const boundary = 'b0undary';
  await writeFile(
    path.join(dir, 'one.eml'),
    eml(
      {
        From: 'Ana Lima <ana@example.com>',
        To: 'demo@skimmer.example',
        Subject: 'Quarterly report',
        Date: 'Mon, 02 Mar 2026 10:00:00 +0000',
        'Message-ID': '<one@example.com>',
        'MIME-Version': '1.0',
        'Content-Type': `multipart/mixed; boundary="${boundary}"`,
      },
      `--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello <b>team</b></p>\r\n` +
        `--${boundary}\r\nContent-Type: application/pdf; name="report.pdf"\r\nContent-Disposition: attachment; filename="report.pdf"\r\n` +
        `Content-Transfer-Encoding: base64\r\n\r\n${ATTACHMENT.toString('base64')}\r\n--${boundary}--\r\n`,
    ),
  );
  await writeFile(
    path.join(dir, 'two.eml'),
    eml(
      {
        From: 'Bo <bo@example.org>',
        To: 'demo@skimmer.example',
        Subject: 'Re: Quarterly report',
        Date: 'Tue, 03 Mar 2026 09:00:00 +0000',
        'Message-ID': '<two@example.org>',
        'In-Reply-To': '<one@example.com>',
        References: '<one@example.com>',
        'Content-Type': 'text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding': 'quoted-printable',
      },
      'Caf=E9 at noon?\r\n',
    ),
  );
  await writeFile(
    path.join(dir, 'Work', 'three.eml'),
    eml(
      {
        From: 'Kim <kim@example.kr>',
        To: 'demo@skimmer.example',
        Subject: '=?EUC-KR?B?x9GxucH2?=',
        Date: 'Wed, 04 Mar 2026 08:00:00 +0000',
        'Message-ID': '<three@example.kr>',
        'Content-Type': 'text/plain; charset=euc-kr',
        'Content-Transfer-Encoding': 'base64',
      },
      Buffer.from([0xbe, 0xc8, 0xb3, 0xe7, 0xc7, 0xcf, 0xbc, 0xbc, 0xbf, 0xe4]).toString('base64'),
    ),
  );
}

describe('app services over the emulator', () => {
  let root: string;
  let services: AppServices;
  const opener = recordingOpener();
  const emitted: { name: EventName; payload: unknown }[] = [];
  let accountId = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'skimmer-app-'));
    await writeMailbox(path.join(root, 'mail'));
    services = await createAppServices({
      dataDir: path.join(root, 'data'),
      appInfo: { name: 'Skimmer', version: 'test', platform: 'linux', shell: 'test-bridge' },
      ciphers: [],
      env: {},
      demo: new DemoServer({ mail: [path.join(root, 'mail')] }),
      autoSync: false, // these tests read through the API; app-cache.test.ts covers the cache
      platform: {
        openExternal: async (url) => opener.openExternal(url),
        chooseClientSecretFile: async () => null,
        copyText: () => undefined,
        chooseSaveLocation: async (name) => path.join(root, 'saved-' + name),
        emit: (name, payload) => void emitted.push({ name, payload }),
      },
    });
  });

  afterAll(async () => {
    await services?.dispose();
    await rm(root, { recursive: true, force: true });
  });

  it('says no Google client is configured and tokens stay in memory without a cipher', async () => {
    expect(await services.handlers.getAuthStatus()).toMatchObject({ client: 'none', storage: 'memory_only' });
    await expect(services.handlers.signIn({})).rejects.toMatchObject({ code: 'needs_sign_in' });
  });

  it('signs in to the demo through the consent page and announces the account', async () => {
    const signingIn = services.handlers.startDemo();
    const url = await opener.next();
    expect(emitted.some((e) => e.name === 'signInPending' && (e.payload as { url: string }).url === url)).toBe(true);
    const result = await playBrowser(url);
    expect(result.status).toBe(200);
    const account = await signingIn;
    expect(account).toMatchObject({ email: 'demo@skimmer.example', state: 'signed_in', active: true });
    accountId = account.id;
    expect(emitted.some((e) => e.name === 'accountsChanged')).toBe(true);
    expect(JSON.stringify(await services.handlers.listAccounts())).not.toMatch(/ya29|refresh|token/i);
  });

  it('lists labels with counts, including the folder label', async () => {
    const labels = await services.handlers.listLabels(accountId);
    const inbox = labels.find((l) => l.id === 'INBOX');
    expect(inbox?.messagesTotal).toBe(3);
    expect(labels.find((l) => l.name === 'Work')).toMatchObject({ type: 'user', messagesTotal: 1 });
  });

  it('lists the inbox newest first, grouped by conversation, with decoded text', async () => {
    const page = await services.handlers.listMessages(accountId, { kind: 'label', labelId: 'INBOX' }, { threads: true });
    expect(page.source).toBe('api');
    expect(page.rows.map((r) => r.subject)).toEqual(['한국지', 'Re: Quarterly report']);
    expect(page.rows[1]).toMatchObject({ threadCount: 2, participants: ['Ana Lima', 'Bo'] });
    const flat = await services.handlers.listMessages(accountId, { kind: 'label', labelId: 'INBOX' }, { threads: false, pageSize: 2 });
    expect(flat.rows).toHaveLength(2);
    expect(flat.nextPageToken).toBeTruthy();
  });

  it('searches with Gmail syntax through the API', async () => {
    const page = await services.handlers.listMessages(accountId, { kind: 'query', query: 'from:ana has:attachment' }, { threads: false });
    expect(page.rows.map((r) => r.subject)).toEqual(['Quarterly report']);
  });

  it('opens a thread with bodies decoded from their charsets', async () => {
    const page = await services.handlers.listMessages(accountId, { kind: 'query', query: 'subject:quarterly' }, { threads: true });
    const thread = await services.handlers.getThread(accountId, page.rows[0]!.threadId);
    expect(thread.messages.map((m) => m.from.email)).toEqual(['ana@example.com', 'bo@example.org']);
    expect(thread.messages[0]!.html).toContain('<b>team</b>');
    expect(thread.messages[1]!.text).toContain('Café at noon?');
    expect(thread.messages[0]!.attachments).toMatchObject([{ filename: 'report.pdf', mimeType: 'application/pdf' }]);
    const korean = await services.handlers.listMessages(accountId, { kind: 'query', query: 'from:kim' }, { threads: false });
    const koreanThread = await services.handlers.getThread(accountId, korean.rows[0]!.threadId);
    expect(koreanThread.messages[0]!.text).toContain('안녕하세요');
  });

  it('saves an attachment byte for byte', async () => {
    const page = await services.handlers.listMessages(accountId, { kind: 'query', query: 'filename:pdf' }, { threads: false });
    const thread = await services.handlers.getThread(accountId, page.rows[0]!.threadId);
    const message = thread.messages.find((m) => m.attachments.length > 0)!;
    const saved = await services.handlers.saveAttachment(accountId, message.id, message.attachments[0]!.partId);
    expect(saved).toEqual({ saved: true, fileName: 'saved-report.pdf' });
    expect(await readFile(path.join(root, 'saved-report.pdf'))).toEqual(ATTACHMENT);
  });

  it('saves a message body as a text file named after its subject (the too-large view offers this)', async () => {
    const page = await services.handlers.listMessages(accountId, { kind: 'query', query: 'from:kim' }, { threads: false });
    const message = (await services.handlers.getThread(accountId, page.rows[0]!.threadId)).messages[0]!;
    const saved = await services.handlers.saveMessageBody(accountId, message.id);
    expect(saved.saved).toBe(true);
    expect(saved.fileName).toMatch(/^saved-.*\.txt$/);
    expect(await readFile(path.join(root, saved.fileName!), 'utf8')).toBe(message.html ?? message.text ?? '');
  });

  it('suggests senders it has seen', async () => {
    expect(await services.handlers.suggestSenders(accountId, 'ana')).toEqual(['Ana Lima <ana@example.com>']);
  });

  it('refuses an unknown account and a missing thread with clear codes', async () => {
    await expect(services.handlers.listLabels('nobody')).rejects.toMatchObject({ code: 'not_found' });
    await expect(services.handlers.getThread(accountId, 'ffffffffffffffff')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('signs out: the account disappears', async () => {
    await services.handlers.signOut(accountId);
    expect(await services.handlers.listAccounts()).toEqual([]);
  });

  it('makes attachment names safe for the file system', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('a:b*c?.pdf')).toBe('a_b_c_.pdf');
    expect(safeFileName('...')).toBe('attachment');
  });
});
