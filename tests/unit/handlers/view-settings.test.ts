import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkIntervalMs, createViewSettingsHandlers, loadViewSettings } from '../../../main/handlers/view-settings';
import { MemoryStore, openSettingsStore } from '../../../main/settings/settings-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('"check for new mail" across a restart', () => {
  it('the interval chosen in Settings is the one the next start syncs at', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'skimmer-settings-'));
    dirs.push(dataDir);
    const firstRun = openSettingsStore(dataDir, 'settings');
    expect(checkIntervalMs(loadViewSettings(firstRun))).toBe(20_000);
    await createViewSettingsHandlers(firstRun).updateSettings({ checkEverySeconds: 300 });

    // A restart: a new store over the same files, as createAppServices opens it.
    const secondRun = openSettingsStore(dataDir, 'settings');
    expect(checkIntervalMs(loadViewSettings(secondRun))).toBe(300_000);
    expect((await createViewSettingsHandlers(secondRun).getSettings()).checkEverySeconds).toBe(300);
  });
});

describe('a settings change is heard at once', () => {
  it('tells the listener the saved settings and the ones before, after saving them', async () => {
    const store = new MemoryStore();
    const heard: [number, number][] = [];
    const handlers = createViewSettingsHandlers(store, (next, previous) => {
      expect(loadViewSettings(store)).toEqual(next);
      heard.push([previous.checkEverySeconds, next.checkEverySeconds]);
    });
    await handlers.updateSettings({ checkEverySeconds: 900 });
    await handlers.updateSettings({ theme: 'dark' });
    expect(heard).toEqual([
      [20, 900],
      [900, 900],
    ]);
  });
});
