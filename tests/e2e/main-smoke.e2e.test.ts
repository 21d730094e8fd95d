// The BUILT main process (out/main/main.js) run in Node against a stand-in `electron`
// (tests/e2e/stand-in-electron/): start-up order, the window, the URL, the app:// handler,
// the preload, and the failure paths. Electron's binary can't run here; this runs everywhere.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './harness/paths';
import { expectHealthyStart } from './stand-in-electron/expect-start';
import { runMain } from './stand-in-electron/run-main';

const mainJs = path.join(repoRoot, 'out/main/main.js');

describe('built main process under a stand-in electron', () => {
  it('registers the scheme and takes the lock before ready, then opens the hardened window on app://', async () => {
    expectHealthyStart(await runMain(mainJs));
  });

  it('starts with tokens in memory when no keychain is reachable', async () => {
    // safeStorage refuses (the stand-in's basic_text) and there is no Secret Service bus.
    const run = await runMain(mainJs, { env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/skimmer-bus' } });
    expectHealthyStart(run);
  });

  it('a second instance quits at once and never opens a window', async () => {
    const run = await runMain(mainJs, { locked: true });
    expect(run.exitCode).toBe(0);
    expect(run.named('app.quit')).toHaveLength(1);
    expect(run.named('new BrowserWindow')).toEqual([]);
    expect(run.named('app.whenReady')).toEqual([]);
  });

  it('a corrupt settings.json: a dialog saying what to do, a kept copy, the lock freed, exit', async () => {
    const userData = await mkdtemp(path.join(os.tmpdir(), 'skimmer-corrupt-'));
    try {
      await mkdir(path.join(userData, 'data'), { recursive: true });
      await writeFile(path.join(userData, 'data/settings.json'), '{"googleClient": "half a file');
      const run = await runMain(mainJs, { userData });
      expect(run.exitCode, run.stderr).toBe(1);
      const [box] = run.named('dialog.showErrorBox');
      expect(box, JSON.stringify(run.calls.map((c) => c.name))).toBeDefined();
      expect(box!.args[0]).toMatch(/settings/i);
      expect(box!.args[1]).toMatch(/settings\.json\.corrupt-/);
      expect(box!.args[1]).toMatch(/default settings/);
      expect(run.indexOf('app.releaseSingleInstanceLock')).toBeGreaterThan(run.indexOf('dialog.showErrorBox'));
      expect(run.indexOf('app.exit')).toBeGreaterThan(run.indexOf('app.releaseSingleInstanceLock'));
      expect(run.named('new BrowserWindow')).toEqual([]);
      const files = await readdir(path.join(userData, 'data'));
      expect(files.some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
      expect(files).not.toContain('settings.json');

      // The next start begins with defaults and opens the window.
      expectHealthyStart(await runMain(mainJs, { userData }));
    } finally {
      await rm(userData, { recursive: true, force: true });
    }
  });
});
