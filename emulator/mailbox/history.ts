import type { HistoryRecord } from './types';

export interface HistoryLimit {
  /** Records kept; older ones are dropped and a start id before them is too old. */
  maxRecords?: number;
  /** Age in ms after which records are dropped (Gmail: about a week). */
  maxAgeMs?: number;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The change log behind history.list: a counter, the kept records, and the oldest valid start id. */
export class HistoryLog {
  private counter: number;
  /** A start id below this can no longer be served (records after it were dropped). */
  private floor: number;
  private records: { record: HistoryRecord; at: number }[] = [];
  private limit: Required<HistoryLimit> = { maxRecords: 100_000, maxAgeMs: WEEK_MS };

  constructor(start: number) {
    this.counter = start;
    this.floor = start;
  }

  get current(): number {
    return this.counter;
  }

  /** Takes the next id without recording anything (bulk load). */
  bump(): number {
    this.counter += 1;
    this.floor = this.counter;
    return this.counter;
  }

  record(build: (id: string) => HistoryRecord): HistoryRecord {
    this.counter += 1;
    const record = build(String(this.counter));
    this.records.push({ record, at: Date.now() });
    this.prune();
    return record;
  }

  setLimit(limit: HistoryLimit): void {
    this.limit = { ...this.limit, ...limit };
    this.prune();
  }

  /** Forgets every record: any start id before the current one becomes too old. */
  expire(): void {
    this.records = [];
    this.floor = this.counter;
  }

  private dropFirst(count: number): void {
    const dropped = this.records.splice(0, count);
    const last = dropped[dropped.length - 1];
    if (last) this.floor = Math.max(this.floor, Number(last.record.id));
  }

  private prune(): void {
    const cutoff = Date.now() - this.limit.maxAgeMs;
    let old = 0;
    while (old < this.records.length && this.records[old]!.at < cutoff) old++;
    if (old > 0) this.dropFirst(old);
    if (this.records.length > this.limit.maxRecords) this.dropFirst(this.records.length - this.limit.maxRecords);
  }

  since(startHistoryId: string, maxKept?: number): HistoryRecord[] | 'too_old' {
    this.prune();
    if (!/^\d+$/.test(startHistoryId.trim())) return 'too_old';
    const start = Number(startHistoryId);
    let floor = this.floor;
    if (maxKept !== undefined && this.records.length > maxKept) {
      floor = Math.max(floor, Number(this.records[this.records.length - maxKept - 1]!.record.id));
    }
    if (start < floor) return 'too_old';
    return this.records.filter((r) => Number(r.record.id) > start).map((r) => r.record);
  }
}
