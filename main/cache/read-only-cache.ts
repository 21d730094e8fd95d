/**
 * A cache opened only to read (the CLI's search and stats beside another process's sync):
 * the file, its store and the MailSource over it, and nothing that talks to Google, so a
 * reader never loads the Gmail client.
 */
import { CacheMailSource } from './cache-mail-source';
import { cacheFileFor, closeCacheDatabase, openCacheReader, type SqlDatabase } from './database';
import { MailStore } from './mail-store';

export interface CacheReader {
  readonly file: string;
  readonly db: SqlDatabase;
  readonly store: MailStore;
  readonly source: CacheMailSource;
  close(): Promise<void>;
}

export interface OpenCacheReaderOptions {
  readonly dataDir: string;
  readonly accountId: string;
  readonly onRecovered?: (info: { movedTo: string; reason: string }) => void;
}

export function openReadOnlyCache(options: OpenCacheReaderOptions): CacheReader {
  const file = cacheFileFor(options.dataDir, options.accountId);
  const db = openCacheReader(file, options.onRecovered ? { onRecovered: options.onRecovered } : {});
  const store = new MailStore(db);
  return {
    file,
    db,
    store,
    source: new CacheMailSource({ store }),
    close: async () => closeCacheDatabase(db),
  };
}
