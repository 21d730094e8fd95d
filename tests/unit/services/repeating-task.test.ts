import { describe, expect, it } from 'vitest';
import { RepeatingTask } from '../../../main/services/repeating-task';
import { manualTimers } from '../../integration/helpers/manual-timers';

describe('a repeating task', () => {
  it('runs at start, then on its period; a new period replaces the old timer at once', () => {
    const clock = manualTimers();
    let runs = 0;
    const task = new RepeatingTask(() => (runs += 1), 900_000, clock.timers);
    task.start();
    task.start();
    expect(runs).toBe(1);
    expect(clock.periods()).toEqual([900_000]);
    task.setPeriod(60_000);
    expect(clock.periods()).toEqual([60_000]);
    expect(runs).toBe(1);
    clock.fire();
    expect(runs).toBe(2);
    task.stop();
    expect(clock.periods()).toEqual([]);
    // Stopped: a new period is remembered for the next start, with no timer until then.
    task.setPeriod(20_000);
    expect(clock.periods()).toEqual([]);
    task.start();
    expect(clock.periods()).toEqual([20_000]);
  });
});
