/**
 * Rowids that sort like the mail: a message's rowid follows its (internalDate, id) order, so
 * `ORDER BY rowid DESC` is newest first and FTS5 and the label index, both ordered by rowid,
 * hand out matches newest first without sorting.
 *
 * rowid = bucket * slots + slot. Two schemes, fixed per cache file (meta `rowidScheme`):
 * - `day` (caches made by schema 4 on): a bucket per UTC day, 65,536 slots, a message's hint
 *   its time of day. FTS5 stores each posting as the gap to the previous rowid, so small
 *   gaps matter: a day apart is 3 bytes here and 6 in the millisecond scheme, and the index
 *   is about 28 % smaller.
 * - `ms` (older caches, kept as they are): a bucket per millisecond, 1,024 slots, the hint
 *   the id's first hex digits.
 */
export interface RowidScheme {
  readonly name: 'day' | 'ms';
  readonly slots: number;
  /** The bucket of a date (clamped: rows further out share the end buckets, still ordered). */
  bucket(internalDate: number): number;
  /** Where in its bucket a message would sit by itself, 0 .. slots - 1. */
  hint(internalDate: number, orderKey: string): number;
}

const DAY_MS = 86_400_000;
const DAY_SLOTS = 65_536;
/** ±2^36 days: rowids stay below 2^53. */
const MAX_DAY = 2 ** 36 - 1;
const MS_SLOTS = 1024;
/** ±139 years around 1970 in milliseconds. */
const MAX_MS = 2 ** 42 - 1;

function clamp(value: number, max: number): number {
  return Math.max(-max, Math.min(max, value));
}

function finite(internalDate: number): number {
  return Number.isFinite(internalDate) ? internalDate : 0;
}

export const DAY_BUCKETS: RowidScheme = {
  name: 'day',
  slots: DAY_SLOTS,
  bucket: (internalDate) => clamp(Math.floor(finite(internalDate) / DAY_MS), MAX_DAY),
  hint(internalDate) {
    const offset = finite(internalDate) - this.bucket(internalDate) * DAY_MS;
    return Math.max(0, Math.min(DAY_SLOTS - 1, Math.floor((offset / DAY_MS) * DAY_SLOTS)));
  },
};

export const MILLISECOND_BUCKETS: RowidScheme = {
  name: 'ms',
  slots: MS_SLOTS,
  bucket: (internalDate) => clamp(Math.trunc(finite(internalDate)), MAX_MS),
  hint(_internalDate, orderKey) {
    const id = orderKey.slice(3);
    const lead = parseInt(id.slice(0, 3).padEnd(3, '0'), 16);
    return Number.isFinite(lead) ? Math.floor((lead / 4096) * MS_SLOTS) : MS_SLOTS / 2;
  },
};

/** The scheme a cache's meta names (none: a cache older than schema 4). */
export function rowidSchemeNamed(name: string | undefined): RowidScheme {
  return name === 'day' ? DAY_BUCKETS : MILLISECOND_BUCKETS;
}
