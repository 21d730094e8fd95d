// The mail UI over the real bridge, router, Gmail client and emulator (demo mailbox):
// layout, list, reading pane, search box; screenshots in both themes.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';
import { startMailBackend, type MailBackend } from './mail-harness';

describe('mail UI (demo mailbox)', () => {
  let backend: MailBackend;
  let app: LaunchedApp;
  const foreign: string[] = [];

  beforeAll(async () => {
    backend = await startMailBackend();
    app = await launchApp({ router: backend.router, viewport: { width: 1440, height: 900 } });
    app.context.on('request', (r) => {
      if (!r.url().startsWith(app.origin)) foreign.push(r.url());
    });
    await mkdir(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('shows the inbox with rows from the emulator', async () => {
    const { page } = app;
    await page.getByTestId('message-list').waitFor();
    const rows = page.locator('[role="option"][data-id]');
    expect(await rows.count()).toBeGreaterThan(3);
    await page.screenshot({ path: path.join(screenshotDir, 'mail-list-light.png') });
  });

  it('opens a thread in the reading pane', async () => {
    const { page } = app;
    await page.locator('[role="option"][data-id]').first().click();
    await page.getByTestId('thread').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(screenshotDir, 'mail-reading-light.png') });
  });

  it('searches with autocomplete', async () => {
    const { page } = app;
    await page.keyboard.press('/');
    await page.keyboard.type('has:att');
    await page.getByTestId('suggestions').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'mail-search-light.png') });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(screenshotDir, 'mail-search-results-light.png') });
  });

  it('dark theme', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(screenshotDir, 'mail-search-dark.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.list-header h2').textContent()).toBe('Inbox');
    await page.waitForFunction(() => !document.querySelector('.skeleton-list'));
    await page.screenshot({ path: path.join(screenshotDir, 'mail-list-dark.png') });
    await page.locator('[role="option"][data-id]').nth(3).click();
    await page.getByTestId('thread').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(screenshotDir, 'mail-reading-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('conversation view and account menu', async () => {
    const { page } = app;
    await page.locator('[role="option"]:has(.row__count)').first().click();
    await page.getByTestId('thread').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(screenshotDir, 'mail-thread-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(screenshotDir, 'mail-thread-dark.png') });
    await page.getByTestId('account-button').click();
    await page.getByRole('menu').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'account-menu-dark.png') });
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('made no request outside the app origin', () => {
    expect(foreign).toEqual([]);
  });
});
