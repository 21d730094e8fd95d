/**
 * Rowids that sort like the mail: a message's rowid follows its (internalDate, id) order, so
 * `ORDER BY rowid DESC` is newest first and FTS5 and the label index, both ordered by rowid,
 * hand out matches newest first without sorting.
 */
/** Slots per millisecond of internalDate in the rowid; rowid = bucket * 1024 + slot stays below 2^53. */
export const SLOTS_PER_MS = 1024;
const MAX_BUCKET = 2 ** 42 - 1;

/** internalDate clamped to ±139 years around 1970: rows further out share a bucket, still ordered. */
export function rowidBucket(internalDate: number): number {
  return Math.max(-MAX_BUCKET, Math.min(MAX_BUCKET, Math.trunc(Number.isFinite(internalDate) ? internalDate : 0)));
}

/** Where in its bucket an id would sit by itself: the first hex digits scaled to 0..1023. */
export function slotHint(orderKey: string): number {
  const id = orderKey.slice(3);
  const lead = parseInt(id.slice(0, 3).padEnd(3, '0'), 16);
  return Number.isFinite(lead) ? Math.floor((lead / 4096) * SLOTS_PER_MS) : SLOTS_PER_MS / 2;
}
