/**
 * Rowids that sort like the mail: a message's rowid follows its (internalDate, id) order, so
 * `ORDER BY rowid DESC` is newest first and FTS5 and the label index, both ordered by rowid,
 * hand out matches newest first without sorting.
 *
 * rowid = bucket * slots + slot. Two schemes, fixed per cache file (meta `rowidScheme`):
 * - `day` (caches made by schema 4 on): a bucket per UTC day, 2^20 slots (one per 82 ms), a
 *   message's hint its time of day. FTS5 stores each posting as the gap to the previous
 *   rowid, so small gaps matter: a day apart is 3 bytes here and 6 in the millisecond
 *   scheme, and the index is about a quarter smaller. Coarser buckets would save a little
 *   more, but imported mail (minute-resolution dates, dozens a minute) then fills them.
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
const DAY_SLOTS = 2 ** 20;
/** ±2^32 days: rowids stay below 2^53. */
const MAX_DAY = 2 ** 32 - 1;
const MS_SLOTS = 1024;
/** ±139 years around 1970 in milliseconds. */
const MAX_MS = 2 ** 42 - 1;

function clamp(value: number, max: number): number {
  return Math.max(-max, Math.min(max, value));
}

function finite(internalDate: number): number {
  return Number.isFinite(internalDate) ? internalDate : 0;
}

const SAME_MOMENT_SPREAD = 64;

/** An id's place among ids, 0 ..< 1, from its first hex digits (order keys are a 3-digit length, then the id). */
function idFraction(orderKey: string): number {
  const lead = parseInt(orderKey.slice(3, 6).padEnd(3, '0'), 16);
  return Number.isFinite(lead) ? lead / 4096 : 0.5;
}

export const DAY_BUCKETS: RowidScheme = {
  name: 'day',
  slots: DAY_SLOTS,
  bucket: (internalDate) => clamp(Math.floor(finite(internalDate) / DAY_MS), MAX_DAY),
  hint(internalDate, orderKey) {
    const offset = finite(internalDate) - this.bucket(internalDate) * DAY_MS;
    // Mail of one moment (imported mail has minute-resolution dates) spread by id over the
    // next few seconds' slots, as it sorts: otherwise it would queue up slot after slot.
    const spread = Math.floor(idFraction(orderKey) * SAME_MOMENT_SPREAD);
    return Math.max(0, Math.min(DAY_SLOTS - 1, Math.floor((offset / DAY_MS) * DAY_SLOTS) + spread));
  },
};

export const MILLISECOND_BUCKETS: RowidScheme = {
  name: 'ms',
  slots: MS_SLOTS,
  bucket: (internalDate) => clamp(Math.trunc(finite(internalDate)), MAX_MS),
  hint: (_internalDate, orderKey) => Math.floor(idFraction(orderKey) * MS_SLOTS),
};

/** The scheme a cache's meta names (none: a cache older than schema 4). */
export function rowidSchemeNamed(name: string | undefined): RowidScheme {
  return name === 'day' ? DAY_BUCKETS : MILLISECOND_BUCKETS;
}
