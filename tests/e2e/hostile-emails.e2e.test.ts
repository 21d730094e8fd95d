// The 60 hostile emails of the corpus, served by the emulator and read through the whole
// app (Gmail client, router, bridge, list, reading pane). Every message is opened; the
// sentinel must see no script, dialog, popup, navigation or request.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { corpusRoot } from './harness/paths';
import { installSentinel, type Sentinel } from './hostile-sentinel';
import { startMailBackend, type MailBackend } from './mail-harness';

const emailsDir = path.join(corpusRoot, 'html-hostile/emails');
const emailCount = readdirSync(emailsDir).filter((f) => f.endsWith('.eml')).length;

describe(`hostile emails (${emailCount})`, () => {
  let backend: MailBackend;
  let app: LaunchedApp;
  let sentinel: Sentinel;

  beforeAll(async () => {
    backend = await startMailBackend({ mail: [emailsDir] });
    app = await launchApp({ router: backend.router, viewport: { width: 1280, height: 900 } });
    sentinel = await installSentinel(app);
    await app.page.getByTestId('message-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('opens every message: nothing runs, nothing is fetched', async () => {
    const { page } = app;
    // All Mail, one row per message, so each message is opened on its own.
    await page.locator('[data-mailbox="ALL"]').click();
    await page.getByTestId('threads-toggle').click();
    await expect.poll(() => page.getByTestId('threads-toggle').getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('message-list').waitFor();
    const expected = backend.emulator
      .mailbox()
      .list()
      .filter((m) => !m.labelIds.includes('SPAM') && !m.labelIds.includes('TRASH')).length;
    sentinel.startWatching();
    const seen = new Set<string>();
    let frames = 0;
    await page.getByTestId('message-list').focus();
    for (let i = 0; i < expected; i += 1) {
      await page.keyboard.press('j');
      await page.keyboard.press('o');
      const row = page.locator(`[role="option"][aria-selected="true"]`);
      const id = await row.getAttribute('data-id');
      expect(id).toBeTruthy();
      seen.add(id!);
      const message = page.locator(`[data-testid="message"][data-message-id="${id}"]`);
      await message.waitFor();
      const frame = message.locator('[data-testid="mail-frame"]');
      if ((await frame.count()) > 0) {
        frames += 1;
        await expect
          .poll(() => frame.evaluate((f: HTMLIFrameElement) => f.contentDocument?.readyState === 'complete' && f.contentDocument.body !== null))
          .toBe(true);
      }
    }
    await page.waitForTimeout(500);
    const report = sentinel.report();
    console.log(JSON.stringify({ suite: 'hostile-emails', emails: emailCount, listed: expected, opened: seen.size, htmlFrames: frames, ...report.counts }));
    expect(seen.size).toBe(expected);
    expect(report.pageErrors).toEqual([]);
    expect(report.executions).toEqual([]);
    expect(report.dialogs).toEqual([]);
    expect(report.popups).toEqual([]);
    expect(report.navigations).toEqual([]);
    expect(report.requests).toEqual([]);
    expect(report.cspRefusals.filter((m) => m.startsWith('about:srcdoc'))).toEqual([]);
  });
});
