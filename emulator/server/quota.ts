/**
 * Per-user and per-project quota as Google enforces it, in one of two regimes
 * (google-apis.md §3.10):
 *
 * - `legacy`: projects that used Gmail before 1 May 2026. 250 units per user per second
 *   (a moving average with a second of burst), `messages.get` 5 units.
 * - `2026`: projects created since 1 May 2026. 6,000 units per user per minute and
 *   1,200,000 per project per minute, counted in fixed one-minute windows, `messages.get`
 *   20 units, `threads.get` 40.
 * - `off` (the default): nothing refused; usage is still counted in legacy costs.
 *
 * `unitsPerSecond`, `unitsPerMinute` and `maxConcurrent` override what a profile sets.
 * Refusals say why (`rate` per user, `project`, `daily`, `concurrency`, `disabled`); the
 * Gmail dispatcher turns that into Google's exact error body (`errors.quotaRefusal`).
 */
import { effectiveQuota, type QuotaProfile, type QuotaSettings } from './quota-settings';

export type { QuotaProfile, QuotaSettings } from './quota-settings';

export interface QuotaUsage {
  email: string;
  profile: QuotaProfile;
  unitsPerSecond: number | null;
  unitsPerMinute: number | null;
  maxConcurrent: number | null;
  unitsConsumed: number;
  requests: number;
  rejected: number;
  inFlight: number;
  /** Most requests in flight at once for this user. */
  peakInFlight: number;
  since: string;
  elapsedSeconds: number;
  unitsPerSecondObserved: number;
  /** The regime's own ceiling in units per second for this user (null when unlimited). */
  ceilingUnitsPerSecond: number | null;
  rejectedBy: Record<RefusalReason, number>;
  byMethod: Record<string, { calls: number; units: number; rejected: number }>;
}

export type RefusalReason = 'rate' | 'project' | 'daily' | 'concurrency' | 'disabled';

interface UserState {
  tokens: number;
  last: number;
  windowStart: number;
  windowUnits: number;
  dayStart: number;
  dayUnits: number;
  inFlight: number;
  peakInFlight: number;
  unitsConsumed: number;
  requests: number;
  rejected: number;
  rejectedBy: Record<RefusalReason, number>;
  since: number;
  byMethod: Record<string, { calls: number; units: number; rejected: number }>;
}

export type ChargeResult =
  { ok: true; release: () => void } | { ok: false; reason: RefusalReason; refusalStatus: 429 | 403; profile: QuotaProfile; retryInMs: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function emptyRejections(): Record<RefusalReason, number> {
  return { rate: 0, project: 0, daily: 0, concurrency: 0, disabled: 0 };
}

export class QuotaTracker {
  private defaults: QuotaSettings = {};
  private readonly perUser = new Map<string, QuotaSettings>();
  private readonly users = new Map<string, UserState>();
  private project = { windowStart: 0, windowUnits: 0 };

  constructor(private readonly now: () => number = () => performance.now()) {}

  setDefault(s: QuotaSettings): void {
    this.defaults = { ...s };
    for (const u of this.users.values()) u.tokens = Math.min(u.tokens, effectiveQuota(s).unitsPerSecond || Infinity);
  }

  /** Replaces a user's settings (or the defaults without an email). */
  set(email: string | undefined, s: QuotaSettings): void {
    if (!email) return this.setDefault(s);
    const key = email.toLowerCase();
    this.perUser.set(key, { ...s });
    const u = this.users.get(key);
    if (u) u.tokens = effectiveQuota(s).unitsPerSecond;
  }

  settings(email: string): QuotaSettings {
    return this.perUser.get(email.toLowerCase()) ?? this.defaults;
  }

  costOf(email: string, method: string): number {
    return effectiveQuota(this.settings(email)).costs[method] ?? 1;
  }

  private user(email: string): UserState {
    const key = email.toLowerCase();
    let u = this.users.get(key);
    if (!u) {
      const q = effectiveQuota(this.settings(email));
      const now = this.now();
      u = {
        tokens: q.unitsPerSecond,
        last: now,
        windowStart: now,
        windowUnits: 0,
        dayStart: now,
        dayUnits: 0,
        inFlight: 0,
        peakInFlight: 0,
        unitsConsumed: 0,
        requests: 0,
        rejected: 0,
        rejectedBy: emptyRejections(),
        since: Date.now(),
        byMethod: {},
      };
      this.users.set(key, u);
    }
    return u;
  }

  charge(email: string, method: string): ChargeResult {
    const q = effectiveQuota(this.settings(email));
    const cost = q.costs[method] ?? 1;
    const u = this.user(email);
    const m = (u.byMethod[method] ??= { calls: 0, units: 0, rejected: 0 });
    const now = this.now();
    const refuse = (reason: RefusalReason, retryInMs: number): ChargeResult => {
      u.rejected++;
      u.rejectedBy[reason]++;
      m.rejected++;
      return { ok: false, reason, refusalStatus: q.refusalStatus, profile: q.profile, retryInMs: Math.max(0, Math.ceil(retryInMs)) };
    };
    if (q.apiDisabled) return refuse('disabled', 0);
    if (q.maxConcurrent && u.inFlight >= q.maxConcurrent) return refuse('concurrency', 0);
    if (now - u.windowStart >= MINUTE_MS) {
      // Fixed windows, as Cloud quota counts "per minute": a new one starts when the old has run out.
      u.windowStart += Math.floor((now - u.windowStart) / MINUTE_MS) * MINUTE_MS;
      u.windowUnits = 0;
    }
    if (now - this.project.windowStart >= MINUTE_MS) this.project = { windowStart: now, windowUnits: 0 };
    if (now - u.dayStart >= DAY_MS) {
      u.dayStart = now;
      u.dayUnits = 0;
    }
    if (q.unitsPerDay && u.dayUnits + cost > q.unitsPerDay) return refuse('daily', u.dayStart + DAY_MS - now);
    if (q.projectUnitsPerMinute && this.project.windowUnits + cost > q.projectUnitsPerMinute)
      return refuse('project', this.project.windowStart + MINUTE_MS - now);
    if (q.unitsPerMinute && u.windowUnits + cost > q.unitsPerMinute) return refuse('rate', u.windowStart + MINUTE_MS - now);
    if (q.unitsPerSecond > 0) {
      u.tokens = Math.min(q.unitsPerSecond, u.tokens + ((now - u.last) / 1000) * q.unitsPerSecond);
      u.last = now;
      if (u.tokens < cost) return refuse('rate', ((cost - u.tokens) / q.unitsPerSecond) * 1000);
      u.tokens -= cost;
    }
    u.windowUnits += cost;
    u.dayUnits += cost;
    this.project.windowUnits += cost;
    u.unitsConsumed += cost;
    u.requests++;
    m.calls++;
    m.units += cost;
    u.inFlight++;
    u.peakInFlight = Math.max(u.peakInFlight, u.inFlight);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (!released) {
          released = true;
          u.inFlight--;
        }
      },
    };
  }

  usage(email: string): QuotaUsage {
    const u = this.user(email);
    const q = effectiveQuota(this.settings(email));
    const elapsed = (Date.now() - u.since) / 1000;
    const ceilings = [q.unitsPerSecond || Infinity, q.unitsPerMinute ? q.unitsPerMinute / 60 : Infinity];
    const ceiling = Math.min(...ceilings);
    return {
      email,
      profile: q.profile,
      unitsPerSecond: q.unitsPerSecond || null,
      unitsPerMinute: q.unitsPerMinute || null,
      maxConcurrent: q.maxConcurrent || null,
      unitsConsumed: u.unitsConsumed,
      requests: u.requests,
      rejected: u.rejected,
      inFlight: u.inFlight,
      peakInFlight: u.peakInFlight,
      since: new Date(u.since).toISOString(),
      elapsedSeconds: elapsed,
      unitsPerSecondObserved: elapsed > 0 ? u.unitsConsumed / elapsed : 0,
      ceilingUnitsPerSecond: Number.isFinite(ceiling) ? ceiling : null,
      rejectedBy: { ...u.rejectedBy },
      byMethod: structuredClone(u.byMethod),
    };
  }

  resetUsage(email?: string): void {
    for (const [key, u] of this.users) {
      if (email && key !== email.toLowerCase()) continue;
      const q = effectiveQuota(this.settings(key));
      const now = this.now();
      Object.assign(u, {
        unitsConsumed: 0,
        requests: 0,
        rejected: 0,
        rejectedBy: emptyRejections(),
        peakInFlight: u.inFlight,
        since: Date.now(),
        byMethod: {},
        tokens: q.unitsPerSecond,
        last: now,
        windowStart: now,
        windowUnits: 0,
      });
    }
  }
}
