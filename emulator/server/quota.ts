/**
 * Per-user quota: Gmail's per-method unit costs, a token bucket of `unitsPerSecond`
 * (burst up to one second's worth, like Google's moving average), an optional cap on
 * concurrent requests, and usage counters that benchmarks can read.
 */

/** Quota units per method, as Google charges them (reference §3.2). */
export const METHOD_COSTS: Record<string, number> = {
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

export interface QuotaSettings {
  /** Units per second per user; 0 or undefined = unlimited. */
  unitsPerSecond?: number;
  /** Concurrent requests per user before 429 "Too many concurrent requests for user"; 0 = unlimited. */
  maxConcurrent?: number;
}

export interface QuotaUsage {
  email: string;
  unitsPerSecond: number | null;
  maxConcurrent: number | null;
  unitsConsumed: number;
  requests: number;
  rejected: number;
  inFlight: number;
  since: string;
  elapsedSeconds: number;
  unitsPerSecondObserved: number;
  byMethod: Record<string, { calls: number; units: number; rejected: number }>;
}

interface UserState {
  tokens: number;
  last: number;
  inFlight: number;
  unitsConsumed: number;
  requests: number;
  rejected: number;
  since: number;
  byMethod: Record<string, { calls: number; units: number; rejected: number }>;
}

export type ChargeResult = { ok: true; release: () => void } | { ok: false; reason: 'rate' | 'concurrency' };

export class QuotaTracker {
  private defaults: QuotaSettings = {};
  private readonly perUser = new Map<string, QuotaSettings>();
  private readonly users = new Map<string, UserState>();

  setDefault(s: QuotaSettings): void {
    this.defaults = { ...s };
    for (const u of this.users.values()) u.tokens = Math.min(u.tokens, s.unitsPerSecond || Infinity);
  }

  set(email: string | undefined, s: QuotaSettings): void {
    if (!email) return this.setDefault(s);
    this.perUser.set(email.toLowerCase(), { ...s });
    const u = this.users.get(email.toLowerCase());
    if (u) u.tokens = s.unitsPerSecond || 0;
  }

  settings(email: string): QuotaSettings {
    return this.perUser.get(email.toLowerCase()) ?? this.defaults;
  }

  private user(email: string): UserState {
    const key = email.toLowerCase();
    let u = this.users.get(key);
    if (!u) {
      const s = this.settings(email);
      u = { tokens: s.unitsPerSecond || 0, last: performance.now(), inFlight: 0, unitsConsumed: 0, requests: 0, rejected: 0, since: Date.now(), byMethod: {} };
      this.users.set(key, u);
    }
    return u;
  }

  charge(email: string, method: string): ChargeResult {
    const cost = METHOD_COSTS[method] ?? 1;
    const s = this.settings(email);
    const u = this.user(email);
    const m = (u.byMethod[method] ??= { calls: 0, units: 0, rejected: 0 });
    if (s.maxConcurrent && u.inFlight >= s.maxConcurrent) {
      u.rejected++;
      m.rejected++;
      return { ok: false, reason: 'concurrency' };
    }
    if (s.unitsPerSecond && s.unitsPerSecond > 0) {
      const now = performance.now();
      u.tokens = Math.min(s.unitsPerSecond, u.tokens + ((now - u.last) / 1000) * s.unitsPerSecond);
      u.last = now;
      if (u.tokens < cost) {
        u.rejected++;
        m.rejected++;
        return { ok: false, reason: 'rate' };
      }
      u.tokens -= cost;
    }
    u.unitsConsumed += cost;
    u.requests++;
    m.calls++;
    m.units += cost;
    u.inFlight++;
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
    const s = this.settings(email);
    const elapsed = (Date.now() - u.since) / 1000;
    return {
      email,
      unitsPerSecond: s.unitsPerSecond || null,
      maxConcurrent: s.maxConcurrent || null,
      unitsConsumed: u.unitsConsumed,
      requests: u.requests,
      rejected: u.rejected,
      inFlight: u.inFlight,
      since: new Date(u.since).toISOString(),
      elapsedSeconds: elapsed,
      unitsPerSecondObserved: elapsed > 0 ? u.unitsConsumed / elapsed : 0,
      byMethod: structuredClone(u.byMethod),
    };
  }

  resetUsage(email?: string): void {
    for (const [key, u] of this.users) {
      if (email && key !== email.toLowerCase()) continue;
      const s = this.settings(key);
      Object.assign(u, { unitsConsumed: 0, requests: 0, rejected: 0, since: Date.now(), byMethod: {}, tokens: s.unitsPerSecond || 0, last: performance.now() });
    }
  }
}
