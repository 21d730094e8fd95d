export interface Migration {
  /** The schema version after this migration (PRAGMA user_version). */
  readonly version: number;
  readonly name: string;
  /** SQL run in one transaction. */
  readonly up: string;
}
