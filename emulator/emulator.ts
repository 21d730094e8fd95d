/**
^ * The emulator as a library: `startEmulatorServer(options, hooks)` loads the mailboxes, starts the HTTP server
 * on 127.0.0.1 and returns the same info the CLI prints, plus `close()` and direct access.
 */
import { existsSync } from 'node:fs';
import { loadMailbox, type Mailbox } from './mailbox';
import { DEMO_EMAIL, DEMO_MAILBOX_PATH } from './demo';
import { EmulatorState } from './server/state';
import { createRouter, type HookHandler } from './server/router';
import { listen } from './server/server';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type ClientRegistration } from './server/oauth/store';
import { addMessage, clientInfo } from './server/admin';
import type { QuotaSettings, QuotaUsage } from './server/quota';
import type { FaultSettings } from './server/faults';

export type { QuotaProfile, QuotaSettings, QuotaUsage } from './server/quota';
export type { FaultSettings } from './server/faults';
export type { ClientRegistration } from './server/oauth/store';

export const DEMO_ACCOUNT = DEMO_EMAIL;
export const DEFAULT_ACCOUNT = 'user@skimmer.example';

export interface AccountOptions {
  email: string;
  /** .eml files, mbox files, Maildirs or folders of them. Empty = an empty mailbox. */
  mail: string[];
  /** Display name (consent page, userinfo, ID token). Defaults to one derived from the address. */
  name?: string;
}

export interface StartEmulatorOptions {
  /** 0 (default) = any free port. Always bound to 127.0.0.1. */
  port?: number;
  /** Mail for the single default account (ignored when `accounts` is given). Default: the demo mailbox. */
  mail?: string[];
  /** Address of the single default account. */
  account?: string;
  /** Several accounts, each with its own mailbox. */
  accounts?: AccountOptions[];
  /** The default Desktop ("installed") client's credentials. */
  clientId?: string;
  clientSecret?: string;
  /** More OAuth clients (e.g. a "web" one with exact redirect URIs). */
  clients?: ClientRegistration[];
  accessTokenTtlSeconds?: number;
  codeTtlSeconds?: number;
  /** Per-user quota applied to every account (change later with setQuota or the hook). */
  quota?: QuotaSettings;
  faults?: FaultSettings;
  /** One line per request, for debugging. */
  log?: (line: string) => void;
  onWarning?: (message: string) => void;
}

export interface EmulatorEndpoints {
  oauth2AuthBaseUrl: string;
  oauth2TokenUrl: string;
  oauth2RevokeUrl: string;
  tokenInfoUrl: string;
  oauth2FederatedSignonPemCertsUrl: string;
  oauth2FederatedSignonJwkCertsUrl: string;
}

export interface EmulatorInfo {
  baseUrl: string;
  authUri: string;
  tokenUri: string;
  revokeUri: string;
  userinfoUri: string;
  oidcUserinfoUri: string;
  tokeninfoUri: string;
  certsUri: string;
  gmailRootUrl: string;
  batchUri: string;
  hooksUrl: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  clientType: 'installed';
  accounts: string[];
  /** Ready to pass as OAuth2Client's `endpoints` option. */
  endpoints: EmulatorEndpoints;
}

export interface EmulatorHandle extends EmulatorInfo {
  info: EmulatorInfo;
  close(): Promise<void>;
  /** The live mailbox of an account (default: the first one). */
  mailbox(email?: string): Mailbox;
  registerClient(reg: ClientRegistration): { clientId: string; clientSecret: string; type: string; redirectUris: string[] };
  addMessage(email: string, raw: Buffer | string, opts?: { labelIds?: string[]; internalDate?: number }): { id: string; threadId: string };
  revokeTokens(email?: string): number;
  expireAccessTokens(email?: string): number;
  setQuota(settings: QuotaSettings, email?: string): void;
  quotaUsage(email: string): QuotaUsage;
  resetQuotaUsage(email?: string): void;
  setFaults(settings: FaultSettings, email?: string): void;
  clearFaults(): void;
  /**
   * Accepts a refresh token this emulator issued in an earlier run (its memory is per run).
   * The app's demo mode calls it with the token from its vault, so a demo account comes
   * back signed in after a restart as a Google account does. False when it can't apply.
   */
  restoreGrant(email: string, refreshToken: string, scopes: string[]): boolean;
  /** The whole server state, for tests that need to reach further. */
  state: EmulatorState;
}

/** The demo mailbox (emulator/demo), when its mail file exists. */
export function demoMailboxPath(): string | undefined {
  return existsSync(DEMO_MAILBOX_PATH) ? DEMO_MAILBOX_PATH : undefined;
}

async function resolveAccounts(opts: StartEmulatorOptions): Promise<AccountOptions[]> {
  if (opts.accounts?.length) return opts.accounts;
  if (opts.mail?.length) return [{ email: opts.account ?? DEFAULT_ACCOUNT, mail: opts.mail }];
  const demo = demoMailboxPath();
  return [{ email: opts.account ?? DEMO_ACCOUNT, mail: demo ? [demo] : [] }];
}

/** Starts an emulator; `hooks` routes /__emulator/* (emulator/index.ts passes them, emulator/shipped.ts does not). */
export async function startEmulatorServer(opts: StartEmulatorOptions, hooks: HookHandler | null): Promise<EmulatorHandle> {
  const state = new EmulatorState({ accessTokenTtlSeconds: opts.accessTokenTtlSeconds, codeTtlSeconds: opts.codeTtlSeconds });
  const accounts = await resolveAccounts(opts);
  const seen = new Set<string>();
  for (const a of accounts) {
    if (seen.has(a.email.toLowerCase())) throw new Error(`Account listed twice: ${a.email}`);
    seen.add(a.email.toLowerCase());
    const mailbox = await loadMailbox({ email: a.email, paths: a.mail, ...(opts.onWarning ? { onWarning: opts.onWarning } : {}) });
    state.addAccount(a.email, mailbox, a.name);
  }
  const defaultClient = state.oauth.registerClient({
    type: 'installed',
    clientId: opts.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: opts.clientSecret ?? DEFAULT_CLIENT_SECRET,
    name: 'Skimmer',
  });
  for (const c of opts.clients ?? []) state.oauth.registerClient(c);
  if (opts.quota) state.quota.setDefault(opts.quota);
  if (opts.faults) state.faults.set(undefined, opts.faults);

  const holder: { info?: EmulatorInfo } = {};
  const router = createRouter(state, () => ({ ...(holder.info ?? {}) }), hooks);
  const http = await listen(router, { port: opts.port ?? 0, ...(opts.log ? { log: opts.log } : {}) });
  const baseUrl = `http://127.0.0.1:${http.port}`;
  state.baseUrl = baseUrl;
  const sweep = setInterval(() => state.oauth.sweep(), 60_000);
  sweep.unref();

  const info: EmulatorInfo = {
    baseUrl,
    authUri: `${baseUrl}/o/oauth2/v2/auth`,
    tokenUri: `${baseUrl}/token`,
    revokeUri: `${baseUrl}/revoke`,
    userinfoUri: `${baseUrl}/oauth2/v2/userinfo`,
    oidcUserinfoUri: `${baseUrl}/v1/userinfo`,
    tokeninfoUri: `${baseUrl}/tokeninfo`,
    certsUri: `${baseUrl}/oauth2/v3/certs`,
    gmailRootUrl: `${baseUrl}/`,
    batchUri: `${baseUrl}/batch/gmail/v1`,
    hooksUrl: `${baseUrl}/__emulator`,
    issuer: state.issuer,
    clientId: defaultClient.clientId,
    clientSecret: defaultClient.clientSecret,
    clientType: 'installed',
    accounts: [...state.accounts.values()].map((a) => a.email),
    endpoints: {
      oauth2AuthBaseUrl: `${baseUrl}/o/oauth2/v2/auth`,
      oauth2TokenUrl: `${baseUrl}/token`,
      oauth2RevokeUrl: `${baseUrl}/revoke`,
      tokenInfoUrl: `${baseUrl}/tokeninfo`,
      oauth2FederatedSignonPemCertsUrl: `${baseUrl}/oauth2/v1/certs`,
      oauth2FederatedSignonJwkCertsUrl: `${baseUrl}/oauth2/v3/certs`,
    },
  };
  holder.info = info;
  const frozen = info;
  const firstEmail = frozen.accounts[0]!;

  return {
    ...frozen,
    info: frozen,
    state,
    close: async () => {
      clearInterval(sweep);
      await http.close();
    },
    mailbox: (email = firstEmail) => {
      const a = state.account(email);
      if (!a) throw new Error(`No such account: ${email}`);
      return a.mailbox as Mailbox;
    },
    registerClient: (reg) => clientInfo(state.oauth.registerClient(reg)) as ReturnType<EmulatorHandle['registerClient']>,
    addMessage: (email, raw, o = {}) => {
      const m = addMessage(state, email, { raw: typeof raw === 'string' ? Buffer.from(raw) : raw, ...o });
      return { id: m.id, threadId: m.threadId };
    },
    revokeTokens: (email) => state.oauth.revokeAll(email),
    expireAccessTokens: (email) => state.oauth.expireAccessTokens(email ? { email } : {}),
    setQuota: (s, email) => state.quota.set(email, s),
    quotaUsage: (email) => state.quota.usage(email),
    resetQuotaUsage: (email) => state.quota.resetUsage(email),
    setFaults: (s, email) => state.faults.set(email, s),
    clearFaults: () => state.faults.clear(),
    restoreGrant: (email, refreshToken, scopes) => {
      if (!state.account(email) || !refreshToken.startsWith('1//emu-') || state.oauth.refreshTokens.has(refreshToken)) return false;
      const grant = state.oauth.upsertGrant(defaultClient.clientId, email, scopes);
      grant.refreshIssued = true;
      state.oauth.refreshTokens.set(refreshToken, { token: refreshToken, clientId: defaultClient.clientId, email, scopes, revoked: false });
      return true;
    },
  };
}
