import type { Page } from 'playwright-core';

/**
 * Switches the page's system theme and waits until the app has followed it (data-theme set
 * by its matchMedia listener) and every colour transition has ended, so a screenshot shows
 * the theme and not a frame of the change.
 */
export async function showTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
  await page.evaluate(() => {
    void document.body.offsetWidth; // a style flush starts the transitions, so they can be finished
    document.getAnimations().forEach((a) => a.finish());
  });
}
