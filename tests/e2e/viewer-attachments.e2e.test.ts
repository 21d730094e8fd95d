// Attachments: an image or a PDF previews inside the app; "Open" asks first, then hands a saved
// copy to the system (the harness records it instead of launching an app), never a program.
// The sentinel of the hostile suites watches the PDF cases: no script, no request off the page.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';
import { installSentinel, type Sentinel } from './hostile-sentinel';
import { startMailBackend, type MailBackend } from './mail-harness';
import { hostilePdf, lockedPdf, mailWithAttachment } from './pdf-fixtures';

async function openMessage(page: Page, query: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await page.getByTestId('search-input').press('Enter');
  await page.locator('[role="option"][data-id]').first().click();
  await page.getByTestId('attachment').first().waitFor();
}

/** Previews a PDF pdf.js can't show: the viewer and the message it shows instead of pages. */
async function previewFailure(page: Page, query: string, name: string) {
  await openMessage(page, query);
  await page.getByRole('button', { name: `Preview ${name}` }).click();
  const viewer = page.getByTestId('attachment-viewer');
  const error = viewer.getByTestId('pdf-error');
  await error.waitFor();
  expect(await viewer.locator('canvas').count()).toBe(0);
  return { viewer, message: await error.textContent() };
}

/** Waits for a page's canvas to be drawn, then counts its pixels that are not white. */
async function inkedPixels(page: Page, pageNumber: number): Promise<{ width: number; inked: number }> {
  const canvas = page.locator(`[data-page="${pageNumber}"] canvas[data-rendered="true"]`);
  await canvas.waitFor();
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked += 1;
    return { width: c.width, inked };
  });
}

describe('attachment preview and open', () => {
  let backend: MailBackend;
  let app: LaunchedApp;
  let sentinel: Sentinel;

  beforeAll(async () => {
    backend = await startMailBackend();
    const email = backend.account.email;
    const add = (subject: string, name: string, type: string, bytes: Buffer) =>
      backend.emulator.addMessage(email, mailWithAttachment(subject, name, type, bytes), { labelIds: ['INBOX'] });
    add('Hostile quarterly report', 'quarterly-report.pdf', 'application/pdf', hostilePdf());
    add('Broken scan', 'broken-scan.pdf', 'application/pdf', Buffer.from('%PDF-1.4\nthis is not a PDF at all\n%%EOF\n'));
    add('Locked payslip', 'payslip.pdf', 'application/pdf', lockedPdf());
    add('Installer for you', 'setup.exe', 'application/octet-stream', Buffer.from('MZ\x90\x00 not really a program'));
    app = await launchApp({ router: backend.router, viewport: { width: 1280, height: 800 } });
    sentinel = await installSentinel(app);
    await mkdir(screenshotDir, { recursive: true });
    await app.page.getByTestId('message-list').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('previews an image attachment inside the app', async () => {
    const { page } = app;
    await openMessage(page, 'filename:kyoto.png');
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
    await page.screenshot({ path: path.join(screenshotDir, 'viewer-attachment-preview-light.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
  });

  it('draws the demo statement PDF on a canvas, with its page count, and Escape closes it', async () => {
    const { page } = app;
    await openMessage(page, 'filename:statement-october.pdf');
    await page.getByRole('button', { name: 'Preview statement-october.pdf' }).first().click();
    const viewer = page.getByTestId('attachment-viewer');
    await viewer.waitFor();
    const drawn = await inkedPixels(page, 1);
    expect(drawn.width).toBeGreaterThan(400);
    // Three lines of text on a white page: some ink, but far from all of it.
    expect(drawn.inked).toBeGreaterThan(200);
    expect(drawn.inked).toBeLessThan(drawn.width * drawn.width * 0.2);
    await expect.poll(() => page.getByTestId('pdf-page-counter').textContent()).toBe('Page 1 of 1');
    await expect.poll(() => viewer.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
    await page.screenshot({ path: path.join(screenshotDir, 'viewer-pdf-preview-light.png'), animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: path.join(screenshotDir, 'viewer-pdf-preview-dark.png'), animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'light' });
    // The smallest window: the page is fitted again, and nothing spills out of the dialog.
    await page.setViewportSize({ width: 800, height: 600 });
    await expect.poll(() => inkedPixels(page, 1).then((p) => p.width)).toBeLessThan(drawn.width);
    expect(await viewer.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'viewer-pdf-preview-800x600-light.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
  });

  it('shows every page of a hostile PDF, runs none of its script and follows none of its links', async () => {
    const { page } = app;
    await openMessage(page, 'subject:"Hostile quarterly report"');
    sentinel.startWatching();
    await page.getByRole('button', { name: 'Preview quarterly-report.pdf' }).click();
    const viewer = page.getByTestId('attachment-viewer');
    await expect.poll(() => page.getByTestId('pdf-page-counter').textContent()).toBe('Page 1 of 2');
    expect((await inkedPixels(page, 1)).inked).toBeGreaterThan(1000);
    expect(await viewer.locator('[data-page]').count()).toBe(2);
    // The link's rectangle is painted, not a link: a click there goes nowhere.
    await viewer.locator('[data-page="1"] canvas').click({ position: { x: 150, y: 200 } });
    expect(await viewer.locator('a').count()).toBe(0);
    await viewer.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByTestId('pdf-page-counter').textContent()).toBe('Page 2 of 2');
    expect((await inkedPixels(page, 2)).inked).toBeGreaterThan(100);
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('pdf-page-counter').textContent()).toBe('Page 1 of 2');
    const fitted = await viewer.getByText(/^\d+%$/).textContent();
    await viewer.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => viewer.getByText(/^\d+%$/).textContent()).not.toBe(fitted);
    await viewer.getByRole('button', { name: 'Fit width' }).click();
    await expect.poll(() => viewer.getByText(/^\d+%$/).textContent()).toBe(fitted);
    await page.waitForTimeout(300);
    const report = sentinel.report();
    expect(report.executions).toEqual([]);
    expect(report.dialogs).toEqual([]);
    expect(report.popups).toEqual([]);
    expect(report.navigations).toEqual([]);
    expect(report.pageErrors).toEqual([]);
    // pdf.js and its worker come from the app's own files; nothing else is fetched.
    expect(report.requests.filter((r) => !r.includes(`${app.origin}/assets/`))).toEqual([]);
    expect(backend.opened).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
  });

  it('says a damaged PDF cannot be shown and still offers Save and Open', async () => {
    const { page } = app;
    const { viewer, message } = await previewFailure(page, 'subject:"Broken scan"', 'broken-scan.pdf');
    expect(message).toMatch(/damaged or not a PDF/);
    await page.screenshot({ path: path.join(screenshotDir, 'viewer-pdf-damaged-light.png'), animations: 'disabled' });
    await viewer.getByRole('button', { name: 'Save broken-scan.pdf' }).click();
    await expect.poll(() => backend.saved.length).toBe(1);
    expect(await viewer.count()).toBe(0);
    await page.getByRole('button', { name: 'Preview broken-scan.pdf' }).click();
    await viewer.getByRole('button', { name: 'Open broken-scan.pdf' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(backend.openedFiles).toEqual([]);
  });

  it('says a password-protected PDF cannot be shown, with Save and Open beside it', async () => {
    const { page } = app;
    const { viewer, message } = await previewFailure(page, 'subject:"Locked payslip"', 'payslip.pdf');
    expect(message).toMatch(/protected by a password/);
    expect(await viewer.getByRole('button', { name: 'Save payslip.pdf' }).isVisible()).toBe(true);
    expect(await viewer.getByRole('button', { name: 'Open payslip.pdf' }).isVisible()).toBe(true);
    // And spelled out under the message, the two ways left to read it.
    const failure = viewer.getByTestId('pdf-error');
    expect(await failure.getByRole('button', { name: 'Save…' }).isVisible()).toBe(true);
    await failure.getByRole('button', { name: 'Open…' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(backend.openedFiles).toEqual([]);
    await page.getByRole('button', { name: 'Preview payslip.pdf' }).click();
    await viewer.getByTestId('pdf-error').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.count()).toBe(0);
  });

  it('asks before opening a program and then refuses it', async () => {
    const { page } = app;
    await openMessage(page, 'subject:"Installer for you"');
    await page.getByRole('button', { name: 'Open setup.exe' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByTestId('attachment').getByRole('alert').textContent()).toMatch(/does not open programs or scripts/);
    expect(backend.openedFiles).toEqual([]);
  });

  it('"Open" asks first, then hands a saved copy to the system', async () => {
    const { page } = app;
    await openMessage(page, 'filename:statement-october.pdf');
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
