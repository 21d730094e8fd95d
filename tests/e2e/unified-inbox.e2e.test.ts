// The unified inbox with two demo accounts signed in through the real sign-in (the demo
// emulator holds both mailboxes): "All inboxes" lists both accounts' mail merged newest
// first, each row marked with its account, the sidebar shows each account's counts, a row
// of the other account opens in its own account, and a search there searches both.
// Screenshots: test-results/screenshots/unified-inbox-{light,dark}.png.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppBackend, type AppBackend } from './harness/app-backend';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { screenshotDir } from './harness/paths';
import { showTheme } from './harness/theme';

const ANA = 'ana@unified.example';
const BEN = 'ben@unified.example';

interface Mail {
  readonly subject: string;
  readonly day: number;
  readonly unread: boolean;
  readonly from: string;
}

// Interleaved dates, so a merge by account (or a page of one account first) shows.
const ANA_MAIL: Mail[] = [
  { subject: 'Harbour lease renewal', day: 20, unread: true, from: 'Lena Park <lena@harbour.example>' },
  { subject: 'Choir rehearsal moved', day: 18, unread: false, from: 'Otto Berg <otto@choir.example>' },
  { subject: 'Quarterly invoice for the studio', day: 16, unread: true, from: 'Billing <billing@studio.example>' },
  { subject: 'Photos from the lake', day: 14, unread: false, from: 'Mia Holm <mia@lake.example>' },
];
const BEN_MAIL: Mail[] = [
  { subject: 'Standup notes, Thursday', day: 19, unread: false, from: 'Sam Ito <sam@work.example>' },
  { subject: 'Your invoice is ready', day: 17, unread: true, from: 'Cloud Hosting <billing@cloud.example>' },
  { subject: 'Welcome to the running club', day: 15, unread: false, from: 'Runners <hello@run.example>' },
];
const MERGED = [
  'Harbour lease renewal',
  'Standup notes, Thursday',
  'Choir rehearsal moved',
  'Your invoice is ready',
  'Quarterly invoice for the studio',
  'Welcome to the running club',
  'Photos from the lake',
];

async function writeMailbox(dir: string, to: string, mail: readonly Mail[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [i, m] of mail.entries()) {
    const date = new Date(Date.UTC(2026, 10, m.day, 9, 30));
    const raw = [
      `From: ${m.from}`,
      `To: ${to}`,
      `Subject: ${m.subject}`,
      `Date: ${date.toUTCString()}`,
      `Message-ID: <${to.split('@')[0]}-${i}@unified.example>`,
      `X-Gmail-Labels: Inbox${m.unread ? ',Unread' : ''}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      `${m.subject}: the body of a message for ${to}.`,
      '',
    ].join('\r\n');
    await writeFile(path.join(dir, `${i}.eml`), raw);
  }
  return dir;
}

describe('the unified inbox', () => {
  let backend: AppBackend;
  let app: LaunchedApp;
  let mailRoot: string;

  beforeAll(async () => {
    await mkdir(screenshotDir, { recursive: true });
    mailRoot = await mkdtemp(path.join(os.tmpdir(), 'skimmer-unified-'));
    backend = await startAppBackend({
      accounts: [
        { email: ANA, mail: [await writeMailbox(path.join(mailRoot, 'ana'), ANA, ANA_MAIL)] },
        { email: BEN, mail: [await writeMailbox(path.join(mailRoot, 'ben'), BEN, BEN_MAIL)] },
      ],
    });
    app = await launchApp({ router: backend.router, viewport: { width: 1280, height: 800 } });
    backend.connect(app.emit);
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
    if (mailRoot) await rm(mailRoot, { recursive: true, force: true });
  });

  it('signs in two demo accounts; the sidebar then offers All inboxes and each account with its counts', async () => {
    const { page, context } = app;
    // The "browser" waits for each consent page before the click that opens it.
    const first = backend.completeConsent(context, 'allow', ANA);
    await page.getByRole('button', { name: 'Try the demo mailbox' }).click();
    await (await first).close();
    await page.getByTestId('message-list').waitFor({ timeout: 20_000 });
    // One account: no unified inbox yet.
    expect(await page.getByTestId('unified-inboxes').count()).toBe(0);

    await page.getByTestId('account-button').click();
    await page.getByRole('menuitem', { name: 'Add another account' }).click();
    const consent = backend.completeConsent(context, 'allow', BEN);
    await page.getByRole('dialog').getByRole('button', { name: 'Try the demo mailbox' }).click();
    await (await consent).close();
    await page.getByTestId('unified-inboxes').waitFor({ timeout: 20_000 });

    const counts = (email: string) => page.locator(`[data-account="${email}"] [data-testid="inbox-counts"]`);
    await expect.poll(() => counts(ANA).textContent(), { timeout: 20_000 }).toBe('2/4');
    await expect.poll(() => counts(BEN).textContent(), { timeout: 20_000 }).toBe('1/3');
    expect(await counts(ANA).getAttribute('aria-label')).toBe('2 unread of 4');
    expect(await page.locator('[data-mailbox="ALL_INBOXES"] .nav-item__count').textContent()).toBe('3');
  });

  it('lists both accounts merged newest first, each row marked with its account', async () => {
    const { page } = app;
    await page.locator('[data-mailbox="ALL_INBOXES"]').click();
    await expect.poll(() => page.locator('.list-header h2').textContent()).toBe('All inboxes');
    await expect.poll(() => page.locator('[role="option"] .row__subject').allTextContents(), { timeout: 20_000 }).toEqual(MERGED);
    const accounts = await page.locator('[role="option"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('title')));
    expect(accounts).toEqual([ANA, BEN, ANA, BEN, ANA, BEN, ANA]);
    const markers = await page
      .locator('[role="option"] [data-testid="account-marker"]')
      .evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('aria-label')]));
    expect(markers[0]).toEqual(['A', `In ${ANA}`]);
    expect(markers[1]).toEqual(['B', `In ${BEN}`]);
    // The two accounts' markers have different colours.
    const hues = await page
      .locator('[role="option"] [data-testid="account-marker"]')
      .evaluateAll((els) => els.slice(0, 2).map((e) => getComputedStyle(e).backgroundColor));
    expect(hues[0]).not.toBe(hues[1]);
    expect(await page.getByTestId('missing-accounts').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'unified-inbox-light.png') });
  });

  it('opens a row of the account that is not the active one in its own account', async () => {
    const { page } = app;
    // Ben signed in last, so Ana's mail is the other account's.
    expect(await page.getByTestId('account-button').textContent()).toContain(BEN);
    await page.locator('[role="option"]', { hasText: 'Choir rehearsal moved' }).click();
    await page.getByTestId('thread').waitFor();
    await expect
      .poll(() => page.getByTestId('thread').textContent(), { timeout: 15_000 })
      .toContain(`Choir rehearsal moved: the body of a message for ${ANA}.`);
    expect(await page.locator('[role="option"].row--open').getAttribute('title')).toBe(ANA);
    await showTheme(page, 'dark');
    await page.screenshot({ path: path.join(screenshotDir, 'unified-inbox-dark.png') });
    await showTheme(page, 'light');
  });

  it('searches every account from All inboxes', async () => {
    const { page } = app;
    const box = page.getByRole('combobox');
    await box.fill('invoice');
    await box.press('Enter');
    await expect
      .poll(() => page.locator('[role="option"] .row__subject').allTextContents(), { timeout: 20_000 })
      .toEqual(['Your invoice is ready', 'Quarterly invoice for the studio']);
    expect(await page.locator('[role="option"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('title')))).toEqual([BEN, ANA]);
  });

  it("goes to one account's own inbox from its sidebar entry", async () => {
    const { page } = app;
    await page.getByTestId('unified-inboxes').locator(`[data-account="${BEN}"]`).click();
    await expect.poll(() => page.locator('[role="option"] .row__subject').allTextContents(), { timeout: 20_000 }).toEqual(BEN_MAIL.map((m) => m.subject));
    expect(await page.locator('[role="option"] [data-testid="account-marker"]').count()).toBe(0);
    expect(await page.getByTestId('unified-inboxes').locator(`[data-account="${BEN}"]`).getAttribute('aria-current')).toBe('page');
  });
});
