// Reading all day: a new search closes the old conversation, Ctrl/Cmd+K, n/p, recent searches
// that were used, highlighted terms, folded quotes, sign-out that asks, re-auth for demo accounts.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, type AccountView } from '../../common/ipc';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';
import { startMailBackend, type MailBackend } from './mail-harness';

const QUOTED_HTML =
  '<div dir="ltr">Friday works for me.</div><br><div class="gmail_quote"><div class="gmail_attr">On Mon, Nov 3, 2026 at 10:00 AM Ana Lima wrote:</div>' +
  '<blockquote class="gmail_quote">Shall we have lunch on Friday?</blockquote></div>';
const OUTLOOK_HTML =
  '<div>Approved, go ahead.</div><hr><div id="divRplyFwdMsg"><b>From:</b> Ana Lima<br><b>Sent:</b> Monday</div><div>The original request text</div>';

describe('reading all day', () => {
  let backend: MailBackend;
  let app: LaunchedApp;
  const signedOut: string[] = [];
  let demoStarts = 0;

  beforeAll(async () => {
    backend = await startMailBackend();
    backend.override.signOut = (id) => {
      signedOut.push(id);
      return null;
    };
    app = await launchApp({ router: backend.router, viewport: { width: 1280, height: 800 } });
    await mkdir(screenshotDir, { recursive: true });
    await app.page.getByTestId('message-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  const rows = () => app.page.locator('[role="option"][data-id]');

  it('a new search closes the conversation that was open, even when nothing matches', async () => {
    const { page } = app;
    await rows().first().click();
    await page.getByTestId('thread').waitFor();
    await page.getByTestId('search-input').fill('zzqxnothingmatches');
    await page.getByText('No matches').waitFor();
    expect(await page.getByTestId('thread').count()).toBe(0);
    await page.getByTestId('search-input').fill('');
    await page.keyboard.press('Escape');
  });

  it('Ctrl+K focuses the search box from the list', async () => {
    const { page } = app;
    await page.getByTestId('message-list').focus();
    await page.keyboard.press('Control+KeyK');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.press('Escape');
  });

  it('remembers a search once a result is opened, not each query typed on the way', async () => {
    const { page } = app;
    const input = page.getByTestId('search-input');
    await input.fill('invo');
    await page.waitForTimeout(400);
    await input.fill('invoice');
    await page.waitForTimeout(400);
    await input.fill('');
    await page.waitForTimeout(400);
    expect(await page.getByTestId('suggestions').count()).toBe(0);
    await input.fill('invoice');
    await expect.poll(() => rows().count()).toBeGreaterThan(0);
    // Highlighted in the list…
    await expect.poll(() => page.locator('.row mark.hit').count()).toBeGreaterThan(0);
    expect((await page.locator('.row mark.hit').first().textContent())?.toLowerCase()).toContain('invoice');
    await rows().first().click();
    await page.getByTestId('thread').waitFor();
    // …and in the open message (HTML in its frame, or plain text).
    await expect
      .poll(async () => {
        const plain = await page.locator('[data-testid="plain-text"] mark.hit').count();
        const frames = page.getByTestId('mail-frame');
        let framed = 0;
        for (let i = 0; i < (await frames.count()); i++) {
          framed += await frames.nth(i).evaluate((el) => (el as HTMLIFrameElement).contentDocument?.querySelectorAll('mark.skimmer-hit').length ?? 0);
        }
        return plain + framed;
      })
      .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshotDir, 'viewer-highlight-light.png') });
    await input.fill('');
    await input.focus();
    await page.getByTestId('suggestions').waitFor();
    expect(await page.getByTestId('suggestions').locator('[role="option"]').allTextContents()).toEqual(['invoice']);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('n and p move between the messages of the open conversation', async () => {
    const { page } = app;
    const thread = page.locator('[role="option"][data-id]').filter({ hasText: 'Access request for the warehouse' });
    await thread.first().click();
    await page.getByTestId('thread').waitFor();
    await page.getByTestId('message-list').focus();
    await page.keyboard.press('p');
    const messages = page.locator('[data-testid="message"]');
    await expect.poll(() => messages.count()).toBe(2);
    await expect.poll(() => messages.first().getAttribute('data-focused')).toBe('true');
    await page.keyboard.press('n');
    await expect.poll(() => messages.last().getAttribute('data-focused')).toBe('true');
    expect(await messages.first().getAttribute('data-focused')).toBeNull();
  });

  it('folds quoted text (Gmail and Outlook) behind "…" and shows it on request', async () => {
    const { page } = app;
    let html = QUOTED_HTML;
    backend.override.getThread = async (_a, threadId) => {
      const t = await backend.source.getThread(threadId);
      return { ...t, messages: t.messages.map((m) => ({ ...m, html, text: null })) };
    };
    for (const [body, own, quoted] of [
      [QUOTED_HTML, 'Friday works for me.', 'Shall we have lunch'],
      [OUTLOOK_HTML, 'Approved, go ahead.', 'The original request text'],
    ] as const) {
      html = body;
      await page.getByTestId('message-list').focus();
      await page.keyboard.press('u');
      await rows().nth(2).click();
      const frame = page.getByTestId('mail-frame').last();
      await frame.waitFor();
      const visible = (text: string) =>
        frame.evaluate((el, t) => {
          const doc = (el as HTMLIFrameElement).contentDocument!;
          return doc.body.innerText.includes(t);
        }, text);
      await expect.poll(() => visible(own)).toBe(true);
      expect(await visible(quoted)).toBe(false);
      await page.getByTestId('quote-toggle').last().click();
      await expect.poll(() => visible(quoted)).toBe(true);
    }
    delete backend.override.getThread;
  });

  it('asks before signing out, and says it deletes the mail kept on this computer', async () => {
    const { page } = app;
    await page.getByTestId('account-button').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('delete the copy of this account');
    await page.screenshot({ path: path.join(screenshotDir, 'viewer-sign-out-light.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(signedOut).toEqual([]);
    await page.getByTestId('account-button').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out and delete local mail' }).click();
    await expect.poll(() => signedOut).toEqual([backend.account.id]);
  });

  it('a demo account that must sign in again gets a working button, and the status bar says why', async () => {
    const { page } = app;
    const demo: AccountView = { ...backend.account, state: 'needs_reauth', demo: true };
    backend.override.listAccounts = () => [demo];
    backend.override.startDemo = () => {
      demoStarts += 1;
      return { ...demo, state: 'signed_in' };
    };
    await app.emit(events.accountsChanged.channel, [demo]);
    const status = page.getByTestId('status-reauth');
    await status.waitFor();
    expect(await status.textContent()).not.toContain('Sync paused');
    await status.getByRole('button', { name: 'Sign in again' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in' });
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Sign in with Google' }).count()).toBe(0);
    expect(await dialog.locator('button:disabled').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Sign in to the demo again' }).click();
    await expect.poll(() => demoStarts).toBe(1);
  });
});
