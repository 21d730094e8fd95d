/**
 * Schema 5: how many messages each stretch of dates holds, kept by triggers, so the search
 * can tell at once how much mail is newer than a `before:` date (search-statement.ts
 * decides from it whether to probe the rows below the bound before FTS5 drives). A stretch
 * is 2^31 ms, about 25 days: a mailbox of 40 years has some 600 of them. Rows are counted by
 * their internalDate, whatever numbering the rowids use.
 */
import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: 'date-histogram',
  up: `
    CREATE TABLE date_histogram (
      period INTEGER PRIMARY KEY,
      messages INTEGER NOT NULL
    );
    INSERT INTO date_histogram (period, messages) SELECT internal_date >> 31, count(*) FROM messages GROUP BY 1;
    CREATE TRIGGER date_histogram_insert AFTER INSERT ON messages BEGIN
      INSERT INTO date_histogram (period, messages) VALUES (NEW.internal_date >> 31, 1)
        ON CONFLICT (period) DO UPDATE SET messages = messages + 1;
    END;
    CREATE TRIGGER date_histogram_delete AFTER DELETE ON messages BEGIN
      UPDATE date_histogram SET messages = messages - 1 WHERE period = OLD.internal_date >> 31;
    END;
    CREATE TRIGGER date_histogram_update AFTER UPDATE OF internal_date ON messages BEGIN
      UPDATE date_histogram SET messages = messages - 1 WHERE period = OLD.internal_date >> 31;
      INSERT INTO date_histogram (period, messages) VALUES (NEW.internal_date >> 31, 1)
        ON CONFLICT (period) DO UPDATE SET messages = messages + 1;
    END;
  `,
};
