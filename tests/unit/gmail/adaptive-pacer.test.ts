import { describe, expect, it } from 'vitest';
import { AdaptivePacer, pacerFor } from '../../../main/gmail/adaptive-pacer';
import type { Clock } from '../../../main/gmail/quota';
import { QuotaTracker, type QuotaSettings } from '../../../emulator/server/quota';

/** Discrete-event time: sleeps resolve in time order, and time jumps between them. */
class SimClock implements Clock {
  t = 0;
  private timers: { at: number; resolve: () => void }[] = [];
  now = () => this.t;
  sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      this.timers.push({ at: this.t + Math.max(0, ms), resolve });
    });
  async runUntil(end: number, done: () => boolean = () => false): Promise<void> {
    for (;;) {
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      if (done()) return;
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers.shift();
      if (!next || next.at > end) return;
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
  }
}

/**
 * A sync against the emulator's own quota model: batches of `batch` messages.get through
 * the pacer, `latencyMs` a round trip, each part charged by the server's QuotaTracker.
 */
async function simulateSync(
  settings: QuotaSettings,
  seconds: number,
  { batch = 10, latencyMs = 50, initialUnitsPerSecond = 100, maxUnitsPerSecond = 980 } = {},
) {
  const clock = new SimClock();
  const server = new QuotaTracker(() => clock.t);
  server.setDefault(settings);
  const pacer = new AdaptivePacer({ clock, initialUnitsPerSecond, maxUnitsPerSecond });
  let delivered = 0;
  let refusedParts = 0;
  const end = seconds * 1000;
  let finished = false;
  const worker = (async () => {
    while (clock.t < end) {
      const release = await pacer.acquire(20 * batch, { requests: batch });
      const charges = Array.from({ length: batch }, () => server.charge('u@example.com', 'users.messages.get'));
      await clock.sleep(latencyMs);
      let refused: 'quota' | 'concurrency' | null = null;
      for (const c of charges) {
        if (c.ok) {
          delivered++;
          c.release();
        } else {
          refusedParts++;
          if (refused !== 'quota') refused = c.reason === 'concurrency' ? 'concurrency' : 'quota';
        }
      }
      release();
      if (refused) pacer.refused(refused);
      else pacer.succeeded();
    }
    finished = true;
  })();
  await clock.runUntil(end + 120_000, () => finished);
  await worker;
  const usage = server.usage('u@example.com');
  return { delivered, refusedParts, unitsPerSecond: usage.unitsConsumed / seconds, budget: pacer.budget };
}

describe('AdaptivePacer against the emulator quota model', () => {
  it('2026 regime: learns the per-minute window and spends at least 90 % of 6,000 units a minute', async () => {
    const r = await simulateSync({ profile: '2026', maxConcurrent: 10 }, 600);
    const ceiling = 6_000 / 60;
    expect(r.unitsPerSecond / ceiling).toBeGreaterThanOrEqual(0.9);
    // Never more than the windows allow (the run's last window may have started just before the end).
    expect(r.unitsPerSecond / ceiling).toBeLessThanOrEqual(1.1);
    expect(r.budget.unitsPerMinute).not.toBeNull();
    // After learning, it no longer runs into the window every minute.
    expect(r.refusedParts).toBeLessThan(200);
  });

  it('legacy regime: climbs from the conservative start to at least 90 % of 250 units/s', async () => {
    const r = await simulateSync({ profile: 'legacy', maxConcurrent: 10 }, 300);
    expect(r.unitsPerSecond / 250).toBeGreaterThanOrEqual(0.9);
    expect(r.budget.unitsPerMinute).toBeNull();
  });

  it('a lower per-second limit than either regime: backs off to it without a window', async () => {
    const r = await simulateSync({ profile: 'legacy', unitsPerSecond: 100, maxConcurrent: 10 }, 300);
    expect(r.unitsPerSecond / 100).toBeGreaterThanOrEqual(0.8);
    expect(r.delivered).toBeGreaterThan(0);
  });

  it('an unlimited start (the local demo) learns a per-second limit from what it actually spent', async () => {
    const r = await simulateSync({ profile: '2026', unitsPerMinute: 0, unitsPerSecond: 1500, maxConcurrent: 10 }, 120, {
      initialUnitsPerSecond: Infinity,
      maxUnitsPerSecond: Infinity,
      latencyMs: 5,
    });
    expect(Number.isFinite(r.budget.unitsPerSecond)).toBe(true);
    expect(r.unitsPerSecond / 1500).toBeGreaterThanOrEqual(0.7);
  });

  it('concurrency refusals lower the number of requests in flight', async () => {
    const r = await simulateSync({ maxConcurrent: 4 }, 20, { batch: 10 });
    // A batch of 10 can't go through a limit of 4; the pacer caps requests per grant at its limit.
    expect(r.budget.maxInFlight).toBeLessThan(10);
  });

  it('serves foreground requests before waiting background ones', async () => {
    const clock = new SimClock();
    const pacer = new AdaptivePacer({ clock, initialUnitsPerSecond: 10, burstUnits: 10 });
    const order: string[] = [];
    const background = [1, 2, 3].map((n) => pacer.acquire(10).then((release) => (order.push(`bg${n}`), release())));
    const foreground = pacer.acquire(10, { priority: 'foreground' }).then((release) => (order.push('fg'), release()));
    await clock.runUntil(10_000, () => order.length === 4);
    await Promise.all([...background, foreground]);
    // The first background grant was already served from the initial burst; the rest wait behind the foreground one.
    expect(order).toEqual(['bg1', 'fg', 'bg2', 'bg3']);
  });

  it('reports rate_limited with a resume time, then ok again', async () => {
    const clock = new SimClock();
    const pacer = new AdaptivePacer({ clock });
    const states: string[] = [];
    pacer.onState((s) => states.push(s.kind));
    pacer.refused('quota');
    expect(pacer.state()).toMatchObject({ kind: 'rate_limited' });
    const release = pacer.acquire(20);
    await clock.runUntil(5_000);
    (await release)();
    pacer.succeeded();
    expect(states).toEqual(['rate_limited', 'ok']);
  });

  it('pacerFor: a local emulator is served at once, Google starts at the 2026 ceiling', async () => {
    const local = pacerFor({ localEmulator: true });
    // 50 full batches of messages.get (100 parts x 20 units), one after another, are granted without
    // waiting: throttled at the 2026 ceiling they would take 1,000 s, far past the test's timeout.
    for (let batch = 0; batch < 50; batch++) (await local.acquire(2_000))();
    expect(local.budget.unitsPerSecond).toBe(Infinity);
    expect(pacerFor({ localEmulator: false }).budget.unitsPerSecond).toBe(100);
  });
});
