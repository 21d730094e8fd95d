/**
 * Schema 2: sync progress in its own table (one JSON value per key) instead of `meta`,
 * and an index for sender autocomplete by folded name or address prefix.
 */
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'sync-state',
  up: `
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO sync_state (key, value) SELECT substr(key, 6), value FROM meta WHERE key LIKE 'sync.%';
    DELETE FROM meta WHERE key LIKE 'sync.%';
    CREATE INDEX senders_folded ON senders (folded);
  `,
};
