import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-sync-state';
import { migration0003 } from './0003-message-bodies';
import { migration0004 } from './0004-compact-index';
import { migration0005 } from './0005-date-histogram';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every schema version in order; a new one is a new numbered file appended here. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
