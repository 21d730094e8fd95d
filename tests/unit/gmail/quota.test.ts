import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfter, QuotaPacer, type Clock } from '../../../main/gmail/quota';

/** A clock that only moves when someone sleeps: the pacer's timing becomes exact. */
function virtualClock(): Clock & { elapsed: number } {
  const clock = {
    elapsed: 0,
    now: () => clock.elapsed,
    sleep: async (ms: number) => {
      clock.elapsed += ms;
    },
  };
  return clock;
}

describe('QuotaPacer', () => {
  it('spends a burst at once, then exactly the per-second rate', async () => {
    const clock = virtualClock();
    const pacer = new QuotaPacer({ unitsPerSecond: 250, burstSeconds: 1, clock });
    for (let i = 0; i < 50; i++) await pacer.acquire(5); // the first 250 units: the burst
    expect(clock.elapsed).toBe(0);
    for (let i = 0; i < 500; i++) await pacer.acquire(5); // 2,500 more units at 250/s
    expect(clock.elapsed).toBeGreaterThanOrEqual(9_990);
    expect(clock.elapsed).toBeLessThanOrEqual(10_050);
    expect(pacer.spentUnits).toBe(2_750);
  });

  it('serves waiting callers in order', async () => {
    const clock = virtualClock();
    const pacer = new QuotaPacer({ unitsPerSecond: 10, burstSeconds: 1, clock });
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => pacer.acquire(10).then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(clock.elapsed).toBeGreaterThanOrEqual(3_000);
  });

  it('stops everyone after a 429 until the pause is over', async () => {
    const clock = virtualClock();
    const pacer = new QuotaPacer({ unitsPerSecond: 100, clock });
    pacer.pause(2_000);
    await pacer.acquire(1);
    expect(clock.elapsed).toBeGreaterThanOrEqual(2_000);
  });
});

describe('backoff', () => {
  it('grows 2^n seconds plus jitter under the cap, and obeys Retry-After', () => {
    expect(backoffDelayMs(0, null, () => 0)).toBe(1_000);
    expect(backoffDelayMs(3, null, () => 0.5)).toBe(8_500);
    expect(backoffDelayMs(10, null, () => 0.99)).toBe(32_000);
    expect(backoffDelayMs(2, 1_500, () => 0)).toBe(1_500);
  });

  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3')).toBe(3_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:10 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
