// The real Electron app, driven by Playwright's _electron. Electron's binary is
// downloaded by its postinstall, which needs the internet: where it is missing
// (this CI) the test says so plainly and is skipped.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './harness/paths';

// Read electron's path.txt ourselves: require('electron') would try to download the binary.
function electronBinary(): string | null {
  try {
    const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(packageDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.log('skipped: Electron binary not installed (npm install without ELECTRON_SKIP_BINARY_DOWNLOAD fetches it)');

describe('Electron app', () => {
  it.skipIf(!binary)('starts, shows one hardened window and answers IPC', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [path.join(repoRoot, '.')], cwd: repoRoot });
    try {
      const window = await app.firstWindow();
      await window.waitForSelector('[data-testid="status-version"]');
      expect(window.url()).toBe('app://skimmer/index.html');
      await expect.poll(() => window.locator('.app').getAttribute('data-shell')).toBe('electron');
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const [win] = BrowserWindow.getAllWindows();
        // Present at run time, missing from electron.d.ts.
        const contents = win!.webContents as unknown as { getLastWebPreferences(): Electron.WebPreferences | null };
        const p = contents.getLastWebPreferences();
        return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration };
      });
      expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});
