/**
 * The accounts this service knows and their states: the list, the active one, what is
 * persisted (the account list in the settings store; tokens stay in the vault).
 */
import { TypedEmitter } from '../../common/typed-emitter';
import { log } from '../logging/log';
import { VaultReadError } from '../secrets/token-vault';
import { AccountError, initialsOf, type Account, type AccountEvents, type AccountServiceOptions, type AccountState } from './account-types';
import { ACCOUNTS_STORE_KEY, ACTIVE_ACCOUNT_STORE_KEY, parsePersistedAccount, type PersistedAccount } from './persisted-account';
import type { ManagedOAuth2Client } from './managed-client';

export interface Live {
  meta: PersistedAccount;
  state: AccountState;
  client: ManagedOAuth2Client | null;
  /** A getAuthorizedClient() in flight (so concurrent callers share one client). */
  clientPromise: Promise<ManagedOAuth2Client> | null;
}

export abstract class AccountRegistry extends TypedEmitter<AccountEvents> {
  protected readonly accounts = new Map<string, Live>();
  protected active: string | null = null;

  protected constructor(protected readonly options: AccountServiceOptions) {
    super();
  }

  list(): Account[] {
    return [...this.accounts.values()].map(toAccount);
  }

  get(accountId: string): Account | undefined {
    const live = this.accounts.get(accountId);
    return live ? toAccount(live) : undefined;
  }

  findByEmail(email: string): Account | undefined {
    const e = email.trim().toLowerCase();
    return this.list().find((a) => a.email.toLowerCase() === e);
  }

  get activeAccountId(): string | null {
    return this.active;
  }

  getActive(): Account | undefined {
    return this.active ? this.get(this.active) : undefined;
  }

  setActive(accountId: string): void {
    if (!this.accounts.has(accountId)) throw new AccountError('not_found', 'No such account.', accountId);
    if (this.active === accountId) return;
    this.active = accountId;
    this.options.store.set(ACTIVE_ACCOUNT_STORE_KEY, accountId);
    this.emit('active', accountId);
    this.emitChanged();
  }

  protected async load(): Promise<void> {
    const raw = this.options.store.get(ACCOUNTS_STORE_KEY);
    const list = Array.isArray(raw) ? raw : [];
    for (const item of list) {
      const meta = parsePersistedAccount(item);
      if (!meta) continue;
      let state: AccountState;
      if (meta.needsReauth) state = 'needs_reauth';
      else {
        try {
          state = (await this.options.vault.load(meta.id)) ? 'signed_in' : 'signed_out';
        } catch (e) {
          log.warn('accounts', 'a stored sign-in could not be opened at start-up', { accountId: meta.id, error: e });
          // A locked keychain at start-up is not a lost sign-in: the envelope is still on disk.
          state = e instanceof VaultReadError && e.locked ? 'signed_in' : 'needs_reauth';
        }
      }
      this.accounts.set(meta.id, { meta, state, client: null, clientPromise: null });
    }
    const active = this.options.store.get(ACTIVE_ACCOUNT_STORE_KEY);
    this.active = typeof active === 'string' && this.accounts.has(active) ? active : (this.accounts.keys().next().value ?? null);
  }

  protected markNeedsReauth(accountId: string): void {
    const live = this.accounts.get(accountId);
    if (!live) return;
    live.client?.setCredentials({});
    live.client = null;
    live.meta = { ...live.meta, needsReauth: true };
    this.persist();
    this.setState(accountId, 'needs_reauth');
  }

  protected setState(accountId: string, state: AccountState): void {
    const live = this.accounts.get(accountId);
    if (!live || live.state === state) return;
    const previous = live.state;
    live.state = state;
    if (state !== 'needs_reauth' && live.meta.needsReauth) {
      live.meta = { ...live.meta, needsReauth: false };
      this.persist();
    }
    this.emit('state', { accountId, state, previous });
    this.emitChanged();
  }

  protected persist(): void {
    this.options.store.set(
      ACCOUNTS_STORE_KEY,
      [...this.accounts.values()].map((l) => l.meta),
    );
  }

  protected emitChanged(): void {
    this.emit('changed', this.list());
  }
}

function toAccount(live: Live): Account {
  return {
    id: live.meta.id,
    email: live.meta.email,
    name: live.meta.name,
    ...(live.meta.avatarUrl ? { avatarUrl: live.meta.avatarUrl } : {}),
    initials: initialsOf(live.meta.name, live.meta.email),
    state: live.state,
  };
}
