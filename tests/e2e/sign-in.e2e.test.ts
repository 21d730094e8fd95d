// Sign-in from the app window, as a person does it: click "Try the demo mailbox", finish
// the emulator's consent page in a second page standing in for the system browser, and
// see the account appear. Screenshots of each step go to test-results/screenshots.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppBackend, type AppBackend } from './harness/app-backend';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';

describe('sign-in from the app window', () => {
  let backend: AppBackend;
  let app: LaunchedApp;

  beforeAll(async () => {
    await mkdir(screenshotDir, { recursive: true });
    backend = await startAppBackend();
    app = await launchApp({ router: backend.router });
    backend.connect(app.emit);
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('signs in to the demo mailbox through the consent page', async () => {
    const { page, context } = app;
    const demoButton = page.getByRole('button', { name: 'Try the demo mailbox' });
    await demoButton.waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'sign-in.png') });

    await demoButton.click();
    await page.getByTestId('signin-pending').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'sign-in-pending.png') });

    await expect.poll(() => backend.openedUrls.at(-1) ?? '', { timeout: 15_000 }).toMatch(/\/o\/oauth2\/v2\/auth\?/);
    // "Copy" goes through main's clipboard (the renderer's clipboard permission is denied).
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => backend.copiedTexts.at(-1)).toBe(backend.openedUrls.at(-1));
    await page.getByRole('button', { name: 'Copied', exact: true }).waitFor();
    const browserPage = await context.newPage();
    await browserPage.goto(backend.openedUrls.at(-1)!);
    const url = new URL(browserPage.url());
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('scope')?.split(' ').sort()).toEqual(['email', 'https://www.googleapis.com/auth/gmail.readonly', 'openid', 'profile']);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    await browserPage.screenshot({ path: path.join(screenshotDir, 'consent.png') });
    await browserPage.getByRole('button', { name: 'Allow' }).click();
    await browserPage.waitForLoadState('load');
    expect(await browserPage.textContent('body')).toMatch(/return to Skimmer|close this/i);
    await browserPage.close();

    await page.getByText('demo@skimmer.example').first().waitFor({ timeout: 20_000 });
    const accounts = await page.evaluate(() => window.skimmer!.listAccounts());
    expect(accounts).toMatchObject({ ok: true, value: [{ email: 'demo@skimmer.example', state: 'signed_in', active: true }] });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(screenshotDir, 'signed-in.png') });
  });

  it('never hands a token to the page', async () => {
    const everything = await app.page.evaluate(async () => {
      const s = window.skimmer!;
      const replies = await Promise.all([s.listAccounts(), s.getAuthStatus()]);
      return JSON.stringify(replies) + document.documentElement.outerHTML + JSON.stringify({ ...localStorage });
    });
    expect(everything).not.toMatch(/1\/\/emu-|ya29\.|emu-at-|access_token|refresh_token/);
  });
});
