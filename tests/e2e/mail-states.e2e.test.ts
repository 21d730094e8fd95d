// Sign-in screens, failure states, keyboard and ARIA of the mail UI, over the real bridge
// and router with the emulator's demo mailbox; failures are injected at the handlers.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpcFailure, type AccountView, type AuthStatus, type SyncStatus } from '../../common/ipc';
import { events } from '../../common/ipc';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';
import { startMailBackend, type MailBackend } from './mail-harness';

describe('sign-in screen', () => {
  let backend: MailBackend;
  let app: LaunchedApp;
  let accounts: AccountView[] = [];
  let status: AuthStatus = { client: 'none', storage: 'memory_only', help: 'Create a Desktop OAuth client in Google Cloud.' };
  let releaseSignIn: (() => void) | null = null;
  let cancelled = 0;

  beforeAll(async () => {
    backend = await startMailBackend();
    backend.override.listAccounts = () => accounts;
    backend.override.getAuthStatus = () => status;
    backend.override.importClientSecret = () => {
      status = { ...status, client: 'google' };
      return status;
    };
    backend.override.cancelSignIn = () => {
      cancelled += 1;
      releaseSignIn?.();
      return null;
    };
    backend.override.signIn = () =>
      new Promise((_resolve, reject) => {
        releaseSignIn = () => reject(new IpcFailure('cancelled', 'Sign-in cancelled.'));
        void app.emit(events.signInPending.channel, { url: 'http://127.0.0.1:9/o/oauth2/v2/auth?client_id=x&state=abc' });
      });
    backend.override.startDemo = () => {
      accounts = [backend.account];
      void app.emit(events.accountsChanged.channel, accounts);
      return backend.account;
    };
    app = await launchApp({ router: backend.router, viewport: { width: 1280, height: 800 } });
    await mkdir(screenshotDir, { recursive: true });
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('explains how to get a client when none is configured, and says storage is memory only', async () => {
    const { page } = app;
    await page.getByTestId('no-client-help').waitFor();
    // No disabled button first: without a client the demo leads, and Google sign-in waits for one.
    expect(await page.getByRole('button', { name: 'Sign in with Google' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Try the demo mailbox' }).isEnabled()).toBe(true);
    expect(await page.getByTestId('memory-only').textContent()).toContain("you'll need to sign in again next time");
    await page.screenshot({ path: path.join(screenshotDir, 'signin-no-client-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(screenshotDir, 'signin-no-client-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('imports a client_secret.json, then offers Google sign-in', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Import client_secret.json' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in with Google' }).isEnabled()).toBe(true);
    expect(await page.getByTestId('no-client-help').count()).toBe(0);
  });

  it('waits in "Continue in your browser" with the consent URL, and Cancel ends it quietly', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.getByTestId('signin-pending').waitFor();
    await expect.poll(() => page.getByTestId('consent-url').textContent()).toContain('/o/oauth2/v2/auth');
    await page.screenshot({ path: path.join(screenshotDir, 'signin-pending-light.png') });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Sign in with Google' }).waitFor();
    expect(cancelled).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('shows a clear message for a failed sign-in', async () => {
    const { page } = app;
    backend.override.signIn = () => {
      throw new IpcFailure('offline', 'getaddrinfo ENOTFOUND oauth2.googleapis.com');
    };
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Could not reach Google');
  });

  it('opens the demo mailbox', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Try the demo mailbox' }).click();
    await page.getByTestId('message-list').waitFor();
    expect(await page.getByTestId('memory-only').count()).toBe(1);
  });
});

describe('mail states, keyboard and accessibility', () => {
  let backend: MailBackend;
  let app: LaunchedApp;

  beforeAll(async () => {
    backend = await startMailBackend();
    app = await launchApp({ router: backend.router, viewport: { width: 1440, height: 900 } });
    await app.page.getByTestId('message-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('exposes a listbox of options with a live result count', async () => {
    const { page } = app;
    const list = page.getByRole('listbox', { name: /Inbox/ });
    expect(await list.count()).toBe(1);
    expect(await page.getByRole('option').count()).toBeGreaterThan(3);
    await expect.poll(() => page.getByTestId('live-count').textContent()).toMatch(/^\d+\+? conversations in Inbox$/);
    expect(await page.getByRole('navigation', { name: 'Accounts and labels' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Reading pane' }).count()).toBe(1);
  });

  it('j/k move the selection, o opens, u goes back, with aria-selected', async () => {
    const { page } = app;
    await page.getByTestId('message-list').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const selected = page.locator('[role="option"][aria-selected="true"]');
    expect(await selected.getAttribute('data-index')).toBe('0');
    await page.keyboard.press('j');
    expect(await selected.getAttribute('data-index')).toBe('1');
    await page.keyboard.press('o');
    await page.getByTestId('thread').waitFor();
    const subject = await selected.locator('.row__subject').textContent();
    expect(await page.locator('.thread__subject').textContent()).toBe(subject);
    await page.keyboard.press('j');
    await expect.poll(() => selected.getAttribute('data-index')).toBe('2');
    await page.keyboard.press('u');
    await expect.poll(() => page.getByTestId('thread').count()).toBe(0);
  });

  it('"/" focuses search, Esc clears it; "g i" returns to the inbox; "?" shows help', async () => {
    const { page } = app;
    await page.locator('[data-mailbox="SENT"]').click();
    await expect.poll(() => page.locator('.list-header h2').textContent()).toBe('Sent');
    await page
      .getByTestId('message-list')
      .focus()
      .catch(() => undefined);
    await page.locator('body').press('g');
    await page.locator('body').press('i');
    await expect.poll(() => page.locator('.list-header h2').textContent()).toBe('Inbox');
    await page.locator('body').press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.type('from:');
    await page.getByTestId('suggestions').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
    await page.locator('body').press('?');
    await page.getByTestId('shortcut-help').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'shortcuts-light.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('shortcut-help').count()).toBe(0);
  });

  it('reads a malformed query leniently with a quiet hint, never an error', async () => {
    const { page } = app;
    const input = page.getByTestId('search-input');
    await input.fill('subject:"unclosed quote');
    await page.getByTestId('query-hint').waitFor();
    expect(await page.getByTestId('list-error').count()).toBe(0);
    await input.fill('');
  });

  it('shows an error banner with Retry, and recovers', async () => {
    const { page } = app;
    let fail = true;
    const real = backend.source;
    backend.override.listMessages = async (_a, selector, o) => {
      if (fail) throw new IpcFailure('rate_limited', 'slow down');
      return real.listMessages(selector, { pageToken: o.pageToken ?? null, threads: o.threads ?? true, pageSize: o.pageSize ?? 50 });
    };
    await page.locator('[data-mailbox="STARRED"]').click();
    await page.getByTestId('list-error').waitFor();
    expect(await page.getByTestId('list-error').textContent()).toContain('slow down');
    fail = false;
    await page.getByTestId('list-error').getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('message-list').waitFor();
    delete backend.override.listMessages;
  });

  it('offers "Sign in again" on needs_reauth and shows offline in the status bar', async () => {
    const { page } = app;
    backend.override.listMessages = () => {
      throw new IpcFailure('needs_reauth', 'Token revoked');
    };
    await page.locator('[data-mailbox="IMPORTANT"]').click();
    await page.getByTestId('reauth-banner').waitFor();
    await page.getByTestId('reauth-banner').getByRole('button', { name: 'Sign in again' }).click();
    await page.getByRole('dialog', { name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: 'Not now' }).click();
    backend.override.listMessages = () => {
      throw new IpcFailure('offline', 'offline');
    };
    await page.locator('[data-mailbox="TRASH"]').click();
    await page.getByTestId('offline-indicator').waitFor();
    delete backend.override.listMessages;
  });

  it('shows sync progress with counts and ETA from syncProgress events', async () => {
    const { page } = app;
    const status: SyncStatus = {
      accountId: backend.account.id,
      phase: 'initial',
      cachedMessages: 1200,
      totalMessages: 4800,
      etaSeconds: 95,
      lastSyncedAt: null,
      message: null,
    };
    await app.emit(events.syncProgress.channel, status);
    await page.getByTestId('sync-progress').waitFor();
    const text = await page.getByTestId('sync-progress').textContent();
    expect(text).toContain('1,200 / 4,800');
    expect(text).toContain('about 2 min left');
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1200');
    await page.locator('[data-mailbox="INBOX"]').click();
    await page.getByTestId('message-list').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'sync-progress-light.png') });
    await app.emit(events.syncProgress.channel, { ...status, phase: 'idle', cachedMessages: 4800, etaSeconds: null });
    await expect.poll(() => page.getByTestId('sync-progress').count()).toBe(0);
  });
});
