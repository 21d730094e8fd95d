/**
 * Gmail's per-user quota, spent deliberately: a token bucket in quota units that every
 * call draws from before it goes out, refilled at the per-user rate. Calls wait rather
 * than fail, so the sync runs at the ceiling without tripping 429s.
 */

/**
 * Units each method costs, as Google bills projects created since 1 May 2026
 * (google-apis.md §3.10). Skimmer counts in these units whatever regime its project is on:
 * a project can't ask which one it has, and the adaptive pacer learns the budget in the
 * units it counts, so only the ratios matter (and the fetch planner's ratio, threads.get
 * to messages.get, is 2:1 in both regimes).
 */
export const GMAIL_METHOD_COSTS = {
  'users.getProfile': 1,
  'users.labels.list': 1,
  'users.labels.get': 1,
  'users.messages.list': 5,
  'users.messages.get': 20,
  'users.messages.attachments.get': 20,
  'users.threads.list': 10,
  'users.threads.get': 40,
  'users.history.list': 2,
} as const;

export type GmailMethod = keyof typeof GMAIL_METHOD_COSTS;

/** The older regime's per-user limit: 15,000 units per user per minute = 250 units per second. */
export const GMAIL_USER_UNITS_PER_SECOND = 250;

/** Requests may be asked for on behalf of what the person is looking at, or of the background sync. */
export type PacerPriority = 'foreground' | 'background';

export interface AcquireOptions {
  /** HTTP requests this grant covers (a batch of n parts is n requests for Google's concurrency limit). */
  readonly requests?: number;
  readonly priority?: PacerPriority;
}

export type PacerState =
  | { readonly kind: 'ok' }
  /** Gmail refused for quota; nothing is sent (but probes) until about `resumeAt` (clock ms). */
  | { readonly kind: 'rate_limited'; readonly resumeAt: number };

/** What GmailApi needs of a pacer: grants before each request, and feedback after. */
export interface Pacer {
  /** Waits for budget and a concurrency slot; the returned function frees the slot. */
  acquire(units: number, options?: AcquireOptions): Promise<() => void>;
  /** Gmail refused a request for quota (`quota`) or for too many requests at once (`concurrency`). */
  refused(kind: 'quota' | 'concurrency'): void;
  /** A request went through (ends a rate-limited spell). */
  succeeded(): void;
  /** After network/5xx errors: nobody spends for `ms`. */
  pause(ms: number): void;
  readonly spentUnits: number;
  state(): PacerState;
  onState(listener: (state: PacerState) => void): () => void;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface QuotaPacerOptions {
  readonly unitsPerSecond?: number;
  /** How many seconds of budget may be spent at once (a burst); Google averages over time. */
  readonly burstSeconds?: number;
  readonly clock?: Clock;
}

/** A fixed token bucket: for tests and benchmarks that know the budget. */
export class QuotaPacer implements Pacer {
  readonly unitsPerSecond: number;
  private readonly capacity: number;
  private readonly clock: Clock;
  private available: number;
  private lastRefill: number;
  private queue: Promise<void> = Promise.resolve();
  private pausedUntil = 0;
  /** Units granted so far: benchmarks compare this with the ceiling. */
  spentUnits = 0;

  constructor(options: QuotaPacerOptions = {}) {
    this.unitsPerSecond = options.unitsPerSecond ?? GMAIL_USER_UNITS_PER_SECOND;
    this.capacity = this.unitsPerSecond * (options.burstSeconds ?? 1);
    this.clock = options.clock ?? systemClock;
    this.available = this.capacity;
    this.lastRefill = this.clock.now();
  }

  /** Waits until `units` may be spent, in call order (no starvation of big requests). */
  acquire(units: number): Promise<() => void> {
    // A request bigger than the bucket waits for a full bucket, then is charged in full
    // (the bucket goes into debt): charging only the capacity would overspend the quota.
    const need = Math.min(units, this.capacity);
    const turn = this.queue.then(() => this.waitFor(need, units));
    this.queue = turn.catch(() => undefined);
    return turn.then(() => () => undefined);
  }

  refused(): void {
    this.pause(1_000);
  }

  succeeded(): void {}

  state(): PacerState {
    return this.pausedUntil > this.clock.now() ? { kind: 'rate_limited', resumeAt: this.pausedUntil } : { kind: 'ok' };
  }

  onState(): () => void {
    return () => undefined;
  }

  /** After a 429: nobody spends until the server's wait is over, and the bucket starts empty. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    this.available = 0;
  }

  private refill(): void {
    const now = this.clock.now();
    this.available = Math.min(this.capacity, this.available + ((now - this.lastRefill) / 1000) * this.unitsPerSecond);
    this.lastRefill = now;
  }

  private async waitFor(need: number, cost: number): Promise<void> {
    for (;;) {
      const pause = this.pausedUntil - this.clock.now();
      if (pause > 0) {
        await this.clock.sleep(pause);
        this.lastRefill = this.clock.now();
        continue;
      }
      this.refill();
      if (this.available >= need) {
        this.available -= cost;
        this.spentUnits += cost;
        return;
      }
      await this.clock.sleep(Math.max(1, ((need - this.available) / this.unitsPerSecond) * 1000));
    }
  }
}

/** Google's advice: 2^n seconds plus up to a second of jitter, capped; Retry-After wins when given. */
export function backoffDelayMs(attempt: number, retryAfterMs: number | null, random: () => number = Math.random, capMs = 32_000): number {
  if (retryAfterMs !== null && retryAfterMs >= 0) return Math.min(retryAfterMs, 120_000);
  return Math.min(capMs, 2 ** attempt * 1000 + Math.floor(random() * 1000));
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** The knobs of AdaptivePacer (adaptive-pacer.ts), which learns the quota Google grants. */
export interface AdaptivePacerOptions {
  readonly clock?: Clock;
  /** Starting rate in (2026) units per second; default 100 = 6,000 per minute. */
  readonly initialUnitsPerSecond?: number;
  /** Never above this; default 980 (the older 250 units/s regime, counted in 2026 units, less 2 %). */
  readonly maxUnitsPerSecond?: number;
  readonly minUnitsPerSecond?: number;
  /** Requests in flight at once; default 10 (what people observe Google allowing per user). */
  readonly maxInFlight?: number;
  readonly raiseEveryMs?: number;
  /** Refusals lasting longer than this mean a per-minute window. */
  readonly windowProbeMs?: number;
  /**
   * Units that may go out at once; default 1,000 (in 2026 units): the older regime's
   * one-second burst (250 of its units = 50 messages.get) and well inside the new regime's
   * 6,000 a minute, so the newest page of mail arrives at once under either.
   */
  readonly burstUnits?: number;
}
