/** The two quota regimes' method costs and limits, and what a QuotaSettings resolves to (see quota.ts). */
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
