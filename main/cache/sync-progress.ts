/**
 * Where the sync engine keeps its progress in the cache file, and the reading of it. Its own
 * module so a process that only reads the cache (the CLI's search) never loads the Gmail client.
 */
import type { MailStore } from './mail-store';

/** The initial sync's checkpoint: a run resumes from its page token after a crash or quit. */
export interface InitialState {
  generation: number;
  startHistoryId: string;
  pageToken: string | null;
  total: number;
  resync: boolean;
  pages: number;
}

export const KEY_HISTORY = 'historyId';
export const KEY_INITIAL = 'initial';

/**
 * Whether a cache holds the whole mailbox (the initial sync finished), and while it doesn't,
 * how many messages the mailbox had when the sync began.
 */
export function initialSyncProgress(store: MailStore): { done: boolean; total: number | null } {
  const initial = store.getState<InitialState>(KEY_INITIAL);
  return { done: store.getState<string>(KEY_HISTORY) !== undefined && initial === undefined, total: initial?.total ?? null };
}
