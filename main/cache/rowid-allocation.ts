/**
 * Picking a new message's rowid (rowid-order.ts says what a rowid encodes): a free integer
 * between its neighbours in (internalDate, id) order, at its hint when the hint falls
 * between them. Only the neighbours are read (two rowid lookups in the common case, never
 * the whole bucket). When they leave no gap, the rows around are moved apart: a window that
 * doubles until at most a quarter of its slots are taken, so a move touches a few rows, not
 * a whole day of mail.
 */
import type Database from 'libsql';
import type { SqlDatabase } from './database';
import type { RowidScheme } from './rowid-order';

interface PlacedRow {
  readonly rowid: number;
  readonly internal_date: number;
  readonly order_key: string;
}

/** Rows moved to make room: each from its rowid to a new one, order kept. */
export type MoveRows = (moves: readonly { readonly from: number; readonly to: number }[]) => void;

/** How far from its neighbour a row goes when its hint is taken: room for 4 more between them. */
const NEAR_STEP = 16;
/** A widened window is used once at most this share of its slots holds rows. */
const MAX_DENSITY = 0.25;

export class RowidAllocator {
  private readonly before: Database.Statement;
  private readonly from: Database.Statement;

  constructor(
    db: SqlDatabase,
    private readonly scheme: RowidScheme,
    private readonly moveRows: MoveRows,
  ) {
    this.before = db.prepare('SELECT rowid, internal_date, order_key FROM messages WHERE rowid >= ? AND rowid < ? ORDER BY rowid DESC LIMIT ?');
    this.from = db.prepare('SELECT rowid, internal_date, order_key FROM messages WHERE rowid >= ? AND rowid < ? ORDER BY rowid LIMIT ?');
  }

  allocate(internalDate: number, orderKey: string): number {
    const { slots } = this.scheme;
    const base = this.scheme.bucket(internalDate) * slots;
    const end = base + slots;
    const hinted = base + this.scheme.hint(internalDate, orderKey);
    const after = (r: PlacedRow) => r.internal_date > internalDate || (r.internal_date === internalDate && r.order_key > orderKey);
    let lower = this.before.get(base, hinted, 1) as PlacedRow | undefined;
    let upper = this.from.get(hinted, end, 1) as PlacedRow | undefined;
    while (lower && after(lower)) {
      upper = lower;
      lower = this.before.get(base, lower.rowid, 1) as PlacedRow | undefined;
    }
    while (upper && !after(upper)) {
      lower = upper;
      upper = this.from.get(upper.rowid + 1, end, 1) as PlacedRow | undefined;
    }
    const low = lower?.rowid ?? base - 1;
    const high = upper?.rowid ?? end;
    if (high - low > 1) {
      if (hinted > low && hinted < high) return hinted;
      const step = Math.min(NEAR_STEP, Math.floor((high - low) / 2));
      return hinted <= low ? low + step : high - step;
    }
    return this.spreadAround(base, low, high);
  }

  /** `low` and `high` are adjacent rowids: moves the rows around them apart and returns the free slot between. */
  private spreadAround(base: number, low: number, high: number): number {
    const end = base + this.scheme.slots;
    for (let width = 4; ; width *= 2) {
      const left = (this.before.all(base, low + 1, width) as PlacedRow[]).map((r) => r.rowid).reverse();
      const right = (this.from.all(high, end, width) as PlacedRow[]).map((r) => r.rowid);
      // A full fetch's outermost row stays where it is and bounds the window.
      const leftBound = left.length === width ? left.shift()! : base - 1;
      const rightBound = right.length === width ? right.pop()! : end;
      const count = left.length + 1 + right.length;
      const space = rightBound - leftBound - 1;
      const wholeBucket = leftBound === base - 1 && rightBound === end;
      if (space * MAX_DENSITY < count && !wholeBucket) continue;
      if (space < count) throw new Error(`More than ${this.scheme.slots - 1} messages in one ${this.scheme.name === 'day' ? 'day' : 'millisecond'}`);
      const slotOf = (i: number) => leftBound + Math.floor(((i + 1) * (rightBound - leftBound)) / (count + 1));
      const moving = [...left, null, ...right];
      this.moveRows(moving.flatMap((rowid, i) => (rowid === null ? [] : [{ from: rowid, to: slotOf(i) }])));
      return slotOf(left.length);
    }
  }
}
