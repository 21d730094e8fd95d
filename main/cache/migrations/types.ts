export interface Migration {
  /** The schema version after this migration (PRAGMA user_version). */
  readonly version: number;
  readonly name: string;
  /** SQL run in one transaction. */
  readonly up: string;
  /** Run VACUUM after the transaction commits (the migration freed much of the file). */
  readonly vacuum?: boolean;
}
