/**
 * Where each account's mail comes from: its offline cache once the newest page is in it,
 * the Gmail API until then. One sync engine per signed-in account keeps the cache current
 * (initial sync newest first, then history on a timer) and reports progress to the UI.
 */
import type { SyncStatus } from '../../common/ipc';
import { deleteCacheFiles, discardCacheFile, isCorruptionError, openAccountCache, type AccountCache, type SyncProgress } from '../cache';
import { GmailApi, GmailApiDisabledError, GmailDailyQuotaError, GmailRateLimitedError } from '../gmail/gmail-api';
import { GmailMailSource, type MailSource } from '../gmail/gmail-mail-source';
import { MergedMailSource } from './merged-mail-source';
import { vocabularyFor } from '../cache/vocabulary';
import { pacerFor } from '../gmail/adaptive-pacer';
import { RepeatingTask, type IntervalTimers } from './repeating-task';
import type { OAuth2Client } from 'google-auth-library';
import { t } from '../i18n/translate';

export interface AccountMailOptions {
  readonly dataDir: string;
  /** Authorised client and Gmail root for an account (throws when it can't be had). */
  authorize(accountId: string): Promise<{ auth: OAuth2Client; gmailRootUrl: string; localEmulator?: boolean }>;
  onStatus(status: SyncStatus): void;
  /** A sync brought changes (new mail, label changes, deletions): open lists refresh themselves. */
  onMailChanged?(change: { accountId: string; added: number; deleted: number; relabelled: number }): void;
  /** Incremental sync period at start (setSyncInterval changes it); default 20 s (history.list costs 2 units). */
  readonly syncIntervalMs?: number;
  /** The sync timer's clock (tests fire it themselves); default the system's. */
  readonly timers?: IntervalTimers;
  /** Start syncing when an account's mail is first asked for; default true. */
  readonly autoSync?: boolean;
}

interface AccountMail {
  readonly api: GmailApi;
  readonly apiSource: GmailMailSource;
  readonly merged: MergedMailSource;
  cache: AccountCache;
  status: SyncStatus;
  unsubscribe: () => void;
  /** Runs the sync on the hub's period (null without autoSync). */
  timer: RepeatingTask | null;
  recovering?: Promise<void>;
  /** Said in every status until the next completed sync (a cache set aside and being refilled). */
  notice?: string | null;
}

export class AccountMailHub {
  private readonly accounts = new Map<string, Promise<AccountMail>>();
  private syncIntervalMs: number;

  constructor(private readonly options: AccountMailOptions) {
    this.syncIntervalMs = options.syncIntervalMs ?? 20_000;
  }

  /** A new sync period for every account, from now on (the Settings choice, applied at once). */
  async setSyncInterval(intervalMs: number): Promise<void> {
    this.syncIntervalMs = intervalMs;
    const open = await Promise.all([...this.accounts.values()].map((pending) => pending.catch(() => null)));
    for (const mail of open) mail?.timer?.setPeriod(intervalMs);
  }

  /**
   * The source to read from now: Gmail until the newest page is cached; then Gmail's ids
   * with the cache's rows until the cache holds everything (MergedMailSource); then the cache.
   */
  async source(accountId: string): Promise<MailSource> {
    const mail = await this.open(accountId);
    if (!mail.cache.source.isReady()) return mail.apiSource;
    return mail.cache.sync?.isInitialSyncDone() === false ? mail.merged : mail.cache.source;
  }

  async suggestSenders(accountId: string, prefix: string): Promise<string[]> {
    const mail = await this.open(accountId);
    if (!mail.cache.source.isReady()) return [];
    return mail.cache.source.suggestSenders(prefix).map((s) => (s.name ? `${s.name} <${s.email}>` : s.email));
  }

  /** "Did you mean": the query with its misspelt words corrected from the cache's vocabulary (null: nothing to correct, or no cache yet). */
  async suggestQuery(accountId: string, query: string): Promise<string | null> {
    const mail = await this.open(accountId);
    if (!mail.cache.source.isReady()) return null;
    return vocabularyFor(mail.cache.db, () => mail.cache.store.labelCounts().total).suggest(query);
  }

  async status(accountId: string): Promise<SyncStatus> {
    return (await this.open(accountId)).status;
  }

  /** Runs a sync now (joins one in progress); failures surface through the status. */
  async syncNow(accountId: string): Promise<void> {
    const mail = await this.open(accountId);
    void mail.cache.sync?.syncNow().catch((error: unknown) => this.recoverFromCorruption(accountId, mail, error));
  }

  /** Stops the account's sync and closes its cache; with `deleteFiles`, removes the cache too. */
  async forget(accountId: string, { deleteFiles = false } = {}): Promise<void> {
    const pending = this.accounts.get(accountId);
    this.accounts.delete(accountId);
    if (pending) {
      const mail = await pending.catch(() => null);
      if (mail) {
        mail.timer?.stop();
        mail.unsubscribe();
        await mail.cache.close();
        if (deleteFiles) deleteCacheFiles(mail.cache.file);
      }
    }
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.accounts.keys()].map((id) => this.forget(id)));
  }

  private open(accountId: string): Promise<AccountMail> {
    let pending = this.accounts.get(accountId);
    if (!pending) {
      pending = this.create(accountId);
      this.accounts.set(accountId, pending);
      pending.catch(() => this.accounts.delete(accountId));
    }
    return pending;
  }

  private async create(accountId: string): Promise<AccountMail> {
    const { auth, gmailRootUrl, localEmulator } = await this.options.authorize(accountId);
    // The pacer learns what Google grants this project; the demo's local emulator runs unthrottled.
    const pacer = pacerFor({ localEmulator });
    const api = new GmailApi({ auth, rootUrl: gmailRootUrl, pacer });
    let setAside = false;
    const cache = openAccountCache({
      dataDir: this.options.dataDir,
      accountId,
      api,
      intervalMs: this.syncIntervalMs,
      onRecovered: () => (setAside = true),
    });
    const apiSource = new GmailMailSource(api.foreground());
    const mail: AccountMail = {
      api,
      apiSource,
      merged: new MergedMailSource({
        cache: cache.source,
        gmail: apiSource,
        api: api.foreground(),
        isComplete: () => cache.sync?.isInitialSyncDone() ?? true,
        // The memoised total (kept in step by every write), not a count(*) on every page.
        counts: () => ({ cachedMessages: cache.store.labelCounts().total, totalMessages: cache.sync?.progress.totalMessages || null }),
      }),
      cache,
      status: toStatus(accountId, { phase: 'idle', cachedMessages: cache.store.stats().messages, totalMessages: 0, etaSeconds: null }, null),
      unsubscribe: () => undefined,
      timer: null,
    };
    this.wire(accountId, mail);
    // Found damaged at open and set aside: said once, in the status the person sees.
    if (setAside) {
      mail.notice = cacheSetAsideMessage();
      mail.status = { ...mail.status, message: cacheSetAsideMessage() };
      this.options.onStatus(mail.status);
    }
    const sync = mail.cache.sync;
    if (sync && (this.options.autoSync ?? true)) {
      // The hub's timer, not the engine's own, so a new period applies without a restart;
      // failures reach the status through the engine's 'error' event.
      mail.timer = new RepeatingTask(() => void sync.syncNow().catch(() => undefined), this.syncIntervalMs, this.options.timers);
      mail.timer.start();
    }
    return mail;
  }

  private wire(accountId: string, mail: AccountMail): void {
    const sync = mail.cache.sync;
    if (!sync) return;
    const publish = (status: SyncStatus) => {
      if (mail.notice && status.phase !== 'error' && status.phase !== 'rate_limited') status = { ...status, message: mail.notice };
      mail.status = status;
      this.options.onStatus(status);
    };
    const offProgress = sync.onProgress((p) => {
      // While Gmail holds us back, progress still counts up (probes get through), but the phase stays honest.
      const limited = mail.api.pacer.state();
      const base = toStatus(accountId, p, mail.status.lastSyncedAt);
      publish(limited.kind === 'rate_limited' && p.phase !== 'idle' && p.phase !== 'error' ? rateLimitedStatus(base, limited.resumeAt) : base);
    });
    const offPacer = mail.api.pacer.onState((state) => {
      if (state.kind === 'rate_limited') publish(rateLimitedStatus(mail.status, state.resumeAt));
      else if (mail.status.phase === 'rate_limited') publish(toStatus(accountId, sync.progress, mail.status.lastSyncedAt));
    });
    const offSynced = sync.on('synced', (result) => {
      mail.notice = null;
      publish({
        ...mail.status,
        phase: 'idle',
        etaSeconds: null,
        lastSyncedAt: Date.now(),
        message: null,
        resumeAt: null,
        helpUrl: null,
        cachedMessages: mail.cache.store.stats().messages,
      });
      if (result.added + result.deleted + result.relabelled > 0)
        this.options.onMailChanged?.({ accountId, added: result.added, deleted: result.deleted, relabelled: result.relabelled });
    });
    const offError = sync.on('error', (error) => {
      if (isCorruptionError(error)) void this.recoverFromCorruption(accountId, mail, error);
      publish(errorStatus(mail.status, error));
    });
    mail.unsubscribe = () => {
      offProgress();
      offPacer();
      offSynced();
      offError();
    };
  }

  /**
   * A query that found the cache damaged (SQLITE_CORRUPT): the cache is only a cache, so it
   * is moved aside and refilled, and the person is told once. True when that happened.
   */
  async recoverIfCorrupt(accountId: string, error: unknown): Promise<boolean> {
    if (!isCorruptionError(error)) return false;
    const pending = this.accounts.get(accountId);
    const mail = pending ? await pending.catch(() => null) : null;
    if (!mail) return false;
    await this.recoverFromCorruption(accountId, mail, error);
    return true;
  }

  /** A cache that breaks while running is only a cache: move it aside and fill a new one. */
  private async recoverFromCorruption(accountId: string, mail: AccountMail, error: unknown): Promise<void> {
    if (!isCorruptionError(error)) return;
    if (mail.recovering) return mail.recovering;
    mail.recovering = (async () => {
      const file = mail.cache.file;
      await this.forget(accountId);
      discardCacheFile(file);
      const fresh = await this.open(accountId);
      fresh.notice = cacheSetAsideMessage();
      fresh.status = { ...fresh.status, message: cacheSetAsideMessage() };
      this.options.onStatus(fresh.status);
    })();
    return mail.recovering;
  }
}

/** Said while a damaged cache is refilled (in the active language when it is said). */
export const cacheSetAsideMessage = (): string => t('sync.cacheSetAside');

/** Pacer time (performance.now) to wall-clock ms for the renderer's countdown. */
function wallClock(pacerTime: number): number {
  return Math.round(Date.now() + (pacerTime - performance.now()));
}

export function rateLimitedStatus(status: SyncStatus, resumeAtPacerTime: number): SyncStatus {
  const resumeAt = wallClock(resumeAtPacerTime);
  const seconds = Math.max(1, Math.round((resumeAt - Date.now()) / 1000));
  return { ...status, phase: 'rate_limited', etaSeconds: null, resumeAt, message: t('sync.rateLimitedIn', { seconds }) };
}

/** What a failed sync means for the person, in plain words: never "offline" for a quota refusal. */
export function errorStatus(status: SyncStatus, error: Error): SyncStatus {
  const base = { ...status, etaSeconds: null, resumeAt: null, helpUrl: null };
  if (error instanceof GmailApiDisabledError) return { ...base, phase: 'error', message: t('sync.apiDisabled'), helpUrl: error.consoleUrl };
  if (error instanceof GmailDailyQuotaError) return { ...base, phase: 'error', message: t('sync.quotaExhausted') };
  if (error instanceof GmailRateLimitedError) return { ...base, phase: 'rate_limited', resumeAt: Date.now() + 60_000, message: t('sync.rateLimited') };
  if (error.name === 'SyncLockedError') return { ...base, phase: 'idle', message: t('sync.lockedElsewhere') };
  const offline = error.name === 'GmailUnavailableError' || /reach|network|ECONN|socket/i.test(error.message);
  return { ...base, phase: offline ? 'offline' : 'error', message: offline ? t('sync.offline') : t('sync.paused') };
}

function toStatus(accountId: string, progress: SyncProgress, lastSyncedAt: number | null): SyncStatus {
  const phase = progress.phase === 'resync' ? 'initial' : progress.phase;
  return {
    accountId,
    phase,
    cachedMessages: progress.cachedMessages,
    totalMessages: progress.totalMessages || null,
    etaSeconds: progress.etaSeconds,
    lastSyncedAt,
    message: phase === 'initial' ? t('sync.copying') : null,
  };
}
