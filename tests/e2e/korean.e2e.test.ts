// The app in Korean, as a person with a Korean system sees it: main's locale (app.getLocale(),
// stood in by the backend's systemLocale) and the browser's (navigator.language) are ko-KR.
// Sign-in (with the browser page after consent), inbox, a thread, search, settings and the
// shortcut help are in Korean with Korean dates; j/k// work while a Hangul IME types ㅓ/ㅏ.
// Screenshots go to test-results/screenshots/ko-*.png.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMainLocale } from '../../main/i18n/translate';
import { startAppBackend, type AppBackend } from './harness/app-backend';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';

const LIST_DATE = /^(오전|오후) \d{1,2}:\d{2}$|^\d{1,2}월 \d{1,2}일$|^\d{4}\. \d{1,2}\. \d{1,2}\.$/;
const FULL_DATE = /^\d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) (오전|오후) \d{1,2}:\d{2}$/;
const shot = (name: string) => path.join(screenshotDir, `ko-${name}.png`);

describe('Skimmer in Korean', () => {
  let backend: AppBackend;
  let app: LaunchedApp;

  beforeAll(async () => {
    await mkdir(screenshotDir, { recursive: true });
    // What main/electron/main.ts does with app.getLocale() at start.
    setMainLocale('ko-KR');
    backend = await startAppBackend({ systemLocale: 'ko-KR' });
    app = await launchApp({ router: backend.router, locale: 'ko-KR', viewport: { width: 1280, height: 800 } });
    backend.connect(app.emit);
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('signs in in Korean, and the browser page after consent is Korean too', async () => {
    const { page, context } = app;
    const demo = page.getByRole('button', { name: '데모 메일함 사용해 보기' });
    await demo.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.getByRole('heading', { name: '내 Gmail을 즉시 검색하세요' }).waitFor();
    await page.screenshot({ path: shot('sign-in') });

    await demo.click();
    await page.getByRole('heading', { name: '브라우저에서 계속하세요' }).waitFor();
    await expect.poll(() => backend.openedUrls.at(-1) ?? '', { timeout: 15_000 }).toMatch(/\/o\/oauth2\/v2\/auth\?/);
    await page.screenshot({ path: shot('sign-in-pending') });

    const browserPage = await context.newPage();
    await browserPage.goto(backend.openedUrls.at(-1)!);
    await browserPage.getByRole('button', { name: 'Allow' }).click();
    await browserPage.waitForLoadState('load');
    expect(await browserPage.textContent('h1')).toBe('로그인되었습니다');
    expect(await browserPage.evaluate(() => document.documentElement.lang)).toBe('ko');
    await browserPage.screenshot({ path: shot('signed-in-browser') });
    await browserPage.close();
  });

  it('shows the inbox in Korean with Gmail-style Korean dates', async () => {
    const { page } = app;
    await page.getByTestId('message-list').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('.list-header h2').textContent()).toBe('받은편지함');
    await page.waitForFunction(() => !document.querySelector('.skeleton-list'));
    const dates = await page.locator('.row__date').allTextContents();
    expect(dates.length).toBeGreaterThan(3);
    for (const date of dates) expect(date).toMatch(LIST_DATE);
    expect(await page.getByTestId('result-count').textContent()).toMatch(/^대화 [\d,]+개( 이상)?$/);
    await page.screenshot({ path: shot('inbox') });
  });

  it('moves with j/k by physical key while a Korean IME types Hangul', async () => {
    const { page } = app;
    const selectedIndex = () => page.locator('[role="option"][aria-selected="true"]').getAttribute('data-index');
    await page.locator('[role="option"][data-id]').first().click();
    await page.getByTestId('thread').waitFor();
    const start = Number(await selectedIndex());
    // With the 2-set Korean layout on, the J key types ㅓ and K types ㅏ; only `code` says which key it was.
    const press = (key: string, code: string) =>
      page.evaluate(
        ([k, c]) => {
          (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: k, code: c, bubbles: true, cancelable: true }));
        },
        [key, code] as const,
      );
    await page
      .locator('body')
      .click({ position: { x: 2, y: 2 } })
      .catch(() => undefined);
    await press('ㅓ', 'KeyJ');
    await expect.poll(async () => Number(await selectedIndex())).toBe(start + 1);
    await press('ㅏ', 'KeyK');
    await expect.poll(async () => Number(await selectedIndex())).toBe(start);
    // The slash key types "/" on a Korean layout too; "Process" is what an IME in composition reports.
    await press('Process', 'Slash');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('메일 검색');
    await page.keyboard.press('Escape');
  });

  it('reads a thread with the Korean full date', async () => {
    const { page } = app;
    await page.locator('[role="option"][data-id]').nth(2).click();
    await page.getByTestId('thread').waitFor();
    const date = await page.locator('[data-testid="message"] time').last().textContent();
    expect(date).toMatch(FULL_DATE);
    await page.screenshot({ path: shot('thread') });
  });

  it('searches in Korean', async () => {
    const { page } = app;
    await page.keyboard.press('/');
    await page.keyboard.type('fr');
    const suggestions = page.getByTestId('suggestions');
    await suggestions.waitFor();
    // Operators are Gmail's own words; what they do is said in Korean.
    await expect.poll(() => suggestions.textContent()).toContain('from:보낸사람');
    await page.screenshot({ path: shot('search-suggest') });
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: '메일 검색' }).fill('has:attachment');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('result-count').textContent(), { timeout: 15_000 }).toMatch(/^(대화|메일) [\d,]+개( 이상)?$/);
    await page.screenshot({ path: shot('search') });
    // How a malformed query was read is said in Korean too (the parser gives codes, the catalog the words).
    await page.getByRole('combobox', { name: '메일 검색' }).fill('larger:huge');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('query-hint').textContent(), { timeout: 15_000 }).toContain('"larger:huge"은(는) 크기가 아닙니다');
  });

  it('shows the shortcut help in Korean', async () => {
    const { page } = app;
    await page
      .locator('body')
      .click({ position: { x: 2, y: 2 } })
      .catch(() => undefined);
    await page.keyboard.press('Shift+Slash');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    expect(await help.getByRole('heading').first().textContent()).toBe('단축키');
    expect(await help.textContent()).toContain('다음 대화');
    await page.screenshot({ path: shot('shortcuts') });
    await page.keyboard.press('Escape');
  });

  it('switches language in settings, and back', async () => {
    const { page } = app;
    await page.getByTestId('settings-button').click();
    const settings = page.getByTestId('settings');
    await settings.waitFor();
    expect(await settings.getByRole('heading').first().textContent()).toBe('설정');
    expect(await page.getByTestId('language-setting').textContent()).toContain('시스템 언어 사용(한국어)');
    await page.screenshot({ path: shot('settings') });
    await page.getByTestId('language-en').check();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await settings.getByRole('heading').first().textContent()).toBe('Settings');
    expect(await page.evaluate(() => window.skimmer!.getLocaleSettings())).toMatchObject({ ok: true, value: { preference: 'en' } });
    await page.getByTestId('language-system').check();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.keyboard.press('Escape');
  });
});
