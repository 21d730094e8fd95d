/**
 * The composition root of main's services, in plain Node: sign-in and accounts, the
 * Gmail API client, the local cache, and the IPC handlers over them (main/handlers/, by domain). Electron
 * passes its dialogs, shell and safeStorage in through PlatformHooks; the e2e harness
 * and the tests pass their own, so every handler runs for real outside Electron.
 */
import { mkdir } from 'node:fs/promises';
import { retryWhileBusy } from './cache/database';
import type { AppInfo, AuthStatus, EventName, EventPayload } from '../common/ipc';
import { clientConfigFromEnv, NO_CLIENT_HELP, parseClientSecretJson, type OAuthClientConfig } from './auth/client-config';
import type { MailSource } from './gmail/gmail-mail-source';
import { GOOGLE_CLIENT_KEY } from './handlers/accounts';
import { notSignedInHere } from './handlers/context';
import { createHandlers } from './handlers/index';
import { SendersSeen } from './handlers/senders-seen';
import type { RequestHandlers } from './ipc/router';
import type { Cipher } from './secrets/cipher';
import { openSettingsStore } from './settings/settings-store';
import { checkIntervalMs, loadViewSettings } from './handlers/view-settings';
import type { FileOpener } from './handlers/attachments';
import { AccountDirectory } from './services/account-directory';
import { AccountMailHub } from './services/account-mail';
import { DemoServer } from './services/demo-server';
import { configureLog, log } from './logging/log';
import type { LocaleHooks } from './services/locale-settings';
import type { IntervalTimers } from './services/repeating-task';

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
  /** Incremental sync period at start (default: the "check for new mail" setting, whose changes then apply at once). */
  readonly syncIntervalMs?: number;
  /** The sync timer's clock (tests fire it themselves); default the system's. */
  readonly timers?: IntervalTimers;
  /** Sync each account's cache in the background (default true). */
  readonly autoSync?: boolean;
  /** Where main's log goes (the app passes app.getPath('logs')); none = the log stays as configured. */
  readonly logDir?: string;
  /** The locale main chose (app.getLocale()) and how to tell it a new choice. */
  readonly locale?: LocaleHooks;
}

export interface AppServices {
  readonly handlers: RequestHandlers;
  readonly accounts: AccountDirectory;
  dispose(): Promise<void>;
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  if (options.logDir) configureLog({ dir: options.logDir });
  const settings = openSettingsStore(options.dataDir, 'settings');
  const demo = options.demo ?? new DemoServer();
  const sendersSeen = new SendersSeen();
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
      sendersSeen.forget(accountId);
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
    } catch (error) {
      log.warn('settings', 'the stored Google client could not be read', error);
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
    syncIntervalMs: options.syncIntervalMs ?? checkIntervalMs(loadViewSettings(settings)),
    autoSync: options.autoSync ?? true,
    ...(options.timers ? { timers: options.timers } : {}),
    authorize: async (accountId) => {
      const service = accounts.serviceFor(accountId);
      if (!service) throw notSignedInHere();
      const auth = await service.getAuthorizedClient(accountId);
      // The demo's Gmail is our own emulator on this machine: no quota to learn, start at full speed.
      return { auth, gmailRootUrl: service.clientConfig.gmailRootUrl, localEmulator: service === accounts.realm('demo') };
    },
    onStatus: (status) => options.platform.emit('syncProgress', status),
    onMailChanged: (change) => options.platform.emit('mailChanged', change),
  });
  mailHub = hub;

  async function withSource<T>(accountId: string, run: (source: MailSource) => Promise<T>): Promise<T> {
    if (!accounts.serviceFor(accountId)) throw notSignedInHere();
    try {
      // A lock held by another process's sync past the busy timeout: wait it out a little more.
      return await retryWhileBusy(async () => run(await hub.source(accountId)));
    } catch (error) {
      // A damaged cache is set aside and refilled (the status says so once); this answer
      // then comes from Gmail, so the person never sees a SQLite message.
      if (await hub.recoverIfCorrupt(accountId, error)) return run(await hub.source(accountId));
      throw error;
    }
  }

  const { appInfo, platform } = options;
  const { dataDir } = options;
  const context = { appInfo, dataDir, platform, settings, accounts, hub, demo, sendersSeen, googleConfig, authStatus, withSource, locale: options.locale };
  const handlers = createHandlers(context);

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
    const token = await vault.load(entry.accountId).catch((error: unknown) => {
      log.warn('demo', 'a demo sign-in could not be restored', { accountId: entry.accountId, error });
      return null;
    });
    if (token) await demo.restoreGrant(token.email, token.refreshToken, token.scopes);
  }
}
