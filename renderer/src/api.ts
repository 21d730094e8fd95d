import type { SkimmerApi } from '../../common/ipc';

declare global {
  interface Window {
    readonly skimmer?: SkimmerApi;
  }
}

/** The preload's API; the renderer reaches main only through this object. */
export function skimmer(): SkimmerApi {
  const api = window.skimmer;
  if (!api) throw new Error('Skimmer bridge is not available: the preload script did not run.');
  return api;
}

type BootReplies = {
  readonly accounts: ReturnType<SkimmerApi['listAccounts']>;
  readonly authStatus: ReturnType<SkimmerApi['getAuthStatus']>;
  readonly locale: ReturnType<SkimmerApi['getLocaleSettings']>;
};

let boot: BootReplies | null = null;

/**
 * The first requests, sent as the script starts (before React mounts) so the first list
 * paint waits on one round trip less. Each reply is handed out once, then fresh calls.
 */
export function startBootRequests(): void {
  const api = window.skimmer;
  if (!api || boot) return;
  boot = { accounts: api.listAccounts(), authStatus: api.getAuthStatus(), locale: api.getLocaleSettings() };
}

export function takeBootReply<K extends keyof BootReplies>(key: K): BootReplies[K] | null {
  const reply = boot?.[key] ?? null;
  if (boot) boot = { ...boot, [key]: null } as unknown as BootReplies;
  return reply;
}
