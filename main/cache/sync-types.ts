/** The sync engine's options, events and results (sync-engine.ts). */
import type { GmailApi } from '../gmail/gmail-api';
import type { MailStore } from './mail-store';

export type SyncPhase = 'idle' | 'initial' | 'resync' | 'incremental' | 'error';

export interface SyncProgress {
  readonly phase: SyncPhase;
  readonly cachedMessages: number;
  readonly totalMessages: number;
  /** Seconds left at the current rate, null when unknown. */
  readonly etaSeconds: number | null;
}

export interface SyncResult {
  readonly kind: 'initial' | 'resync' | 'incremental';
  readonly added: number;
  readonly deleted: number;
  readonly relabelled: number;
  readonly historyId: string;
}

export type SyncEvents = {
  progress: [SyncProgress];
  /** A sync ended with an error (the timer keeps going; syncNow() rejects). */
  error: [Error];
  synced: [SyncResult];
  /** The first page (the newest mail) is in the cache. */
  firstPage: [];
};

/** The subset of GmailApi the engine needs (tests may wrap it). */
export type SyncApi = Pick<GmailApi, 'profile' | 'listLabels' | 'listMessages' | 'listHistory' | 'batchGet'>;

export interface SyncEngineOptions {
  readonly store: MailStore;
  readonly api: SyncApi;
  /** Ids per messages.list page after the first (one transaction each). */
  readonly pageSize?: number;
  /** The first page is small so the newest mail shows up fast. */
  readonly firstPageSize?: number;
  /** Run syncNow() every this many ms after start(). */
  readonly intervalMs?: number;
  readonly clock?: () => number;
  /**
   * Takes the cross-process sync lock (one writer per cache); returns its release. Throws
   * SyncLockedError while another process syncs this account.
   */
  readonly acquireLock?: () => () => void;
}
