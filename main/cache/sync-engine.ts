/**
 * Keeps one account's cache in step with Gmail.
 *
 * Initial sync: `getProfile().historyId` is taken before listing (google-apis.md §3.6),
 * then `messages.list` pages newest first; each page's details come through the batch
 * endpoint and the page is written in one transaction together with the next page token,
 * so a killed process resumes at the page it was on and never fetches a stored message
 * twice. Messages carry the sync "generation" that confirmed them: a full resync (history
 * too old) re-lists everything under a new generation, refreshes the labels of messages it
 * already has with `format=minimal`, fetches the rest in full, and finally drops whatever
 * the server no longer listed.
 *
 * Incremental sync: `history.list` from the stored historyId; additions are fetched,
 * deletions dropped, label changes applied; all in one transaction with the new historyId.
 *
 * How each page's details are fetched at the fewest units: sync-plan.ts.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { TypedEmitter } from '../../common/typed-emitter';
import { HistoryTooOldError } from '../gmail/gmail-failures';
import { KEY_HISTORY, KEY_INITIAL, initialSyncProgress, type InitialState } from './sync-progress';
import type { MailStore } from './mail-store';
import { foldHistory } from './history-changes';
import type { SyncApi, SyncEngineOptions, SyncEvents, SyncPhase, SyncProgress, SyncResult } from './sync-types';
import { log } from '../logging/log';
import { compactCache } from './compaction';

export type { SyncApi, SyncEngineOptions, SyncPhase, SyncProgress, SyncResult } from './sync-types';
import { isInvalidPageToken, messagePath, planFetch, sortOldestFirst, threadPath } from './sync-plan';

const KEY_GENERATION = 'generation';

/** stop() was called while an initial sync was running; it resumes at the next start. */
export class SyncStoppedError extends Error {
  constructor() {
    super('Sync stopped; it resumes where it left off.');
    this.name = 'SyncStoppedError';
  }
}

export class SyncEngine extends TypedEmitter<SyncEvents> {
  private readonly store: MailStore;
  private readonly api: SyncApi;
  private readonly pageSize: number;
  private readonly firstPageSize: number;
  private readonly clock: () => number;
  private running: Promise<SyncResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private lastProgress: SyncProgress;

  constructor(private readonly options: SyncEngineOptions) {
    super();
    this.store = options.store;
    this.api = options.api;
    this.pageSize = options.pageSize ?? 100;
    this.firstPageSize = options.firstPageSize ?? 50;
    this.clock = options.clock ?? Date.now;
    this.lastProgress = { phase: 'idle', cachedMessages: this.store.messageCount(), totalMessages: 0, etaSeconds: null };
  }

  /** Subscribe to progress; returns the unsubscribe function. */
  onProgress(listener: (p: SyncProgress) => void): () => void {
    return this.on('progress', listener);
  }

  get progress(): SyncProgress {
    return this.lastProgress;
  }

  /** True once the initial sync has finished at least once (the cache answers for the whole mailbox). */
  isInitialSyncDone(): boolean {
    return initialSyncProgress(this.store).done;
  }

  /** Runs a sync now, or joins the one in flight. */
  syncNow(): Promise<SyncResult> {
    if (!this.running) {
      this.stopped = false;
      this.running = this.runOnce().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  /** Syncs now and then every `intervalMs` (default: the option, else 60 s). */
  start(intervalMs = this.options.intervalMs ?? 60_000): void {
    if (this.timer) return;
    const tick = () => {
      this.syncNow().catch(() => undefined);
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref?.();
  }

  /** Stops the timer and waits for a sync in flight to reach its next page boundary. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async runOnce(): Promise<SyncResult> {
    let release: (() => void) | null = null;
    try {
      release = this.options.acquireLock?.() ?? null;
      const result = await this.runSync();
      this.emitProgress('idle', this.lastProgress.totalMessages, null);
      this.emit('synced', result);
      return result;
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      if (err instanceof SyncStoppedError) {
        this.emitProgress('idle', this.lastProgress.totalMessages, null);
        throw err;
      }
      this.emitProgress(err.name === 'SyncLockedError' ? 'idle' : 'error', this.lastProgress.totalMessages, null);
      this.emit('error', err);
      throw err;
    } finally {
      release?.();
    }
  }

  private async runSync(): Promise<SyncResult> {
    const historyId = this.store.getState<string>(KEY_HISTORY);
    const initial = this.store.getState<InitialState>(KEY_INITIAL);
    try {
      if (initial || historyId === undefined) return await this.runInitial(false);
      return await this.runIncremental(historyId);
    } catch (error) {
      // Also when the catch-up after a long initial sync finds its start already expired.
      if (!(error instanceof HistoryTooOldError)) throw error;
      return this.runInitial(true);
    }
  }

  private emitProgress(phase: SyncPhase, total: number, etaSeconds: number | null): void {
    const cached = this.store.messageCount();
    this.lastProgress = { phase, cachedMessages: cached, totalMessages: Math.max(total, cached), etaSeconds };
    this.emit('progress', this.lastProgress);
  }

  private async refreshLabels(): Promise<void> {
    const { labels = [] } = await this.api.listLabels();
    this.store.replaceLabels(labels);
  }

  private async runInitial(resync: boolean): Promise<SyncResult> {
    let state = this.store.getState<InitialState>(KEY_INITIAL);
    if (!state) {
      const profile = await this.api.profile();
      if (profile.emailAddress) this.store.setMeta('accountEmail', profile.emailAddress);
      const generation = (this.store.getState<number>(KEY_GENERATION) ?? 0) + 1;
      state = { generation, startHistoryId: profile.historyId ?? '', pageToken: null, total: profile.messagesTotal ?? 0, resync, pages: 0 };
      this.store.setState(KEY_INITIAL, state);
    }
    const phase: SyncPhase = state.resync ? 'resync' : 'initial';
    await this.refreshLabels();
    const started = this.clock();
    let fetched = 0;
    let added = 0;
    let relabelled = 0;
    this.emitProgress(phase, state.total, null);
    for (;;) {
      if (this.stopped && state.pages > 0) throw new SyncStoppedError();
      let list: gmail_v1.Schema$ListMessagesResponse;
      try {
        list = await this.api.listMessages({
          includeSpamTrash: true,
          maxResults: state.pages === 0 ? this.firstPageSize : this.pageSize,
          fields: 'messages(id,threadId),nextPageToken',
          ...(state.pageToken ? { pageToken: state.pageToken } : {}),
        });
      } catch (error) {
        if (state.pageToken && isInvalidPageToken(error)) {
          // An expired token: list again from the top; stored pages are skipped, not refetched.
          state = { ...state, pageToken: null };
          continue;
        }
        throw error;
      }
      const refs = (list.messages ?? []).filter((m) => m.id);
      const ids = refs.map((m) => m.id!);
      const known = this.store.generationsOf(ids);
      const { singles, threads } = planFetch(refs.filter((m) => !known.has(m.id!)));
      const minimal = ids.filter((id) => known.has(id) && known.get(id)! < state!.generation);
      const [details, threadDetails] = await Promise.all([
        this.api.batchGet<gmail_v1.Schema$Message>('users.messages.get', [
          ...singles.map((id) => messagePath(id, 'full')),
          ...minimal.map((id) => messagePath(id, 'minimal')),
        ]),
        threads.length
          ? this.api.batchGet<gmail_v1.Schema$Thread>('users.threads.get', threads.map(threadPath))
          : Promise.resolve([] as (gmail_v1.Schema$Thread | null)[]),
      ]);
      const generation = state.generation;
      const next: InitialState = { ...state, pageToken: list.nextPageToken ?? null, pages: state.pages + 1 };
      this.store.transaction(() => {
        const toPut: gmail_v1.Schema$Message[] = [];
        details.forEach((message, i) => {
          if (!message) return; // deleted since it was listed
          if (i < singles.length) toPut.push(message);
          else if (this.store.setMessageLabels(message.id ?? minimal[i - singles.length]!, message.labelIds ?? [], generation)) relabelled++;
        });
        for (const thread of threadDetails) {
          const messages = (thread?.messages ?? []).filter((m) => m.id);
          const current = this.store.generationsOf(messages.map((m) => m.id!));
          for (const message of messages) if (current.get(message.id!) !== generation) toPut.push(message);
        }
        // Oldest first within the page: rowids then grow, and SQLite fills its pages (newest
        // first, each insert lands left of the last and leaves pages half empty: 2.4× the rows).
        for (const message of sortOldestFirst(toPut)) {
          this.store.putMessage(message, generation);
          added++;
        }
        this.store.setState(KEY_INITIAL, next);
      });
      state = next;
      fetched += minimal.length + refs.filter((m) => !known.has(m.id!)).length;
      const elapsed = (this.clock() - started) / 1000;
      const cached = this.store.messageCount();
      const remaining = Math.max(0, state.total - cached);
      this.emitProgress(phase, state.total, fetched > 0 && elapsed > 0 ? Math.round(remaining / (fetched / elapsed)) : null);
      if (state.pages === 1) this.emit('firstPage');
      if (!state.pageToken) break;
    }
    const finished = state;
    let deleted = 0;
    this.store.transaction(() => {
      deleted = this.store.deleteOlderGenerations(finished.generation);
      this.store.setState(KEY_GENERATION, finished.generation);
      this.store.setState(KEY_HISTORY, finished.startHistoryId);
      this.store.setState(KEY_INITIAL, undefined);
    });
    // Off this thread: the lists keep answering from the old snapshot meanwhile. Nothing else
    // writes until it is done; a failure costs only disk space, never the sync.
    await compactCache(this.store.db).then(
      (outcome) => log.info('cache', 'compaction after the initial sync', outcome),
      (error: unknown) => log.warn('cache', 'the compaction after the initial sync failed', error),
    );
    // Whatever changed while we were listing is in the history since the profile was read.
    const catchUp = await this.runIncremental(finished.startHistoryId);
    return {
      kind: finished.resync ? 'resync' : 'initial',
      added: added + catchUp.added,
      deleted: deleted + catchUp.deleted,
      relabelled: relabelled + catchUp.relabelled,
      historyId: catchUp.historyId,
    };
  }

  private async runIncremental(startHistoryId: string): Promise<SyncResult> {
    this.emitProgress('incremental', this.lastProgress.totalMessages, null);
    const records: gmail_v1.Schema$History[] = [];
    let pageToken: string | undefined;
    let latest = startHistoryId;
    do {
      const page = await this.api.listHistory(startHistoryId, pageToken);
      records.push(...(page.history ?? []));
      if (page.historyId) latest = page.historyId;
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    await this.refreshLabels();

    const { toFetch, toDelete, labelOps } = foldHistory(records);
    // A relabelled message we never stored (e.g. it came in between pages): fetch it whole.
    for (const id of labelOps.keys()) {
      if (!this.store.hasMessage(id)) {
        labelOps.delete(id);
        toFetch.add(id);
      }
    }
    const fetchIds = [...toFetch];
    const details = fetchIds.length
      ? await this.api.batchGet<gmail_v1.Schema$Message>(
          'users.messages.get',
          fetchIds.map((id) => messagePath(id, 'full')),
        )
      : [];
    const generation = this.store.getState<number>(KEY_GENERATION) ?? 1;
    let added = 0;
    let deleted = 0;
    let relabelled = 0;
    this.store.transaction(() => {
      for (const id of toDelete) if (this.store.deleteMessage(id)) deleted++;
      details.forEach((message) => {
        if (!message) return;
        this.store.putMessage(message, generation);
        added++;
      });
      for (const [id, ops] of labelOps) {
        const current = this.store.labelsOf(id);
        if (!current) continue;
        const nextLabels = [...current.filter((l) => !ops.remove.has(l)), ...[...ops.add].filter((l) => !current.includes(l))];
        this.store.setMessageLabels(id, nextLabels);
        relabelled++;
      }
      this.store.setState(KEY_HISTORY, latest);
    });
    return { kind: 'incremental', added, deleted, relabelled, historyId: latest };
  }
}
