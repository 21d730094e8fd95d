/**
 * A task run now and then every period, whose period can change while it runs: the account
 * sync's timer, so a new "check for new mail" choice applies at once, not at the next start.
 */

/** The two timer calls this needs; tests pass their own to fire the timer themselves. */
export interface IntervalTimers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemTimers: IntervalTimers = {
  setInterval: (run, ms) => {
    const handle = setInterval(run, ms);
    // A pending check never keeps the process alive (the CLI, tests).
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export class RepeatingTask {
  private handle: unknown = null;

  constructor(
    private readonly run: () => void,
    private periodMs: number,
    private readonly timers: IntervalTimers = systemTimers,
  ) {}

  /** Runs the task now, then every period (a second start does nothing). */
  start(): void {
    if (this.handle !== null) return;
    this.run();
    this.handle = this.timers.setInterval(this.run, this.periodMs);
  }

  /** A new period, counted from now; the task doesn't run early for it. */
  setPeriod(periodMs: number): void {
    if (periodMs === this.periodMs) return;
    this.periodMs = periodMs;
    if (this.handle === null) return;
    this.timers.clearInterval(this.handle);
    this.handle = this.timers.setInterval(this.run, this.periodMs);
  }

  stop(): void {
    if (this.handle !== null) this.timers.clearInterval(this.handle);
    this.handle = null;
  }
}
