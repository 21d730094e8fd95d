// "Did you mean" in the demo mailbox, through the real services (demo sign-in, sync into the
// libsql cache, the FTS vocabulary): a typo finds nothing, the line above the empty result
// offers the word the mailbox has, and clicking it runs that search.
// Screenshots: test-results/screenshots/did-you-mean-{light,dark}.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppBackend, type AppBackend } from './harness/app-backend';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';
import { showTheme } from './harness/theme';

describe('"Did you mean" in the demo mailbox', () => {
  let backend: AppBackend;
  let app: LaunchedApp;

  beforeAll(async () => {
    await mkdir(screenshotDir, { recursive: true });
    backend = await startAppBackend();
    app = await launchApp({ router: backend.router, viewport: { width: 1280, height: 800 } });
    backend.connect(app.emit);
    const { page, context } = app;
    // The "browser" waits for the consent page before the click that opens it.
    const consent = backend.completeConsent(context);
    await page.getByRole('button', { name: 'Try the demo mailbox' }).click();
    await (await consent).close();
    await page.getByTestId('message-list').waitFor({ timeout: 30_000 });
    // The whole demo mailbox in the cache, so the vocabulary is complete.
    await page.locator('.statusbar', { hasText: 'Up to date' }).waitFor({ timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('offers the corrected word above the empty result and runs it when clicked', async () => {
    const { page } = app;
    const box = page.getByRole('combobox');
    await box.fill('invoce');
    await box.press('Enter');
    await page.getByTestId('empty-list').waitFor();
    const line = page.getByTestId('did-you-mean');
    await expect.poll(() => line.textContent(), { timeout: 15_000 }).toBe('Did you mean: invoice?');
    expect(await line.locator('button').evaluate((b) => getComputedStyle(b).fontWeight)).toBe('700');
    await page.screenshot({ path: path.join(screenshotDir, 'did-you-mean-light.png') });
    await showTheme(page, 'dark');
    await page.screenshot({ path: path.join(screenshotDir, 'did-you-mean-dark.png') });
    await showTheme(page, 'light');

    await line.getByRole('button', { name: 'invoice' }).click();
    await expect.poll(() => box.inputValue()).toBe('invoice');
    await expect.poll(() => page.locator('.list-header h2').textContent()).toBe('invoice');
    await expect.poll(() => page.locator('[role="option"][data-id]').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await page.getByTestId('did-you-mean').count()).toBe(0);
    const subjects = await page.locator('[role="option"] .row__subject').allTextContents();
    expect(subjects.some((s) => /invoice/i.test(s))).toBe(true);
  });

  it('keeps the operators of the query and suggests nothing for a word the mailbox has', async () => {
    const { page } = app;
    const box = page.getByRole('combobox');
    await box.fill('in:anywhere "Cloudnest subscription" invoce');
    await box.press('Enter');
    const line = page.getByTestId('did-you-mean');
    await expect.poll(() => line.textContent(), { timeout: 15_000 }).toBe('Did you mean: in:anywhere "Cloudnest subscription" invoice?');
    await box.fill('zzzznotaword');
    await box.press('Enter');
    await page.getByTestId('empty-list').waitFor();
    await expect.poll(() => page.locator('.list-header h2').textContent()).toBe('zzzznotaword');
    expect(await page.getByTestId('did-you-mean').count()).toBe(0);
  });
});
