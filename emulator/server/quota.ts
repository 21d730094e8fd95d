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

export type QuotaProfile = 'off' | 'legacy' | '2026';

/** Units per method for projects that predate 1 May 2026 (reference §3.2). */
export const LEGACY_METHOD_COSTS: Readonly<Record<string, number>> = {
  'users.getProfile': 1,
  'users.labels.list': 1,
  'users.labels.get': 1,
  'users.labels.create': 5,
  'users.messages.list': 5,
  'users.messages.get': 5,
  'users.messages.attachments.get': 5,
  'users.messages.modify': 5,
  'users.messages.trash': 5,
  'users.messages.untrash': 5,
  'users.messages.delete': 10,
  'users.threads.list': 10,
  'users.threads.get': 10,
  'users.history.list': 2,
  'users.drafts.list': 5,
};

/** Units per method for projects created since 1 May 2026 (reference §3.10). */
export const COSTS_2026: Readonly<Record<string, number>> = {
  ...LEGACY_METHOD_COSTS,
  'users.messages.get': 20,
  'users.messages.attachments.get': 20,
  'users.messages.trash': 20,
  'users.threads.get': 40,
  'users.threads.trash': 40,
  'users.drafts.get': 20,
};

/** Kept for callers that read the legacy table by its old name. */
export interface QuotaSettings {
  /** A regime's limits and costs; the explicit fields below override it. */
  profile?: QuotaProfile;
  /** Units per second per user (legacy moving average); 0 = no per-second limit. */
  unitsPerSecond?: number;
  /** Units per user per fixed one-minute window (the 2026 limit); 0 = none. */
  unitsPerMinute?: number;
  /** Units per project (all users together) per one-minute window; 0 = none. */
  projectUnitsPerMinute?: number;
  /** Units per user per day; 0 = none. */
  unitsPerDay?: number;
  /** Concurrent requests per user before 429 "Too many concurrent requests for user"; 0 = unlimited. */
  maxConcurrent?: number;
  /** Which form Google uses for a rate refusal: 429 RESOURCE_EXHAUSTED (default) or 403 PERMISSION_DENIED. */
  refusalStatus?: 429 | 403;
  /** The Cloud project has the Gmail API disabled: every call gets 403 accessNotConfigured. */
  apiDisabled?: boolean;
}

interface EffectiveQuota {
  readonly costs: Readonly<Record<string, number>>;
  readonly unitsPerSecond: number;
  readonly unitsPerMinute: number;
  readonly projectUnitsPerMinute: number;
  readonly unitsPerDay: number;
  readonly maxConcurrent: number;
  readonly refusalStatus: 429 | 403;
  readonly apiDisabled: boolean;
  readonly profile: QuotaProfile;
}

const PROJECT_UNITS_PER_MINUTE = 1_200_000;

/** A profile's limits with the explicit settings laid over them. */
export function effectiveQuota(s: QuotaSettings): EffectiveQuota {
  const profile = s.profile ?? 'off';
  const base =
    profile === 'legacy'
      ? { costs: LEGACY_METHOD_COSTS, unitsPerSecond: 250, unitsPerMinute: 0, projectUnitsPerMinute: PROJECT_UNITS_PER_MINUTE }
      : profile === '2026'
        ? { costs: COSTS_2026, unitsPerSecond: 0, unitsPerMinute: 6_000, projectUnitsPerMinute: PROJECT_UNITS_PER_MINUTE }
        : { costs: LEGACY_METHOD_COSTS, unitsPerSecond: 0, unitsPerMinute: 0, projectUnitsPerMinute: 0 };
  return {
    profile,
    costs: base.costs,
    unitsPerSecond: s.unitsPerSecond ?? base.unitsPerSecond,
    unitsPerMinute: s.unitsPerMinute ?? base.unitsPerMinute,
    projectUnitsPerMinute: s.projectUnitsPerMinute ?? base.projectUnitsPerMinute,
    unitsPerDay: s.unitsPerDay ?? 0,
    maxConcurrent: s.maxConcurrent ?? 0,
    refusalStatus: s.refusalStatus ?? 429,
    apiDisabled: s.apiDisabled ?? false,
  };
}

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
  | { ok: true; release: () => void }
  | { ok: false; reason: RefusalReason; refusalStatus: 429 | 403; profile: QuotaProfile; retryInMs: number };

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
    if (q.projectUnitsPerMinute && this.project.windowUnits + cost > q.projectUnitsPerMinute) return refuse('project', this.project.windowStart + MINUTE_MS - now);
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
