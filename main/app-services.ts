/**
 * The composition root of main's services, in plain Node: sign-in and accounts, the
 * Gmail API client, (later) the local cache, and the IPC handlers over them. Electron
 * passes its dialogs, shell and safeStorage in through PlatformHooks; the e2e harness
 * and the tests pass their own, so every handler runs for real outside Electron.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IpcFailure, type AppInfo, type AuthStatus, type EventName, type EventPayload } from '../common/ipc';
import type { MailSelector } from '../common/mail-types';
import { AccountError } from './auth/accounts';
import { ClientConfigError, clientConfigFromEnv, loadClientSecretFile, NO_CLIENT_HELP, parseClientSecretJson, type OAuthClientConfig } from './auth/client-config';
import { SignInError } from './auth/sign-in-flow';
import { GmailApiDisabledError, GmailAuthError, GmailDailyQuotaError, GmailNotFoundError, GmailRateLimitedError, GmailUnavailableError } from './gmail/gmail-api';
import type { MailSource } from './gmail/gmail-mail-source';
import type { RequestHandlers } from './ipc/router';
import type { Cipher } from './secrets/cipher';
import { openSettingsStore } from './secrets/settings-store';
import { createViewSettingsHandlers, loadViewSettings } from './settings/view-settings-handlers';
import { createAttachmentHandlers, type FileOpener } from './mail/attachment-handlers';
import { isSafeExternalUrl } from './security/csp';
import { AccountDirectory } from './services/account-directory';
import { AccountMailHub } from './services/account-mail';
import { DemoServer } from './services/demo-server';
import { createLocaleHandlers, type LocaleHooks } from './services/locale-settings';

export interface PlatformHooks {
  openExternal(url: string): Promise<void>;
  /** Asks for a client_secret*.json; null when the person cancels. */
  chooseClientSecretFile(): Promise<string | null>;
  /** Asks where to save a file; null when the person cancels. */
  chooseSaveLocation(suggestedName: string): Promise<string | null>;
  /** Puts text on the system clipboard (the renderer has no clipboard permission). */
  copyText(text: string): void | Promise<void>;
  /** Opens a file with the system's app (absent where there is no desktop, e.g. tests). */
  openPath?: FileOpener['openPath'];
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
}

export interface AppServicesOptions {
  readonly dataDir: string;
  readonly appInfo: AppInfo;
  readonly platform: PlatformHooks;
  /** Token ciphers in order of preference; none = tokens in memory only. */
  readonly ciphers: Cipher[];
  readonly env?: NodeJS.ProcessEnv;
  readonly demo?: DemoServer;
  readonly signInTimeoutMs?: number;
  /** Incremental sync period (default 60 s). */
  readonly syncIntervalMs?: number;
  /** Sync each account's cache in the background (default true). */
  readonly autoSync?: boolean;
  readonly locale?: LocaleHooks;
}

export interface AppServices {
  readonly handlers: RequestHandlers;
  readonly accounts: AccountDirectory;
  dispose(): Promise<void>;
}

const GOOGLE_CLIENT_KEY = 'googleClient';

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const settings = openSettingsStore(options.dataDir, 'settings');
  const demo = options.demo ?? new DemoServer();
  const sendersSeen = new Map<string, Map<string, string>>();
  // Set once the account directory exists (it authorises the hub's API clients).
  let mailHub: AccountMailHub | null = null;

  const accounts = new AccountDirectory({
    dataDir: options.dataDir,
    settings,
    ciphers: options.ciphers,
    signInTimeoutMs: options.signInTimeoutMs,
    openExternal: async (url) => {
      options.platform.emit('signInPending', { url });
      await options.platform.openExternal(url);
    },
    onAccountRemoved: async (accountId) => {
      sendersSeen.delete(accountId);
      await mailHub?.forget(accountId, { deleteFiles: true });
    },
    onChanged: (list) => options.platform.emit('accountsChanged', list),
  });

  const googleConfig = (): OAuthClientConfig | null => {
    const fromEnv = clientConfigFromEnv(options.env ?? process.env);
    if (fromEnv) return fromEnv;
    const stored = settings.get(GOOGLE_CLIENT_KEY);
    if (typeof stored !== 'string') return null;
    try {
      return parseClientSecretJson(stored);
    } catch {
      return null;
    }
  };

  const initialGoogle = googleConfig();
  if (initialGoogle) await accounts.openRealm('google', initialGoogle);
  // Demo accounts from an earlier run: their tokens belonged to that run's emulator.
  if (openSettingsStore(options.dataDir, 'accounts-demo').has('accounts')) {
    await accounts.openRealm('demo', await demo.clientConfig());
    await restoreDemoGrants(accounts, demo);
  }

  const authStatus = (): AuthStatus => ({
    client: googleConfig() ? 'google' : 'none',
    storage: accounts.storageMode,
    help: NO_CLIENT_HELP,
  });

  const hub = new AccountMailHub({
    dataDir: options.dataDir,
    syncIntervalMs: options.syncIntervalMs ?? loadViewSettings(settings).checkEverySeconds * 1000,
    autoSync: options.autoSync ?? true,
    authorize: async (accountId) => {
      const service = accounts.serviceFor(accountId);
      if (!service) throw new IpcFailure('not_found', 'That account is not signed in here.');
      const auth = await service.getAuthorizedClient(accountId).catch(rethrowForIpc);
      // The demo's Gmail is our own emulator on this machine: no quota to learn, start at full speed.
      return { auth, gmailRootUrl: service.clientConfig.gmailRootUrl, localEmulator: service === accounts.realm('demo') };
    },
    onStatus: (status) => options.platform.emit('syncProgress', status),
    onMailChanged: (change) => options.platform.emit('mailChanged', change),
  });
  mailHub = hub;

  async function withSource<T>(accountId: string, run: (source: MailSource) => Promise<T>): Promise<T> {
    if (!accounts.serviceFor(accountId)) throw new IpcFailure('not_found', 'That account is not signed in here.');
    try {
      return await run(await hub.source(accountId));
    } catch (error) {
      // A damaged cache is set aside and refilled (the status says so once); this answer
      // then comes from Gmail, so the person never sees a SQLite message.
      if (await hub.recoverIfCorrupt(accountId, error)) return run(await hub.source(accountId)).catch(rethrowForIpc);
      if (error instanceof GmailAuthError) {
        throw new IpcFailure('needs_reauth', 'Google needs you to sign in to this account again.');
      }
      return rethrowForIpc(error);
    }
  }

  function rememberSenders(accountId: string, senders: readonly { name: string; email: string }[]): void {
    let known = sendersSeen.get(accountId);
    if (!known) sendersSeen.set(accountId, (known = new Map()));
    for (const sender of senders) if (sender.email) known.set(sender.email.toLowerCase(), sender.name ? `${sender.name} <${sender.email}>` : sender.email);
  }

  const handlers: RequestHandlers = {
    ...createViewSettingsHandlers(settings),
    ...createAttachmentHandlers({ withSource, opener: options.platform, openDir: path.join(options.dataDir, 'opened'), safeFileName }),
    getAppInfo: () => options.appInfo,
    openExternal: async (url) => {
      if (!isSafeExternalUrl(url)) throw new IpcFailure('invalid_request', 'Only web links can be opened.');
      await options.platform.openExternal(new URL(url).href); // the normalised URL that was checked
      return null;
    },
    copyText: async (text) => {
      await options.platform.copyText(text);
      return null;
    },
    ...createLocaleHandlers(settings, options.locale),

    getAuthStatus: () => authStatus(),
    importClientSecret: async () => {
      const file = await options.platform.chooseClientSecretFile();
      if (!file) return null;
      try {
        const config = await loadClientSecretFile(file);
        settings.set(GOOGLE_CLIENT_KEY, JSON.stringify({ [config.kind === 'web' ? 'web' : 'installed']: { client_id: config.clientId, client_secret: config.clientSecret, auth_uri: config.authUri, token_uri: config.tokenUri } }));
        await accounts.openRealm('google', config);
        return authStatus();
      } catch (error) {
        if (error instanceof ClientConfigError) throw new IpcFailure('invalid_request', error.message);
        throw error;
      }
    },
    signIn: async ({ accountId }) => {
      const config = googleConfig();
      if (!config) throw new IpcFailure('needs_sign_in', NO_CLIENT_HELP);
      const service = await accounts.openRealm('google', config);
      const account = await (accountId && service.get(accountId) ? service.reauthenticate(accountId) : service.signIn()).catch(rethrowForIpc);
      accounts.setActive(account.id);
      return accounts.list().find((a) => a.id === account.id)!;
    },
    startDemo: async () => {
      const service = await accounts.openRealm('demo', await demo.clientConfig());
      const existing = service.list().find((a) => a.state === 'needs_reauth');
      const account = await (existing ? service.reauthenticate(existing.id) : service.signIn()).catch(rethrowForIpc);
      accounts.setActive(account.id);
      return accounts.list().find((a) => a.id === account.id)!;
    },
    cancelSignIn: () => {
      for (const name of ['google', 'demo'] as const) accounts.realm(name)?.cancelSignIn();
      return null;
    },

    listAccounts: () => accounts.list(),
    switchAccount: (accountId) => {
      if (!accounts.serviceFor(accountId)) throw new IpcFailure('not_found', 'That account is not signed in here.');
      accounts.setActive(accountId);
      return null;
    },
    signOut: async (accountId) => {
      const service = accounts.serviceFor(accountId);
      if (!service) throw new IpcFailure('not_found', 'That account is not signed in here.');
      await service.signOut(accountId).catch(rethrowForIpc);
      return null;
    },

    listLabels: (accountId) => withSource(accountId, (source) => source.listLabels()),
    listMessages: (accountId, selector, listOptions) =>
      withSource(accountId, async (source) => {
        const page = await source.listMessages(selector as MailSelector, {
          pageToken: listOptions.pageToken ?? null,
          threads: listOptions.threads ?? true,
          pageSize: listOptions.pageSize ?? 50,
        });
        rememberSenders(accountId, page.rows.map((r) => r.from));
        return page;
      }),
    getThread: (accountId, threadId) => withSource(accountId, (source) => source.getThread(threadId)),
    saveAttachment: (accountId, messageId, partId) =>
      withSource(accountId, async (source) => {
        const message = await source.getMessage(messageId);
        const attachment = message.attachments.find((a) => a.partId === partId);
        if (!attachment) throw new IpcFailure('not_found', 'That attachment is no longer in the message.');
        const target = await options.platform.chooseSaveLocation(safeFileName(attachment.filename));
        if (!target) return { saved: false, fileName: null };
        const bytes = await source.getAttachment(messageId, attachment.attachmentId);
        await writeFile(target, bytes);
        return { saved: true, fileName: path.basename(target) };
      }),
    suggestSenders: async (accountId, prefix) => {
      const fromCache = await hub.suggestSenders(accountId, prefix).catch(() => []);
      if (fromCache.length > 0) return fromCache;
      const needle = prefix.toLowerCase();
      return [...(sendersSeen.get(accountId)?.values() ?? [])].filter((s) => s.toLowerCase().includes(needle)).slice(0, 8);
    },

    getSyncStatus: (accountId) => withSource(accountId, () => hub.status(accountId)),
    syncNow: async (accountId) => {
      await withSource(accountId, () => hub.syncNow(accountId));
      return null;
    },
  };

  return {
    handlers,
    accounts,
    dispose: async () => {
      await hub.dispose();
      accounts.dispose();
      await demo.close();
    },
  };
}

/** The demo emulator starts with an empty memory: hand it back the grants our vault holds. */
async function restoreDemoGrants(accounts: AccountDirectory, demo: DemoServer): Promise<void> {
  const vault = accounts.vault('demo');
  if (!vault) return;
  for (const entry of vault.entries()) {
    const token = await vault.load(entry.accountId).catch(() => null);
    if (token) await demo.restoreGrant(token.email, token.refreshToken, token.scopes);
  }
}

/** Keeps only a file name a file system will take: no folders, no control characters. */
export function safeFileName(name: string): string {
  // Control characters are exactly what must go, so the regex names them.
  // eslint-disable-next-line no-control-regex
  const base = name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  const cleaned = base.replace(/^\.+/, '').slice(0, 200);
  return cleaned || 'attachment';
}

/** Maps service errors to the IPC contract's codes, with the services' own human messages. */
export function rethrowForIpc(error: unknown): never {
  if (error instanceof IpcFailure) throw error;
  if (error instanceof SignInError) {
    const code = error.code === 'cancelled' ? 'cancelled' : error.code === 'network' ? 'offline' : 'needs_sign_in';
    throw new IpcFailure(code, error.message);
  }
  if (error instanceof AccountError) {
    // keychain_locked travels as an error banner carrying its own unlock instructions, never as needs_reauth.
    const code = error.code === 'keychain_locked' ? 'internal' : error.code;
    throw new IpcFailure(code, error.message);
  }
  if (error instanceof GmailNotFoundError) throw new IpcFailure('not_found', error.message);
  if (error instanceof GmailRateLimitedError) throw new IpcFailure('rate_limited', 'Gmail asked Skimmer to slow down. It will go on by itself in a minute or two.');
  if (error instanceof GmailApiDisabledError) throw new IpcFailure('api_disabled', error.message);
  if (error instanceof GmailDailyQuotaError) throw new IpcFailure('quota_exhausted', error.message);
  if (error instanceof GmailUnavailableError) throw new IpcFailure('offline', 'Gmail could not be reached. Check your connection; Skimmer will keep trying.');
  throw error;
}
