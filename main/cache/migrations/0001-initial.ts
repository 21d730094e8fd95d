/**
 * Schema 1: messages with the fields Gmail search looks at, labels and their links,
 * addresses for whole-address matches, senders for autocomplete, sync state, and one
 * contentless FTS5 table over pre-tokenised text.
 *
 * The FTS columns hold tokens produced by common/gmail-query/text.ts joined by spaces,
 * with "|" between fields that a phrase must not span (two addresses, two file names).
 * The `ascii` tokenizer keeps every non-ASCII character as a word character and only
 * splits on ASCII punctuation and spaces, so SQLite does no linguistic work of its own:
 * a token in the index is exactly a token of text.ts.
 */
import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE messages (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      thread_id TEXT NOT NULL,
      internal_date INTEGER NOT NULL,
      order_key TEXT NOT NULL,
      history_id TEXT NOT NULL DEFAULT '',
      size_estimate INTEGER NOT NULL,
      subject TEXT NOT NULL,
      from_header TEXT NOT NULL,
      to_header TEXT NOT NULL,
      cc_header TEXT NOT NULL,
      bcc_header TEXT NOT NULL,
      delivered_to TEXT NOT NULL,
      list_id TEXT NOT NULL,
      message_id_norm TEXT NOT NULL,
      has_attachment INTEGER NOT NULL,
      has_list_id INTEGER NOT NULL,
      spam_trash INTEGER NOT NULL,
      label_ids TEXT NOT NULL,
      summary_json TEXT NOT NULL,
      message_json TEXT NOT NULL,
      generation INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX messages_newest ON messages (internal_date DESC, order_key DESC);
    CREATE INDEX messages_thread ON messages (thread_id, internal_date);
    CREATE INDEX messages_message_id ON messages (message_id_norm);
    CREATE INDEX messages_size ON messages (size_estimate);
    CREATE INDEX messages_generation ON messages (generation);

    CREATE TABLE labels (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      label_json TEXT NOT NULL
    );

    CREATE TABLE message_labels (
      label_id TEXT NOT NULL,
      message_rowid INTEGER NOT NULL,
      PRIMARY KEY (label_id, message_rowid)
    ) WITHOUT ROWID;
    CREATE INDEX message_labels_message ON message_labels (message_rowid);

    CREATE TABLE message_addresses (
      message_rowid INTEGER NOT NULL,
      field TEXT NOT NULL,
      address_norm TEXT NOT NULL
    );
    CREATE INDEX message_addresses_norm ON message_addresses (address_norm, field);
    CREATE INDEX message_addresses_message ON message_addresses (message_rowid);

    CREATE TABLE senders (
      address TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      folded TEXT NOT NULL,
      message_count INTEGER NOT NULL,
      last_date INTEGER NOT NULL
    );

    CREATE VIRTUAL TABLE message_fts USING fts5(
      text, text_stems, subject, subject_stems, addr_from, addr_to, addr_cc, addr_bcc,
      addr_deliveredto, list, filename,
      tokenize = "ascii tokenchars '_|'",
      content = '', contentless_delete = 1
    );
  `,
};
