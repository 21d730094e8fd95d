import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkIntervalMs, createViewSettingsHandlers } from '../../../main/handlers/view-settings';
import { openSettingsStore } from '../../../main/settings/settings-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('"check for new mail" across a restart', () => {
  it('the interval chosen in Settings is the one the next start syncs at', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'skimmer-settings-'));
    dirs.push(dataDir);
    const firstRun = openSettingsStore(dataDir, 'settings');
    expect(checkIntervalMs(firstRun)).toBe(20_000);
    await createViewSettingsHandlers(firstRun).updateSettings({ checkEverySeconds: 300 });

    // A restart: a new store over the same files, as createAppServices opens it.
    const secondRun = openSettingsStore(dataDir, 'settings');
    expect(checkIntervalMs(secondRun)).toBe(300_000);
    expect((await createViewSettingsHandlers(secondRun).getSettings()).checkEverySeconds).toBe(300);
  });
});
