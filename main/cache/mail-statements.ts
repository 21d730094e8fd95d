/** The prepared statements MailStore writes and reads rows with, prepared once per connection. */
import type Database from 'libsql';
import type { SqlDatabase } from './database';
import { INSERT_FTS_SQL } from './message-record';

type MailStatement =
  | 'rowidOf'
  | 'insertMessage'
  | 'insertBody'
  | 'bodyOf'
  | 'deleteMessage'
  | 'deleteBody'
  | 'deleteFts'
  | 'insertFts'
  | 'deleteLinks'
  | 'insertLink'
  | 'deleteAddresses'
  | 'insertAddress'
  | 'fromOf'
  | 'labelsAndGeneration'
  | 'addSender'
  | 'removeSender'
  | 'updateLabels'
  | 'setGeneration'
  | 'getState'
  | 'setState'
  | 'deleteState'
  | 'getMeta'
  | 'setMeta';

export function prepareMailStatements(db: SqlDatabase): Record<MailStatement, Database.Statement> {
  return {
    rowidOf: db.prepare('SELECT rowid, label_ids FROM messages WHERE id = ?'),
    insertMessage: db.prepare(`INSERT INTO messages (rowid, id, thread_id, internal_date, order_key, history_id, size_estimate, subject,
      from_header, message_id_norm, has_attachment, has_list_id, spam_trash, label_ids, summary_json, generation)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertBody: db.prepare('INSERT INTO message_bodies (rowid, message) VALUES (?, ?)'),
    bodyOf: db.prepare('SELECT message FROM message_bodies WHERE rowid = ?'),
    deleteMessage: db.prepare('DELETE FROM messages WHERE rowid = ?'),
    deleteBody: db.prepare('DELETE FROM message_bodies WHERE rowid = ?'),
    deleteFts: db.prepare('DELETE FROM message_fts WHERE rowid = ?'),
    insertFts: db.prepare(INSERT_FTS_SQL),
    deleteLinks: db.prepare('DELETE FROM message_labels WHERE message_rowid = ?'),
    insertLink: db.prepare('INSERT OR IGNORE INTO message_labels (label_id, message_rowid) VALUES (?, ?)'),
    deleteAddresses: db.prepare('DELETE FROM message_addresses WHERE message_rowid = ?'),
    insertAddress: db.prepare('INSERT OR IGNORE INTO message_addresses (message_rowid, field, address_norm) VALUES (?, ?, ?)'),
    fromOf: db.prepare('SELECT from_header, label_ids FROM messages WHERE rowid = ?'),
    labelsAndGeneration: db.prepare('SELECT label_ids, generation FROM messages WHERE rowid = ?'),
    addSender: db.prepare(`INSERT INTO senders (address, name, folded, message_count, last_date) VALUES (?, ?, ?, 1, ?)
      ON CONFLICT (address) DO UPDATE SET message_count = message_count + 1,
      name = CASE WHEN excluded.last_date >= last_date AND excluded.name <> '' THEN excluded.name ELSE name END,
      folded = CASE WHEN excluded.last_date >= last_date AND excluded.name <> '' THEN excluded.folded ELSE folded END,
      last_date = max(last_date, excluded.last_date)`),
    removeSender: db.prepare('UPDATE senders SET message_count = message_count - 1 WHERE address = ?'),
    updateLabels: db.prepare('UPDATE messages SET label_ids = ?, spam_trash = ?, generation = ? WHERE rowid = ?'),
    setGeneration: db.prepare('UPDATE messages SET generation = ? WHERE rowid = ?'),
    getState: db.prepare('SELECT value FROM sync_state WHERE key = ?'),
    setState: db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    deleteState: db.prepare('DELETE FROM sync_state WHERE key = ?'),
    getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}
