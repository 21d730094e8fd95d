import type { IntervalTimers } from '../../../main/services/repeating-task';

/** Interval timers a test fires itself: which periods are set now, and running them on demand. */
export function manualTimers() {
  let next = 0;
  const active = new Map<number, { run: () => void; ms: number }>();
  const timers: IntervalTimers = {
    setInterval: (run, ms) => {
      next += 1;
      active.set(next, { run, ms });
      return next;
    },
    clearInterval: (handle) => void active.delete(handle as number),
  };
  return {
    timers,
    periods: () => [...active.values()].map((t) => t.ms),
    fire: () => [...active.values()].forEach((t) => t.run()),
  };
}
