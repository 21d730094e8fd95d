import type { SqlDatabase } from '../database';

export interface Migration {
  /** The schema version after this migration (PRAGMA user_version). */
  readonly version: number;
  readonly name: string;
  /** SQL run in one transaction. */
  readonly up: string;
  /** Work SQL can't do (it needs the app's own code), run after `up` in the same transaction. */
  readonly fill?: (db: SqlDatabase) => void;
  /** Run VACUUM after the transaction commits (the migration freed much of the file). */
  readonly vacuum?: boolean;
}
