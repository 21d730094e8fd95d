/**
 * Where each account's mail comes from: its offline cache once the newest page is in it,
 * the Gmail API until then. One sync engine per signed-in account keeps the cache current
 * (initial sync newest first, then history on a timer) and reports progress to the UI.
 */
import type { SyncStatus } from '../../common/ipc';
import { deleteCacheFiles, discardCacheFile, isCorruptionError, openAccountCache, type AccountCache, type SyncProgress } from '../cache';
import { GmailApi } from '../gmail/gmail-api';
import { GmailMailSource, type MailSource } from '../gmail/gmail-mail-source';
import { GMAIL_USER_UNITS_PER_SECOND, QuotaPacer } from '../gmail/quota';
import type { OAuth2Client } from 'google-auth-library';

const SYNC_UNITS_PER_SECOND = GMAIL_USER_UNITS_PER_SECOND - 5;

export interface AccountMailOptions {
  readonly dataDir: string;
  /** Authorised client and Gmail root for an account (throws when it can't be had). */
  authorize(accountId: string): Promise<{ auth: OAuth2Client; gmailRootUrl: string }>;
  onStatus(status: SyncStatus): void;
  /** Incremental sync period; default 60 s. */
  readonly syncIntervalMs?: number;
  /** Start syncing when an account's mail is first asked for; default true. */
  readonly autoSync?: boolean;
}

interface AccountMail {
  readonly api: GmailApi;
  readonly apiSource: GmailMailSource;
  cache: AccountCache;
  status: SyncStatus;
  unsubscribe: () => void;
}

export class AccountMailHub {
  private readonly accounts = new Map<string, Promise<AccountMail>>();

  constructor(private readonly options: AccountMailOptions) {}

  /** The source to read from now: the cache when it has the newest mail, else the API. */
  async source(accountId: string): Promise<MailSource> {
    const mail = await this.open(accountId);
    return mail.cache.source.isReady() ? mail.cache.source : mail.apiSource;
  }

  async suggestSenders(accountId: string, prefix: string): Promise<string[]> {
    const mail = await this.open(accountId);
    if (!mail.cache.source.isReady()) return [];
    return mail.cache.source.suggestSenders(prefix).map((s) => (s.name ? `${s.name} <${s.email}>` : s.email));
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
    const { auth, gmailRootUrl } = await this.options.authorize(accountId);
    // Just under Gmail's 250 units/s so the pacer never runs into the server's own limit.
    const api = new GmailApi({ auth, rootUrl: gmailRootUrl, pacer: new QuotaPacer({ unitsPerSecond: SYNC_UNITS_PER_SECOND }) });
    const cache = openAccountCache({ dataDir: this.options.dataDir, accountId, api, ...(this.options.syncIntervalMs ? { intervalMs: this.options.syncIntervalMs } : {}) });
    const mail: AccountMail = {
      api,
      apiSource: new GmailMailSource(api),
      cache,
      status: toStatus(accountId, { phase: 'idle', cachedMessages: cache.store.stats().messages, totalMessages: 0, etaSeconds: null }, null),
      unsubscribe: () => undefined,
    };
    this.wire(accountId, mail);
    if (this.options.autoSync ?? true) mail.cache.sync?.start();
    return mail;
  }

  private wire(accountId: string, mail: AccountMail): void {
    const sync = mail.cache.sync;
    if (!sync) return;
    const publish = (status: SyncStatus) => {
      mail.status = status;
      this.options.onStatus(status);
    };
    const offProgress = sync.onProgress((p) => publish(toStatus(accountId, p, mail.status.lastSyncedAt)));
    const offSynced = sync.on('synced', () =>
      publish({ ...mail.status, phase: 'idle', etaSeconds: null, lastSyncedAt: Date.now(), message: null, cachedMessages: mail.cache.store.stats().messages }),
    );
    const offError = sync.on('error', (error) => {
      if (isCorruptionError(error)) void this.recoverFromCorruption(accountId, mail, error);
      const offline = /reach|network|ECONN|socket/i.test(error.message) || error.name === 'GmailUnavailableError';
      publish({ ...mail.status, phase: offline ? 'offline' : 'error', etaSeconds: null, message: offline ? 'Offline: showing cached mail.' : 'Sync paused after an error; it will retry.' });
    });
    mail.unsubscribe = () => {
      offProgress();
      offSynced();
      offError();
    };
  }

  /** A cache that breaks while running is only a cache: move it aside and fill a new one. */
  private async recoverFromCorruption(accountId: string, mail: AccountMail, error: unknown): Promise<void> {
    if (!isCorruptionError(error)) return;
    const file = mail.cache.file;
    await this.forget(accountId);
    discardCacheFile(file);
    await this.open(accountId);
  }
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
    message: phase === 'initial' ? 'Copying your mail for offline search…' : null,
  };
}
