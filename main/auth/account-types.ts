/** What the account service deals in: accounts, their states and errors, its options. */
import { SkimmerError } from '../../common/errors';
import { t } from '../i18n/translate';
import type { OAuthClientConfig } from './client-config';
import type { IgnoredReason } from './loopback-server';
import type { KeyValueStore } from '../settings/settings-store';
import type { TokenVault } from '../secrets/token-vault';

export type AccountState = 'signed_in' | 'refreshing' | 'needs_reauth' | 'signed_out';

/** What the UI sees of an account (no secret inside: safe for IPC). */
export interface Account {
  id: string;
  email: string;
  name: string;
  avatarUrl?: string;
  initials: string;
  state: AccountState;
}

export type AccountErrorCode = 'not_found' | 'needs_sign_in' | 'needs_reauth' | 'offline' | 'keychain_locked' | 'internal';

/** A locked keychain is not a lost sign-in: say what it is and how to fix it. */
export const keychainLockedMessage = (): string => t('account.keychainLocked');

/** Thrown by getAuthorizedClient() and by requests made through its client. Carries no token. */
export class AccountError extends SkimmerError {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
    readonly accountId?: string,
    /** HTTP status of the failing answer, when there was one. */
    readonly status?: number,
  ) {
    // keychain_locked travels as an error banner carrying its own unlock instructions, never as needs_reauth.
    super(code === 'keychain_locked' ? 'internal' : code, message, { publicMessage: message });
    this.name = 'AccountError';
  }
}

export interface AccountEvents extends Record<string, unknown[]> {
  /** Any change to the list (added, removed, renamed, state, active). */
  changed: [accounts: Account[]];
  state: [change: { accountId: string; state: AccountState; previous: AccountState }];
  active: [accountId: string | null];
  removed: [accountId: string];
}

export interface AccountServiceOptions {
  /** Settings store (conf) for the account list; the vault may share it. */
  store: KeyValueStore;
  vault: TokenVault;
  clientConfig: OAuthClientConfig;
  /** Opens the consent URL in the system browser (Electron's shell.openExternal; the CLI prints it). */
  openExternal: (url: string) => void | Promise<void>;
  /** Called after an account was signed out and its token wiped: delete its cache here. */
  onAccountRemoved?: (accountId: string) => void | Promise<void>;
  /** Sign-in time-out, default 5 minutes. */
  signInTimeoutMs?: number;
  /** Loopback port for sign-in, default 0 (any). */
  signInPort?: number;
  /** Refresh access tokens this long before they expire. Default 5 minutes. */
  eagerRefreshThresholdMillis?: number;
  /** Time limit for the best-effort revoke at sign-out. Default 5 s. */
  revokeTimeoutMs?: number;
}

export interface SignInRequest {
  signal?: AbortSignal;
  onIgnoredRequest?: (reason: IgnoredReason) => void;
}

export interface SignOutResult {
  /** 'revoked' (or already invalid at Google), 'offline' (could not reach Google), 'no_token'. */
  revoke: 'revoked' | 'offline' | 'failed' | 'no_token';
}

export function initialsOf(name: string, email: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const pick = (w: string) => [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '';
  const s = first && !first.includes('@') ? pick(first) + (last ? pick(last) : '') : pick(email);
  return (s || '?').toUpperCase();
}
