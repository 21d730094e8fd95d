/**
 * Schema 4, a smaller index. Word variants are looked up instead of indexed twice:
 * `word_variants` files each indexed word under its variant key (word-variants.ts); new rows leave the `*_stems` columns
 * empty and keep each field once (the free-text columns are searched together), so the FTS
 * index is about half its schema-3 size. Rows written by schema 3 keep their postings (the
 * stem columns are simply no longer read) and are found the same way: their `text` column
 * holds every free-text word. The table is filled here from the index's own vocabulary.
 *
 * `message_addresses` becomes a WITHOUT ROWID table keyed by message first: that key is
 * what a message's delete needs, so the separate per-message index (and the rowid column)
 * go; a whole-address search still has its (address, field) index, which now carries the
 * message rowid itself. A message naming one address twice in one field keeps one row.
 *
 * A new cache's rowids count days, not milliseconds (rowid-order.ts: FTS5's postings are
 * rowid gaps, about a quarter smaller so); a cache that has rows keeps its numbering.
 *
 * `body_dictionaries` holds the preset dictionaries stored messages are deflated against
 * from now on (body-dictionaries.ts); rows stored before keep their plain deflate.
 */
import { variantKey } from '../../../common/gmail-query/text';
import type { Migration } from './types';

/** message-record.ts's FREE_TEXT_COLUMNS as of schema 4 (a migration must not change with later code). */
const FREE_TEXT_COLUMNS = ['text', 'subject', 'addr_from', 'addr_to', 'addr_cc', 'addr_bcc', 'filename'];

export const migration0004: Migration = {
  version: 4,
  name: 'compact-index',
  vacuum: true,
  up: `
    CREATE TABLE word_variants (
      variant_key TEXT NOT NULL,
      term TEXT NOT NULL,
      PRIMARY KEY (variant_key, term)
    ) WITHOUT ROWID;

    CREATE TABLE message_addresses_by_message (
      message_rowid INTEGER NOT NULL,
      field TEXT NOT NULL,
      address_norm TEXT NOT NULL,
      PRIMARY KEY (message_rowid, field, address_norm)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO message_addresses_by_message (message_rowid, field, address_norm)
      SELECT message_rowid, field, address_norm FROM message_addresses ORDER BY message_rowid;
    DROP TABLE message_addresses;
    ALTER TABLE message_addresses_by_message RENAME TO message_addresses;
    CREATE INDEX message_addresses_norm ON message_addresses (address_norm, field);

    CREATE TABLE body_dictionaries (id INTEGER PRIMARY KEY, message_count INTEGER NOT NULL, bytes BLOB NOT NULL);
  `,
  fill(db) {
    db.exec("CREATE VIRTUAL TABLE temp.migration_vocabulary USING fts5vocab(main, 'message_fts', 'col')");
    const insert = db.prepare('INSERT OR IGNORE INTO word_variants (variant_key, term) VALUES (?, ?)');
    const terms = db
      .prepare(`SELECT DISTINCT term FROM temp.migration_vocabulary WHERE col IN (${FREE_TEXT_COLUMNS.map(() => '?').join(', ')})`)
      .pluck()
      .all(...FREE_TEXT_COLUMNS) as string[];
    for (const term of terms) {
      const key = variantKey(term);
      if (key !== term) insert.run(key, term);
    }
    db.exec('DROP TABLE temp.migration_vocabulary');
    // A new (empty) cache numbers its rows by day (rowid-order.ts); one with rows keeps its numbering.
    if (!db.prepare('SELECT 1 FROM messages LIMIT 1').get()) db.prepare("INSERT INTO meta (key, value) VALUES ('rowidScheme', 'day')").run();
  },
};
