/**
 * Schema 3: the stored messages (format=full, deflated) move to their own table, so a query
 * that walks `messages` reads a few hundred bytes a row instead of a few kilobytes; the
 * header copies nothing reads (to/cc/bcc/delivered-to/list-id: search uses the FTS and
 * address tables, the list uses summary_json) and the unused date index go. `vacuum` hands
 * the freed pages back to the file system once, after the migration commits.
 */
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'message-bodies',
  vacuum: true,
  up: `
    CREATE TABLE message_bodies (rowid INTEGER PRIMARY KEY, message BLOB NOT NULL);
    INSERT INTO message_bodies (rowid, message) SELECT rowid, message_json FROM messages;
    DROP INDEX messages_newest;
    ALTER TABLE messages DROP COLUMN message_json;
    ALTER TABLE messages DROP COLUMN to_header;
    ALTER TABLE messages DROP COLUMN cc_header;
    ALTER TABLE messages DROP COLUMN bcc_header;
    ALTER TABLE messages DROP COLUMN delivered_to;
    ALTER TABLE messages DROP COLUMN list_id;
  `,
};
