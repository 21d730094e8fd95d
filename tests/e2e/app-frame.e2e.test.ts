import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../common/ipc';
import { startAppBackend, type AppBackend } from './harness/app-backend';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';

describe('app frame in Chromium over the real bridge', () => {
  let app: LaunchedApp;
  let backend: AppBackend;
  const requestsSeen: string[] = [];

  beforeAll(async () => {
    backend = await startAppBackend();
    app = await launchApp({ router: backend.router });
    backend.connect(app.emit);
    app.page.on('request', (request) => requestsSeen.push(request.url()));
    await mkdir(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('renders the frame and shows data from a real IPC round trip', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('status-version').textContent()).toBe('Skimmer e2e');
    await expect.poll(() => page.locator('.app').getAttribute('data-shell')).toBe('test-bridge');
    expect(await page.getByRole('banner').isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Accounts and labels' }).isVisible()).toBe(true);
    expect(await page.getByRole('main', { name: 'Messages' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Reading pane' }).isVisible()).toBe(true);
    expect(await page.getByRole('contentinfo').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'app-frame-light.png') });
  });

  it('exposes only the contract methods, frozen, and no Node or ipcRenderer', async () => {
    const shape = await app.page.evaluate(() => {
      const api = window.skimmer as unknown as Record<string, unknown>;
      return {
        keys: Object.keys(api).sort(),
        frozen: Object.isFrozen(api),
        hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
        hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
        hasGenericInvoke: 'invoke' in api || 'send' in api,
      };
    });
    expect(shape.keys).toEqual([...Object.keys(requests), 'on'].sort());
    expect(shape.frozen).toBe(true);
    expect(shape.hasRequire).toBe(false);
    expect(shape.hasProcess).toBe(false);
    expect(shape.hasGenericInvoke).toBe(false);
  });

  it('refuses a malformed request from the page with invalid_request', async () => {
    const reply = await app.page.evaluate(() =>
      (window.skimmer as unknown as { openExternal: (u: unknown) => Promise<unknown> }).openExternal('javascript:alert(1)'),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const good = await app.page.evaluate(() => window.skimmer!.openExternal('https://example.com/help'));
    expect(good).toEqual({ ok: true, value: null });
    expect(backend.openedUrls).toEqual(['https://example.com/help']);
  });

  it('runs under the CSP: an injected inline script does not execute', async () => {
    const ran = await app.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.appendChild(script);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
  });

  it('loads nothing from outside its own origin', () => {
    const foreign = requestsSeen.filter((url) => !url.startsWith(app.origin));
    expect(foreign).toEqual([]);
  });

  it('follows the OS dark theme', async () => {
    await app.page.emulateMedia({ colorScheme: 'dark' });
    // The renderer resolves System into data-theme on the media query's change event.
    await expect.poll(() => app.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 23, 27)');
    await app.page.screenshot({ path: path.join(screenshotDir, 'app-frame-dark.png') });
    await app.page.emulateMedia({ colorScheme: 'light' });
  });
});
