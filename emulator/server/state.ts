/** Everything one running emulator knows: accounts and their mailboxes, OAuth state, quotas, faults. */
import type { MailboxLike } from './types';
import { OAuthStore } from './oauth/store';
import { IdTokenSigner } from './oauth/jwt';
import { QuotaTracker } from './quota';
import { FaultInjector } from './faults';
import { SearchCache } from './gmail/search';

export interface Account {
  email: string;
  name: string;
  mailbox: MailboxLike;
}

export class EmulatorState {
  baseUrl = '';
  readonly accounts = new Map<string, Account>();
  readonly oauth: OAuthStore;
  readonly signer = new IdTokenSigner();
  readonly quota = new QuotaTracker();
  readonly faults = new FaultInjector();
  readonly search = new SearchCache();
  /** Secret used to sign page tokens so garbage tokens are told apart from real ones. */
  readonly pageTokenSecret = Math.random().toString(36).slice(2);

  constructor(opts: { accessTokenTtlSeconds?: number; codeTtlSeconds?: number } = {}) {
    this.oauth = new OAuthStore(opts);
  }

  addAccount(email: string, mailbox: MailboxLike, name?: string): Account {
    const acc: Account = { email, mailbox, name: name ?? displayNameFor(email) };
    this.accounts.set(email.toLowerCase(), acc);
    return acc;
  }

  account(email: string): Account | undefined {
    return this.accounts.get(email.toLowerCase());
  }

  get issuer(): string {
    return this.baseUrl;
  }
}

export function displayNameFor(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
