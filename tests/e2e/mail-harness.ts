/**
 * A small stand-in for the app's main-side services, for the mail UI's own e2e tests
 * until (and beside) tests/e2e/harness/app-backend.ts: the real emulator over HTTP, the
 * real Gmail client (GmailApi + GmailMailSource) and the real IPC router. Only the
 * account plumbing is short-cut (an access token minted by the emulator).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { IpcFailure, type AccountView, type AuthStatus, type SyncStatus } from '../../common/ipc';
import type { MailSelector } from '../../common/mail-types';
import { parseGmailQuery } from '../../common/gmail-query';
import { startEmulator, type EmulatorHandle } from '../../emulator/index';
import { GmailApi, GmailAuthError, GmailNotFoundError, GmailUnavailableError } from '../../main/gmail/gmail-api';
import { pacerFor } from '../../main/gmail/adaptive-pacer';
import { GmailMailSource, type MailSource } from '../../main/gmail/gmail-mail-source';
import { createIpcRouter, type IpcRouter, type RequestHandlers } from '../../main/ipc/router';
import { isSafeExternalUrl } from '../../main/security/csp';
import { MemoryStore } from '../../main/settings/settings-store';
import { createViewSettingsHandlers } from '../../main/handlers/view-settings';
import { createAttachmentHandlers } from '../../main/handlers/attachments';
import { safeFileName } from '../../main/handlers/files';
import { signedInHandlers } from './harness/signed-in-handlers';

export const READONLY_SCOPE = 'https://www.googleapis.com/auth/gmail.readonly';

export interface MailBackend {
  readonly emulator: EmulatorHandle;
  readonly account: AccountView;
  readonly source: MailSource;
  readonly opened: string[];
  readonly saved: { fileName: string; filePath: string }[];
  /** Files "Open" handed to the system. */
  readonly openedFiles: string[];
  readonly downloadDir: string;
  router(isTrustedSender: (url: string) => boolean): IpcRouter;
  /** Replace handlers (e.g. to inject failures or a custom thread). */
  override: Partial<RequestHandlers>;
  close(): Promise<void>;
}

function toFailure(error: unknown): never {
  if (error instanceof IpcFailure) throw error;
  if (error instanceof GmailAuthError) throw new IpcFailure('needs_reauth', 'Sign in again.');
  if (error instanceof GmailNotFoundError) throw new IpcFailure('not_found', 'Not found.');
  if (error instanceof GmailUnavailableError) throw new IpcFailure('offline', 'Gmail is unreachable.');
  throw error;
}

export async function startMailBackend(options: { mail?: string[]; account?: string } = {}): Promise<MailBackend> {
  const emulator = await startEmulator({
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.account ? { account: options.account } : {}),
    accessTokenTtlSeconds: 24 * 3600,
  });
  const email = emulator.accounts[0]!;
  const token = emulator.state.oauth.mintAccessToken(emulator.clientId, email, [READONLY_SCOPE], 'online');
  const auth = new OAuth2Client({ clientId: emulator.clientId, clientSecret: emulator.clientSecret });
  auth.setCredentials({ access_token: token.token, expiry_date: token.expiresAt });
  // A local emulator: the same unthrottled pacer the app's demo realm gets.
  const pacer = pacerFor({ localEmulator: true });
  const api = new GmailApi({ auth, rootUrl: emulator.gmailRootUrl, batchSize: 100, pacer });
  const source = new GmailMailSource(api, (q) => parseGmailQuery(q).hints);
  const account: AccountView = { id: 'acct-1', email, name: 'Demo Person', initials: 'DP', state: 'signed_in', active: true };
  const downloadDir = await mkdtemp(path.join(tmpdir(), 'skimmer-dl-'));
  const opened: string[] = [];
  const saved: { fileName: string; filePath: string }[] = [];
  const openedFiles: string[] = [];
  const override: Partial<RequestHandlers> = {};

  const senders = (): string[] => {
    const set = new Set<string>();
    for (const m of emulator.mailbox().list()) {
      const from = m.payload.headers.find((h) => h.name.toLowerCase() === 'from')?.value ?? '';
      const addr = from.match(/<([^>]+)>/)?.[1] ?? from.trim();
      if (addr.includes('@')) set.add(addr.toLowerCase());
    }
    return [...set].sort();
  };

  const status: AuthStatus = { client: 'google', storage: 'encrypted', help: '' };
  const sync: SyncStatus = {
    accountId: account.id,
    phase: 'idle',
    cachedMessages: 0,
    totalMessages: null,
    etaSeconds: null,
    lastSyncedAt: null,
    message: null,
  };

  const base: RequestHandlers = {
    ...createViewSettingsHandlers(new MemoryStore()),
    ...createAttachmentHandlers({
      withSource: (_id, run) => run(source).catch(toFailure),
      opener: { openPath: async (file) => void openedFiles.push(file) },
      openDir: path.join(downloadDir, 'opened'),
      safeFileName,
    }),
    getAppInfo: () => ({ name: 'Skimmer', version: '0.0.0-mail-e2e', platform: process.platform, shell: 'test-bridge' }),
    openExternal: (url) => {
      if (!isSafeExternalUrl(url)) throw new IpcFailure('invalid_request', 'Only web links can be opened.');
      opened.push(url);
      return null;
    },
    ...signedInHandlers(account),
    getAuthStatus: () => status,
    listLabels: async () => source.listLabels().catch(toFailure),
    listMessages: async (_id, selector: MailSelector, opts) =>
      source.listMessages(selector, { pageToken: opts.pageToken ?? null, pageSize: opts.pageSize ?? 50, threads: opts.threads ?? false }).catch(toFailure),
    listUnified: () => {
      throw new IpcFailure('invalid_request', 'One account only.');
    },
    getThread: async (_id, threadId) => source.getThread(threadId).catch(toFailure),
    saveAttachment: async (_id, messageId, partId) => {
      // As main does: the renderer names the part; Gmail's attachmentId is not stable.
      const message = await source.getMessage(messageId).catch(toFailure);
      const att = message.attachments.find((a) => a.partId === partId);
      if (!att) throw new IpcFailure('not_found', 'No such attachment.');
      const bytes = await source.getAttachment(messageId, att.attachmentId).catch(toFailure);
      const fileName = `attachment-${saved.length + 1}.bin`;
      const filePath = path.join(downloadDir, fileName);
      await writeFile(filePath, bytes);
      saved.push({ fileName, filePath });
      return { saved: true, fileName };
    },
    saveMessageBody: async (_id, messageId) => {
      const message = await source.getMessage(messageId).catch(toFailure);
      const fileName = `body-${saved.length + 1}.txt`;
      const filePath = path.join(downloadDir, fileName);
      await writeFile(filePath, message.html ?? message.text ?? '');
      saved.push({ fileName, filePath });
      return { saved: true, fileName };
    },
    suggestSenders: (_id, prefix) =>
      senders()
        .filter((s) => s.includes(prefix.toLowerCase()))
        .slice(0, 8),
    getSyncStatus: () => sync,
    syncNow: () => null,
  };

  const handlers = new Proxy(base, {
    get(target, name: string) {
      return (override as Record<string, unknown>)[name] ?? (target as Record<string, unknown>)[name];
    },
  }) as RequestHandlers;

  return {
    emulator,
    account,
    source,
    opened,
    saved,
    openedFiles,
    downloadDir,
    override,
    router: (isTrustedSender) => createIpcRouter(handlers, { isTrustedSender, logError: (c, e) => console.error('handler failed', c, e) }),
    close: () => emulator.close(),
  };
}
