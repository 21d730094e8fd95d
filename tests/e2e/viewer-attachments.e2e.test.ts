// Attachments: an image previews inside the app; "Open" asks first, then hands a saved copy
// to the system (the harness records it instead of launching an app).
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';
import { startMailBackend, type MailBackend } from './mail-harness';

describe('attachment preview and open', () => {
  let backend: MailBackend;
  let app: LaunchedApp;

  beforeAll(async () => {
    backend = await startMailBackend();
    app = await launchApp({ router: backend.router, viewport: { width: 1280, height: 800 } });
    await mkdir(screenshotDir, { recursive: true });
    await app.page.getByTestId('message-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('previews an image attachment inside the app', async () => {
    const { page } = app;
    await page.getByTestId('search-input').fill('filename:kyoto.png');
    await page.getByTestId('search-input').press('Enter');
    await page.locator('[role="option"][data-id]').first().click();
    const preview = page.getByRole('button', { name: /^Preview .*\.png$/ }).first();
    await preview.click();
    const viewer = page.getByTestId('attachment-viewer');
    await viewer.waitFor();
    const size = await viewer.locator('img').evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return { w: img.naturalWidth, src: img.src.slice(0, 15) };
    });
    expect(size.src).toBe('data:image/png;');
    expect(size.w).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshotDir, 'viewer-attachment-preview-light.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
  });

  it('"Open" asks first, then hands a saved copy to the system', async () => {
    const { page } = app;
    await page.getByTestId('search-input').fill('filename:pdf');
    await page.getByTestId('search-input').press('Enter');
    await page.locator('[role="option"][data-id]').first().click();
    const open = page.getByRole('button', { name: /^Open .*\.pdf$/ }).first();
    await open.click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(backend.openedFiles).toEqual([]);
    await open.click();
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => backend.openedFiles.length).toBe(1);
    const copy = await readFile(backend.openedFiles[0]!);
    expect(copy.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
