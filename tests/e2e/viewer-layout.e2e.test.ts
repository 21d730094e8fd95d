// The window at every size: panes that resize and are remembered, the reading pane right,
// below or off, one column with a back action when narrow; screenshots at three sizes, both themes.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';
import { startMailBackend, type MailBackend } from './mail-harness';

const box = async (app: LaunchedApp, selector: string) => {
  const b = await app.page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not visible`);
  return b;
};

describe('viewer layout', () => {
  let backend: MailBackend;
  let app: LaunchedApp;

  beforeAll(async () => {
    backend = await startMailBackend();
    app = await launchApp({ router: backend.router, viewport: { width: 800, height: 600 } });
    await mkdir(screenshotDir, { recursive: true });
    await app.page.getByTestId('message-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('at 800 x 600 shows one column: the list, then the message in its place, and back', async () => {
    const { page } = app;
    expect(await page.getByTestId('mail-panes').getAttribute('data-layout')).toBe('single');
    const list = await box(app, '.list-column');
    expect(list.width).toBeGreaterThan(560);
    await page.locator('[role="option"][data-id]').first().click();
    await page.getByTestId('thread').waitFor();
    expect(await page.locator('.list-column').isVisible()).toBe(false);
    const pane = await box(app, '.reading-pane');
    expect(pane.width).toBeGreaterThan(560);
    await page.screenshot({ path: path.join(screenshotDir, 'viewer-800x600-light.png') });
    await page.getByRole('button', { name: 'Back to list (u)' }).click();
    await expect.poll(() => page.locator('.list-column').isVisible()).toBe(true);
    expect(await page.getByTestId('thread').count()).toBe(0);
  });

  it('at 1280 x 800 puts list and message side by side; dragging the divider resizes and is remembered', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.getByTestId('mail-panes').getAttribute('data-layout')).toBe('right');
    const before = await box(app, '.list-column');
    const handle = await box(app, '[data-testid="splitter-list"]');
    await page.mouse.move(handle.x + 3, handle.y + 200);
    await page.mouse.down();
    await page.mouse.move(handle.x + 103, handle.y + 200, { steps: 5 });
    await page.mouse.up();
    const after = await box(app, '.list-column');
    expect(after.width).toBeGreaterThan(before.width + 80);
    await page.reload();
    await page.getByTestId('message-list').waitFor();
    const reloaded = await box(app, '.list-column');
    expect(Math.abs(reloaded.width - after.width)).toBeLessThan(2);
    // Keyboard: the divider is a focusable separator that arrow keys move.
    await page.getByTestId('splitter-list').focus();
    await page.keyboard.press('ArrowLeft');
    expect((await box(app, '.list-column')).width).toBeLessThan(reloaded.width);
  });

  it('puts the reading pane below the list, or turns it off, from settings', async () => {
    const { page } = app;
    await page.getByTestId('settings-button').click();
    await page.getByLabel('Below the list').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('mail-panes').getAttribute('data-layout')).toBe('below');
    await page.locator('[role="option"][data-id]').nth(1).click();
    await page.getByTestId('thread').waitFor();
    const list = await box(app, '.list-column');
    const pane = await box(app, '.reading-pane');
    expect(pane.y).toBeGreaterThanOrEqual(list.y + list.height - 1);
    await page.screenshot({ path: path.join(screenshotDir, 'viewer-below-light.png') });

    await page.getByTestId('settings-button').click();
    await page.getByLabel('Off (open in place of the list)').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('mail-panes').getAttribute('data-layout')).toBe('single');
    await page.getByTestId('settings-button').click();
    await page.getByLabel('Right of the list').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByTestId('mail-panes').getAttribute('data-layout')).toBe('right');
  });

  for (const [width, height] of [
    [800, 600],
    [1280, 800],
    [1920, 1200],
  ] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`screenshot ${width} x ${height} ${theme}: an open newsletter fits without clipping`, async () => {
        const { page } = app;
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: theme });
        // From the list (in one column the open message hides it), open the newsletter on top.
        await page.getByTestId('message-list').focus();
        await page.keyboard.press('u');
        await page.locator('[role="option"][data-id]').first().click();
        await page.getByTestId('thread').waitFor();
        const frame = page.getByTestId('mail-frame').first();
        if (await frame.count()) {
          await page.waitForTimeout(300);
          // Nothing wider than the frame: the content is scaled to fit or scrolls inside it.
          const fits = await frame.evaluate((el) => {
            const doc = (el as HTMLIFrameElement).contentDocument!;
            return doc.documentElement.scrollWidth <= (el as HTMLIFrameElement).clientWidth + 1 || doc.body.dataset.skimmerScroll === 'x';
          });
          expect(fits).toBe(true);
        }
        // The sender's name and address are both there in full, not cut to "<…".
        const sender = await page
          .getByTestId('message')
          .first()
          .evaluate((card) => {
            const measure = (el: Element | null) => el && { text: el.textContent, clipped: el.scrollWidth > el.clientWidth, width: el.clientWidth };
            return { name: measure(card.querySelector('.message-card__name')), email: measure(card.querySelector('.message-card__email')) };
          });
        expect(sender.email?.text).toMatch(/^<[^@\s]+@[^>\s]+>$/);
        expect(sender.email?.clipped).toBe(false);
        expect(sender.email?.width).toBeGreaterThan(0);
        expect(sender.name?.clipped).toBe(false);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.screenshot({ path: path.join(screenshotDir, `viewer-${width}x${height}-${theme}.png`) });
      });
    }
  }
});
