/**
 * The offline cache of one account, assembled: the database file under the data dir, the
 * store, the sync engine and the MailSource that answers from the cache.
 *
 *   const cache = openAccountCache({ dataDir, accountId, api: new GmailApi({ auth, rootUrl }) });
 *   const off = cache.sync!.onProgress((p) => send('sync-progress', p));
 *   cache.sync!.start();                   // syncs now, then every intervalMs (default 60 s)
 *   if (cache.source.isReady()) await cache.source.listMessages({ kind: 'query', query: 'from:ana' });
 *   await cache.close();                   // stops the sync at a page boundary, checkpoints, closes
 */
import type { GmailApi } from '../gmail/gmail-api';
import { CacheMailSource } from './cache-mail-source';
import { cacheFileFor, closeCacheDatabase, openCacheDatabase, type SqlDatabase } from './database';
import { openReadOnlyCache } from './read-only-cache';
import { MailStore } from './mail-store';
import { acquireSyncLock } from './sync-lock';
import { SyncEngine, type SyncApi } from './sync-engine';

export { CacheMailSource } from './cache-mail-source';
export { cacheFileFor, deleteCacheFiles, discardCacheFile, isCorruptionError, type SqlDatabase } from './database';
export { MailStore } from './mail-store';
export { SyncEngine, type SyncProgress, type SyncApi } from './sync-engine';

export interface OpenAccountCacheOptions {
  readonly dataDir: string;
  readonly accountId: string;
  /** The account's Gmail client; without it the cache is read-only (offline, no sync). */
  readonly api?: SyncApi & Partial<Pick<GmailApi, 'getAttachment'>>;
  readonly intervalMs?: number;
  readonly onRecovered?: (info: { movedTo: string; reason: string }) => void;
  /** A reader beside another process's sync (CLI stats, search): query_only, never checkpoints. */
  readonly readOnly?: boolean;
}

export interface AccountCache {
  readonly file: string;
  readonly db: SqlDatabase;
  readonly store: MailStore;
  readonly source: CacheMailSource;
  /** null without an api. */
  readonly sync: SyncEngine | null;
  close(): Promise<void>;
}

export function openAccountCache(options: OpenAccountCacheOptions): AccountCache {
  if (options.readOnly && !options.api) return { ...openReadOnlyCache(options), sync: null };
  const file = cacheFileFor(options.dataDir, options.accountId);
  const openOptions = options.onRecovered ? { onRecovered: options.onRecovered } : {};
  const db = openCacheDatabase(file, openOptions);
  const store = new MailStore(db);
  const api = options.api;
  const getAttachment = api?.getAttachment?.bind(api);
  const source = new CacheMailSource({
    store,
    ...(getAttachment
      ? {
          fetchAttachment: async (messageId: string, attachmentId: string) =>
            Buffer.from((await getAttachment(messageId, attachmentId)).data ?? '', 'base64url'),
        }
      : {}),
  });
  // The app and the CLI may both sync one account: only one of them writes at a time.
  const sync = api
    ? new SyncEngine({ store, api, acquireLock: () => acquireSyncLock(file), ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}) })
    : null;
  return {
    file,
    db,
    store,
    source,
    sync,
    close: async () => {
      await sync?.stop();
      closeCacheDatabase(db);
    },
  };
}
