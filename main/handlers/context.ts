/**
 * What every handler group is built from: the services the composition root
 * (main/app-services.ts) wires together, and the few helpers more than one group needs.
 */
import type { AppInfo, AuthStatus } from '../../common/ipc';
import { IpcFailure } from '../../common/ipc';
import type { PlatformHooks } from '../app-services';
import type { OAuthClientConfig } from '../auth/client-config';
import type { MailSource } from '../gmail/gmail-mail-source';
import type { RequestHandlers } from '../ipc/router';
import type { KeyValueStore } from '../settings/settings-store';
import type { AccountDirectory } from '../services/account-directory';
import type { AccountMailHub } from '../services/account-mail';
import type { DemoServer } from '../services/demo-server';
import type { LocaleHooks } from '../services/locale-settings';
import type { SendersSeen } from './senders-seen';

export interface HandlerContext {
  readonly appInfo: AppInfo;
  /** The app's data folder (attachments opened with the system go under `opened/`). */
  readonly dataDir: string;
  readonly platform: PlatformHooks;
  readonly settings: KeyValueStore;
  readonly accounts: AccountDirectory;
  readonly hub: AccountMailHub;
  readonly demo: DemoServer;
  readonly sendersSeen: SendersSeen;
  /** The Google OAuth client in use: the environment's, else the imported one, else none. */
  googleConfig(): OAuthClientConfig | null;
  authStatus(): AuthStatus;
  /** Runs `run` on the account's mail source (cache or Gmail); a damaged cache is refilled once. */
  withSource<T>(accountId: string, run: (source: MailSource) => Promise<T>): Promise<T>;
  /** The OS locale and the hook for a new choice (the app); absent in the CLI and some tests. */
  readonly locale?: LocaleHooks;
}

/** A group of handlers for one domain: the channels it names, built from the context. */
export type HandlerGroup<N extends keyof RequestHandlers> = (context: HandlerContext) => Pick<RequestHandlers, N>;

export function notSignedInHere(): IpcFailure {
  return new IpcFailure('not_found', 'That account is not signed in here.');
}
