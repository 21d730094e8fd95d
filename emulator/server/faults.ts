/**
 * Fault injection for Gmail API calls: added latency (fixed + jitter), a random error rate
 * (500 backendError / 503 unavailable) and a random rate of dropped connections.
 * Settings are global, with optional per-user overrides.
 */

export interface FaultSettings {
  /** Added to every Gmail API request (ms). */
  latencyMs?: number;
  /** Uniform random extra latency in [0, jitterMs). */
  jitterMs?: number;
  /** Probability (0..1) that a request fails with one of `errorStatuses`. */
  errorRate?: number;
  /** Statuses to pick from when failing; default [500, 503]. */
  errorStatuses?: number[];
  /** Probability (0..1) that the connection is destroyed without an answer. */
  dropRate?: number;
}

export type FaultDecision = { kind: 'ok' } | { kind: 'error'; status: number } | { kind: 'drop' };

export class FaultInjector {
  private global: FaultSettings = {};
  private readonly perUser = new Map<string, FaultSettings>();
  /** Replaceable for deterministic tests. */
  random: () => number = Math.random;

  set(email: string | undefined, s: FaultSettings): void {
    const clean = sanitize(s);
    if (!email) this.global = clean;
    else this.perUser.set(email.toLowerCase(), clean);
  }

  clear(): void {
    this.global = {};
    this.perUser.clear();
  }

  settings(email?: string): FaultSettings {
    return (email && this.perUser.get(email.toLowerCase())) || this.global;
  }

  snapshot(): { global: FaultSettings; users: Record<string, FaultSettings> } {
    return { global: { ...this.global }, users: Object.fromEntries(this.perUser) };
  }

  delayMs(email?: string): number {
    const s = this.settings(email);
    return (s.latencyMs ?? 0) + (s.jitterMs ? this.random() * s.jitterMs : 0);
  }

  decide(email?: string, canDrop = true): FaultDecision {
    const s = this.settings(email);
    if (canDrop && s.dropRate && this.random() < s.dropRate) return { kind: 'drop' };
    if (s.errorRate && this.random() < s.errorRate) {
      const list = s.errorStatuses?.length ? s.errorStatuses : [500, 503];
      return { kind: 'error', status: list[Math.floor(this.random() * list.length)] ?? 500 };
    }
    return { kind: 'ok' };
  }
}

function clamp01(n: unknown): number | undefined {
  if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
  return Math.min(1, Math.max(0, n));
}

function nonNeg(n: unknown): number | undefined {
  if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
  return Math.max(0, Math.min(n, 600_000));
}

function sanitize(s: FaultSettings): FaultSettings {
  const out: FaultSettings = {};
  const latency = nonNeg(s.latencyMs);
  if (latency !== undefined) out.latencyMs = latency;
  const jitter = nonNeg(s.jitterMs);
  if (jitter !== undefined) out.jitterMs = jitter;
  const er = clamp01(s.errorRate);
  if (er !== undefined) out.errorRate = er;
  const dr = clamp01(s.dropRate);
  if (dr !== undefined) out.dropRate = dr;
  if (Array.isArray(s.errorStatuses)) {
    const st = s.errorStatuses.filter((x) => Number.isInteger(x) && x >= 400 && x <= 599);
    if (st.length) out.errorStatuses = st;
  }
  return out;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
