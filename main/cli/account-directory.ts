/**
 * The signed-in accounts as the settings file lists them, read without conf, the keychain or
 * the OAuth client: a search of the cache needs only which account to open, and loading those
 * would be most of the CLI's start-up. Commands that talk to Google open the full CliContext.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ACCOUNTS_STORE_KEY, ACTIVE_ACCOUNT_STORE_KEY, parsePersistedAccount, type PersistedAccount } from '../auth/persisted-account';
import { configureLog } from '../logging/log';
import type { CliContext } from './context';

/** What picking an account needs; AccountService has the same calls. */
export interface AccountDirectory<A extends { id: string; email: string } = { id: string; email: string }> {
  list(): A[];
  findByEmail(email: string): A | undefined;
  getActive(): A | undefined;
}

/**
 * `<dataDir>/settings.json` read the way AccountService.load() reads it (same validation, same
 * choice of the active account); null when the file is missing or unreadable, so the caller
 * falls back to the full context and its usual errors.
 */
export function readAccountDirectory(dataDir: string): AccountDirectory<PersistedAccount> | null {
  let settings: unknown;
  try {
    settings = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  } catch {
    return null;
  }
  if (typeof settings !== 'object' || settings === null) return null;
  const record = settings as Record<string, unknown>;
  const raw = record[ACCOUNTS_STORE_KEY];
  const accounts = (Array.isArray(raw) ? raw : []).flatMap((item) => parsePersistedAccount(item) ?? []);
  const activeId = record[ACTIVE_ACCOUNT_STORE_KEY];
  const active = accounts.find((a) => a.id === activeId) ?? accounts[0];
  return {
    list: () => [...accounts],
    findByEmail: (email) => accounts.find((a) => a.email.toLowerCase() === email.trim().toLowerCase()),
    getActive: () => active,
  };
}

/** What the cache readers (search, stats) open: the account list now, the full context on demand. */
export interface ReaderContext {
  readonly dataDir: string;
  readonly accounts: AccountDirectory;
  /** The keychain and the OAuth client, opened the first time a command must ask Gmail. */
  full(): Promise<CliContext>;
  dispose(): void;
}

export async function openReaderContext(dataDirArg: string, env: NodeJS.ProcessEnv): Promise<ReaderContext> {
  const dataDir = resolve(dataDirArg);
  let full: CliContext | null = null;
  const openFull = async (): Promise<CliContext> => (full ??= await (await import('./context')).openCliContext({ dataDir, env, requireClient: false }));
  const directory = readAccountDirectory(dataDir);
  if (directory) configureLog({ dir: join(dataDir, 'logs') });
  const accounts: AccountDirectory = directory ?? (await openFull()).accounts;
  return { dataDir, accounts, full: openFull, dispose: () => (full as CliContext | null)?.accounts.dispose() };
}
