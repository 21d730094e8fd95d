/**
 * Schema 4: word variants are looked up instead of indexed twice. `word_variants` files each
 * indexed word under its variant key (word-variants.ts); new rows leave the `*_stems` columns
 * empty and keep each field once (the free-text columns are searched together), so the FTS
 * index is about half its schema-3 size. Rows written by schema 3 keep their postings (the
 * stem columns are simply no longer read) and are found the same way: their `text` column
 * holds every free-text word. The table is filled here from the index's own vocabulary.
 */
import { variantKey } from '../../../common/gmail-query/text';
import type { Migration } from './types';

const FREE_TEXT_COLUMNS = ['text', 'subject', 'addr_from', 'addr_to', 'addr_cc', 'addr_bcc', 'filename'];

export const migration0004: Migration = {
  version: 4,
  name: 'word-variants',
  up: `
    CREATE TABLE word_variants (
      variant_key TEXT NOT NULL,
      term TEXT NOT NULL,
      PRIMARY KEY (variant_key, term)
    ) WITHOUT ROWID;
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
  },
};
