/**
 * A pacer that learns the quota Google grants instead of assuming one (google-apis.md §3.10).
 *
 * A project can't ask which regime it is on: 6,000 units per user per minute for projects
 * created since 1 May 2026, 250 units per user per second (four times more per
 * messages.get) for older ones. So:
 *
 * - **Start conservative**: at the 2026 ceiling (100 units/s in 2026 units), which every
 *   project has.
 * - **Raise while quiet**: each `raiseEveryMs` with demand waiting and no refusal, the rate
 *   doubles, up to the older regime's ceiling (`maxUnitsPerSecond`).
 * - **On a quota refusal**: everyone stops; one request at a time probes (1 s, 2 s, 4 s …
 *   apart, capped at 8 s). If a probe gets through within `windowProbeMs`, the limit was a
 *   short moving average: the rate drops to 85 % and spending resumes. If refusals go on, the
 *   limit is a per-minute window: the units granted in the trailing 60 s at the first refusal
 *   become the learned per-minute budget, and from then on no trailing 60 s spends more than
 *   98 % of it. Any fixed one-minute window lies inside some trailing 60 s, so this never trips
 *   Google's window again, and it spends the whole window (bursting, then waiting, costs no
 *   throughput under a fixed window).
 * - **Concurrency**: at most `maxInFlight` requests out at once (batch parts count one each,
 *   as Google counts them); a "Too many concurrent requests" refusal lowers it by a quarter.
 * - **Priority**: foreground grants (the list, a search, a message the person opened) are
 *   served before any waiting background (sync) grant.
 */
import { systemClock, type AcquireOptions, type AdaptivePacerOptions, type Clock, type Pacer, type PacerPriority, type PacerState } from './quota';

interface Waiter {
  readonly units: number;
  readonly requests: number;
  readonly resolve: (release: () => void) => void;
}

const WINDOW_MS = 60_000;

export class AdaptivePacer implements Pacer {
  private readonly clock: Clock;
  private readonly maxRate: number;
  private readonly minRate: number;
  private readonly raiseEveryMs: number;
  private readonly windowProbeMs: number;
  private rate: number;
  private readonly burstUnits: number;
  private tokens: number;
  private lastRefill: number;
  private maxInFlightNow: number;
  private inFlight = 0;
  private readonly queues: Record<PacerPriority, Waiter[]> = { foreground: [], background: [] };
  /** Grants of the trailing minute: [time, units]. */
  private ledger: [number, number][] = [];
  private ledgerUnits = 0;
  /** Learned per-minute budget (units), once a window refusal was seen. */
  private minuteBudget: number | null = null;
  private refusedSince: number | null = null;
  /** The rate that last ran into a per-second limit: above it, raise only slowly. */
  private refusedAtRate = Infinity;
  private spentAtRefusal = 0;
  private probeDelayMs = 1_000;
  private nextProbeAt = 0;
  private probeOut = false;
  private pausedUntil = 0;
  private lastRefusalOrRaise: number;
  private timer: { at: number; cancel: () => void } | null = null;
  private readonly listeners = new Set<(state: PacerState) => void>();
  private lastState: PacerState = { kind: 'ok' };
  spentUnits = 0;
  refusals = 0;

  constructor(options: AdaptivePacerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.maxRate = options.maxUnitsPerSecond ?? 980;
    this.minRate = options.minUnitsPerSecond ?? 5;
    this.rate = Math.min(this.maxRate, options.initialUnitsPerSecond ?? 100);
    this.maxInFlightNow = options.maxInFlight ?? 10;
    this.raiseEveryMs = options.raiseEveryMs ?? 1_000;
    this.windowProbeMs = options.windowProbeMs ?? 4_000;
    this.burstUnits = options.burstUnits ?? 1_000;
    this.tokens = Math.max(this.rate, this.burstUnits);
    this.lastRefill = this.clock.now();
    this.lastRefusalOrRaise = this.lastRefill;
  }

  /** Units per second it currently allows, the learned per-minute budget, and the concurrency cap. */
  get budget(): { unitsPerSecond: number; unitsPerMinute: number | null; maxInFlight: number } {
    return { unitsPerSecond: this.rate, unitsPerMinute: this.minuteBudget, maxInFlight: this.maxInFlightNow };
  }

  acquire(units: number, options: AcquireOptions = {}): Promise<() => void> {
    const requests = Math.max(1, Math.min(options.requests ?? 1, this.maxInFlightNow));
    return new Promise((resolve) => {
      this.queues[options.priority ?? 'background'].push({ units, requests, resolve });
      this.pump();
    });
  }

  refused(kind: 'quota' | 'concurrency'): void {
    const now = this.clock.now();
    this.refusals++;
    this.probeOut = false;
    if (kind === 'concurrency') {
      this.maxInFlightNow = Math.max(1, Math.floor(this.maxInFlightNow * 0.75));
      this.pausedUntil = Math.max(this.pausedUntil, now + 250);
      this.lastRefusalOrRaise = now;
      this.schedule(250);
      return;
    }
    if (this.refusedSince === null) {
      this.refusedSince = now;
      this.spentAtRefusal = this.trailingUnits(now);
      this.probeDelayMs = 1_000;
      // What was actually spent lately, not the allowance (which may be far above it).
      const observed = this.recentRate(now);
      this.rate = Math.max(this.minRate, Math.min(this.rate, observed));
      this.refusedAtRate = this.rate;
    } else {
      this.probeDelayMs = Math.min(8_000, this.probeDelayMs * 2);
      if (this.minuteBudget === null && now - this.refusedSince >= this.windowProbeMs && this.spentAtRefusal > 0) {
        // Still refused after a moving average would have refilled: a per-minute window.
        this.minuteBudget = this.spentAtRefusal;
      }
    }
    this.tokens = 0;
    this.lastRefusalOrRaise = now;
    this.nextProbeAt = now + this.probeDelayMs;
    this.publish();
    this.schedule(this.probeDelayMs);
  }

  succeeded(): void {
    if (this.refusedSince === null) return;
    const now = this.clock.now();
    if (this.minuteBudget === null) this.rate = Math.max(this.minRate, this.rate * 0.85);
    this.refusedSince = null;
    this.probeOut = false;
    this.tokens = 0;
    this.lastRefill = now;
    this.lastRefusalOrRaise = now;
    this.publish();
    this.pump();
  }

  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    this.schedule(ms);
  }

  state(): PacerState {
    return this.lastState;
  }

  onState(listener: (state: PacerState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(): void {
    const next: PacerState = this.refusedSince === null ? { kind: 'ok' } : { kind: 'rate_limited', resumeAt: this.estimatedResume() };
    const last = this.lastState;
    if (next.kind === last.kind && (next.kind === 'ok' || (last.kind === 'rate_limited' && Math.abs(last.resumeAt - next.resumeAt) < 1_000))) return;
    this.lastState = next;
    for (const listener of this.listeners) listener(next);
  }

  /** When spending can start again: the oldest grant of the trailing minute leaves it then. */
  private estimatedResume(): number {
    const now = this.clock.now();
    const oldest = this.ledger[0]?.[0];
    if (this.minuteBudget !== null || (this.refusedSince !== null && now - this.refusedSince >= this.windowProbeMs)) {
      return oldest !== undefined ? Math.max(now + 1_000, oldest + WINDOW_MS) : now + WINDOW_MS;
    }
    return this.nextProbeAt;
  }

  /** Units per second granted over the last five seconds (or since the first grant). */
  private recentRate(now: number): number {
    let units = 0;
    let oldest = now;
    for (let i = this.ledger.length - 1; i >= 0; i--) {
      const [t, u] = this.ledger[i]!;
      if (t < now - 5_000) break;
      units += u;
      oldest = t;
    }
    return units / Math.max(1, (now - oldest) / 1000);
  }

  private trailingUnits(now: number): number {
    while (this.ledger.length > 0 && this.ledger[0]![0] <= now - WINDOW_MS) this.ledgerUnits -= this.ledger.shift()![1];
    return this.ledgerUnits;
  }

  private refill(now: number): void {
    // An unlimited rate (a local emulator) has unlimited tokens; avoid 0 * Infinity = NaN.
    if (!Number.isFinite(this.rate)) this.tokens = Infinity;
    else {
      const held = Number.isFinite(this.tokens) ? this.tokens : this.rate;
      this.tokens = Math.min(Math.max(this.rate, this.burstUnits), held + ((now - this.lastRefill) / 1000) * this.rate);
    }
    this.lastRefill = now;
  }

  private head(): { waiter: Waiter; queue: Waiter[] } | null {
    for (const queue of [this.queues.foreground, this.queues.background]) if (queue.length > 0) return { waiter: queue[0]!, queue };
    return null;
  }

  private pump(): void {
    for (;;) {
      const next = this.head();
      if (!next) return;
      const now = this.clock.now();
      if (now < this.pausedUntil) return this.schedule(this.pausedUntil - now);
      const { waiter, queue } = next;
      if (this.inFlight + waiter.requests > this.maxInFlightNow && this.inFlight > 0) return; // a release pumps again
      if (this.refusedSince !== null) {
        // Rate-limited: only one probe at a time, spaced out.
        if (this.probeOut) return;
        if (now < this.nextProbeAt) return this.schedule(this.nextProbeAt - now);
        this.probeOut = true;
        this.grant(queue, waiter, now);
        continue;
      }
      this.maybeRaise(now);
      this.refill(now);
      const need = Math.min(waiter.units, this.rate);
      if (this.tokens < need) return this.schedule(((need - this.tokens) / this.rate) * 1000);
      if (this.minuteBudget !== null) {
        const limit = this.minuteBudget * 0.98;
        const spent = this.trailingUnits(now);
        if (spent + waiter.units > limit && spent > 0) {
          // Wait until enough of the trailing minute's grants have aged out.
          let freed = 0;
          let at = now;
          for (const [t, u] of this.ledger) {
            freed += u;
            at = t + WINDOW_MS;
            if (spent - freed + waiter.units <= limit) break;
          }
          return this.schedule(Math.max(1, at - now));
        }
      }
      this.tokens -= waiter.units;
      this.grant(queue, waiter, now);
    }
  }

  private maybeRaise(now: number): void {
    if (this.rate >= this.maxRate || now - this.lastRefusalOrRaise < this.raiseEveryMs) return;
    // Double while far from any limit seen; creep (5 %) once near the rate that was refused.
    this.rate = Math.min(this.maxRate, this.rate * 2 <= this.refusedAtRate ? this.rate * 2 : this.rate * 1.05);
    this.lastRefusalOrRaise = now;
  }

  private grant(queue: Waiter[], waiter: Waiter, now: number): void {
    queue.shift();
    this.inFlight += waiter.requests;
    this.spentUnits += waiter.units;
    this.ledger.push([now, waiter.units]);
    this.ledgerUnits += waiter.units;
    let released = false;
    waiter.resolve(() => {
      if (released) return;
      released = true;
      this.inFlight -= waiter.requests;
      this.pump();
    });
  }

  private schedule(ms: number): void {
    const at = this.clock.now() + Math.max(1, ms);
    if (this.timer && this.timer.at <= at) return;
    this.timer?.cancel();
    let cancelled = false;
    this.timer = {
      at,
      cancel: () => {
        cancelled = true;
      },
    };
    void this.clock.sleep(Math.max(1, ms)).then(() => {
      if (cancelled) return;
      this.timer = null;
      this.publish();
      this.pump();
    });
  }
}

/**
 * The one place that decides how fast Skimmer may call a Gmail endpoint: Google's is learned
 * from a conservative start; a local emulator (the demo, the e2e harness) has no quota to
 * learn, so it runs at full speed. Benches and tests that want the emulator's quota profiles
 * build their own AdaptivePacer.
 */
export function pacerFor(target: { readonly localEmulator?: boolean | undefined }): AdaptivePacer {
  return new AdaptivePacer(target.localEmulator === true ? { initialUnitsPerSecond: Infinity, maxUnitsPerSecond: Infinity } : {});
}
