/**
 * All of the person's accounts, whichever OAuth client they came from: a Google client
 * (imported client_secret.json or environment) and the demo (the embedded emulator).
 * Each realm is an AccountService with its own settings file and token vault; this class
 * merges them into one list with one active account.
 */
import type { AccountView } from '../../common/ipc';
import type { Account } from '../auth/account-types';
import { AccountService } from '../auth/accounts';
import type { OAuthClientConfig } from '../auth/client-config';
import type { Cipher } from '../secrets/cipher';
import { openSettingsStore, type KeyValueStore } from '../settings/settings-store';
import { TokenVault } from '../secrets/token-vault';

export type RealmName = 'google' | 'demo';

export interface AccountDirectoryOptions {
  readonly dataDir: string;
  readonly settings: KeyValueStore;
  readonly ciphers: Cipher[];
  readonly openExternal: (url: string) => void | Promise<void>;
  readonly onAccountRemoved: (accountId: string) => void | Promise<void>;
  readonly onChanged: (accounts: AccountView[]) => void;
  readonly signInTimeoutMs?: number;
}

const ACTIVE_KEY = 'activeAccountId';

export class AccountDirectory {
  private readonly realms = new Map<RealmName, AccountService>();
  private readonly vaults = new Map<RealmName, TokenVault>();

  constructor(private readonly options: AccountDirectoryOptions) {}

  /** Opens (or re-configures) a realm: its accounts come back signed in, no browser step. */
  async openRealm(name: RealmName, config: OAuthClientConfig): Promise<AccountService> {
    const existing = this.realms.get(name);
    if (existing) {
      existing.setClientConfig(config);
      return existing;
    }
    const store = openSettingsStore(this.options.dataDir, `accounts-${name}`);
    const vault = await TokenVault.open({ store, ciphers: this.options.ciphers });
    this.vaults.set(name, vault);
    const service = await AccountService.open({
      store,
      vault,
      clientConfig: config,
      openExternal: this.options.openExternal,
      onAccountRemoved: this.options.onAccountRemoved,
      ...(this.options.signInTimeoutMs ? { signInTimeoutMs: this.options.signInTimeoutMs } : {}),
    });
    service.on('changed', () => this.options.onChanged(this.list()));
    this.realms.set(name, service);
    return service;
  }

  /** The realm's vault (main process only: it hands out refresh tokens). */
  vault(name: RealmName): TokenVault | undefined {
    return this.vaults.get(name);
  }

  realm(name: RealmName): AccountService | undefined {
    return this.realms.get(name);
  }

  /** The realm that holds an account, or undefined. */
  serviceFor(accountId: string): AccountService | undefined {
    for (const service of this.realms.values()) if (service.get(accountId)) return service;
    return undefined;
  }

  get storageMode(): 'encrypted' | 'memory_only' {
    const services = [...this.realms.values()];
    if (services.length === 0) return this.options.ciphers.length > 0 ? 'encrypted' : 'memory_only';
    return services.every((s) => s.storageMode === 'encrypted') ? 'encrypted' : 'memory_only';
  }

  get activeAccountId(): string | null {
    const stored = this.options.settings.get(ACTIVE_KEY);
    const all = this.allAccounts();
    if (typeof stored === 'string' && all.some((a) => a.id === stored)) return stored;
    return all[0]?.id ?? null;
  }

  setActive(accountId: string): void {
    this.options.settings.set(ACTIVE_KEY, accountId);
    this.options.onChanged(this.list());
  }

  list(): AccountView[] {
    const active = this.activeAccountId;
    return [...this.realms.entries()].flatMap(([name, service]) => service.list().map((account) => toView(account, account.id === active, name === 'demo')));
  }

  dispose(): void {
    for (const service of this.realms.values()) service.dispose();
  }

  private allAccounts(): Account[] {
    return [...this.realms.values()].flatMap((s) => s.list());
  }
}

export function toView(account: Account, active: boolean, demo = false): AccountView {
  return {
    ...(demo ? { demo } : {}),
    id: account.id,
    email: account.email,
    name: account.name,
    initials: account.initials,
    state: account.state,
    active,
  };
}
