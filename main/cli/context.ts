import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AccountService } from '../auth/accounts';
import {
  ClientConfigError,
  GOOGLE_ENDPOINTS,
  clientConfigFromEnv,
  loadClientSecretFile,
  loadEmulatorServerFile,
  type OAuthClientConfig,
} from '../auth/client-config';
import { KeyringCipher } from '../secrets/keyring-cipher';
import { openSettingsStore, type KeyValueStore } from '../settings/settings-store';
import { TokenVault } from '../secrets/token-vault';
import { configureLog } from '../logging/log';

/** Settings key where the CLI remembers the OAuth client it signed in with (later commands reuse it). */
export const CLI_CLIENT_STORE_KEY = 'cliClientConfig';

export interface CliContextOptions {
  dataDir: string;
  clientFile?: string;
  serverFile?: string;
  env: NodeJS.ProcessEnv;
  /** Require an OAuth client (sign-in); otherwise a placeholder is used when none is known. */
  requireClient: boolean;
  openExternal?: (url: string) => void | Promise<void>;
  signInTimeoutMs?: number;
  signInPort?: number;
}

export interface CliContext {
  dataDir: string;
  store: KeyValueStore;
  vault: TokenVault;
  accounts: AccountService;
  clientConfig: OAuthClientConfig;
  /** True when the client came from --client/--server/env/the store (not the placeholder). */
  hasClient: boolean;
}

/**
 * Opens the data dir the way the app does, minus Electron: settings in `<dataDir>/settings.json`,
 * tokens sealed by the OS keychain (KeyringCipher). Commands in main/cli/commands/ share this.
 */
export async function openCliContext(options: CliContextOptions): Promise<CliContext> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  configureLog({ dir: join(dataDir, 'logs') });
  const store = openSettingsStore(dataDir);
  let clientConfig: OAuthClientConfig | null;
  if (options.clientFile) clientConfig = await loadClientSecretFile(options.clientFile);
  else if (options.serverFile) clientConfig = await loadEmulatorServerFile(options.serverFile);
  else clientConfig = clientConfigFromEnv(options.env) ?? storedClient(store);
  const hasClient = clientConfig !== null;
  if (!clientConfig) {
    if (options.requireClient) {
      throw new ClientConfigError(
        'No OAuth client: pass --client client_secret.json, or --server FILE for the emulator, or set SKIMMER_CLIENT_ID and SKIMMER_CLIENT_SECRET.',
      );
    }
    clientConfig = { clientId: '', clientSecret: '', ...GOOGLE_ENDPOINTS, kind: 'installed' };
  } else if (options.clientFile || options.serverFile) {
    store.set(CLI_CLIENT_STORE_KEY, clientConfig);
  }
  const vault = await TokenVault.open({ store, ciphers: [new KeyringCipher()] });
  const accounts = await AccountService.open({
    store,
    vault,
    clientConfig,
    openExternal: options.openExternal ?? (() => undefined),
    ...(options.signInTimeoutMs !== undefined ? { signInTimeoutMs: options.signInTimeoutMs } : {}),
    ...(options.signInPort !== undefined ? { signInPort: options.signInPort } : {}),
  });
  return { dataDir, store, vault, accounts, clientConfig, hasClient };
}

function storedClient(store: KeyValueStore): OAuthClientConfig | null {
  const v = store.get(CLI_CLIENT_STORE_KEY) as Partial<OAuthClientConfig> | undefined;
  if (!v || typeof v.clientId !== 'string' || typeof v.clientSecret !== 'string' || typeof v.tokenUri !== 'string') return null;
  return {
    clientId: v.clientId,
    clientSecret: v.clientSecret,
    authUri: v.authUri ?? GOOGLE_ENDPOINTS.authUri,
    tokenUri: v.tokenUri,
    revokeUri: v.revokeUri ?? GOOGLE_ENDPOINTS.revokeUri,
    userinfoUri: v.userinfoUri ?? GOOGLE_ENDPOINTS.userinfoUri,
    gmailRootUrl: v.gmailRootUrl ?? GOOGLE_ENDPOINTS.gmailRootUrl,
    kind: v.kind === 'web' || v.kind === 'demo' ? v.kind : 'installed',
  };
}

/** `--client FILE` / `--server FILE` as openCliContext's options (absent ones left out). */
export function clientFileOptions(values: { client?: string | undefined; server?: string | undefined }): Pick<CliContextOptions, 'clientFile' | 'serverFile'> {
  return { ...(values.client ? { clientFile: values.client } : {}), ...(values.server ? { serverFile: values.server } : {}) };
}

/** Runs `use` on an opened context and always disposes its accounts (timers, listeners) after. */
export async function withCliContext<T>(options: CliContextOptions, use: (ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = await openCliContext(options);
  try {
    return await use(ctx);
  } finally {
    ctx.accounts.dispose();
  }
}
