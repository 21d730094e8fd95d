// The BUILT main process (out/main/main.js) run in Node against a stand-in `electron`
// (tests/e2e/stand-in-electron/): start-up order, the window, the URL, the app:// handler,
// the preload, and the failure paths. Electron's binary can't run here; this runs everywhere.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './harness/paths';
import { runMain, type MainRun } from './stand-in-electron/run-main';

const mainJs = path.join(repoRoot, 'out/main/main.js');

/** The checks every healthy start must pass, for the dev layout and for the packed app. */
export function expectHealthyStart(run: MainRun): void {
  expect(run.exitCode, run.stderr).toBe(0);
  const schemes = run.indexOf('protocol.registerSchemesAsPrivileged');
  const lock = run.indexOf('app.requestSingleInstanceLock');
  const ready = run.indexOf('app.ready');
  expect(schemes).toBeGreaterThanOrEqual(0);
  expect(lock).toBeGreaterThanOrEqual(0);
  expect(schemes).toBeLessThan(ready);
  expect(lock).toBeLessThan(ready);
  expect(run.calls[schemes]!.args[0]).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  expect(run.indexOf('protocol.handle')).toBeGreaterThan(ready);
  expect(run.indexOf('session.setPermissionRequestHandler')).toBeGreaterThan(ready);

  const windows = run.named('new BrowserWindow');
  expect(windows).toHaveLength(1);
  const options = windows[0]!.args[0];
  expect(options.show).toBe(false);
  expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  expect(existsSync(options.webPreferences.preload), `preload ${options.webPreferences.preload}`).toBe(true);
  expect(run.named('BrowserWindow.loadURL').map((c) => c.args[0])).toEqual(['app://skimmer/index.html']);
  expect(run.named('webContents.setWindowOpenHandler')).toHaveLength(1);
  expect(run.named('webContents.on').map((c) => c.args[0])).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
  // Every IPC request in the contract has a handler, copyText included.
  expect(run.named('ipcMain.handle').map((c) => c.args[0])).toEqual(expect.arrayContaining(['app:get-info', 'app:copy-text', 'auth:start-demo', 'mail:list-messages']));
  expect(run.indexOf('ipcMain.handle')).toBeLessThan(run.indexOf('BrowserWindow.loadURL'));
  if (process.platform === 'linux') expect(run.named('app.setAboutPanelOptions')[0]?.args[0]).toMatchObject({ applicationName: 'Skimmer', applicationVersion: '0.1.0' });

  const [page, traversal, otherHost] = run.served;
  expect(page).toMatchObject({ url: 'app://skimmer/index.html', status: 200 });
  expect(page!.headers!['content-type']).toMatch(/^text\/html/);
  expect(page!.headers!['content-security-policy']).toMatch(/default-src 'none'/);
  expect(page!.headers!['content-security-policy']).toMatch(/script-src 'self'/);
  expect(page!.body).toMatch(/<!doctype html>/i);
  expect(traversal!.status).toBe(404);
  expect(otherHost!.status).toBe(404);
  expect(run.named('dialog.showErrorBox')).toEqual([]);
}

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
