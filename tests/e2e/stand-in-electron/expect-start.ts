// What every healthy start of the built main must show, for the dev layout and the packed app.
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import type { MainRun } from './run-main';

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
  expect(run.named('ipcMain.handle').map((c) => c.args[0])).toEqual(
    expect.arrayContaining(['app:get-info', 'app:copy-text', 'auth:start-demo', 'mail:list-messages']),
  );
  expect(run.indexOf('ipcMain.handle')).toBeLessThan(run.indexOf('BrowserWindow.loadURL'));
  if (process.platform === 'linux')
    expect(run.named('app.setAboutPanelOptions')[0]?.args[0]).toMatchObject({ applicationName: 'Skimmer', applicationVersion: '0.1.0' });

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
