// Round-two hostile mails of our own (issue 10): escaped CSS that decodes to url(),
// @import, @font-face and image-set; url( with long space runs; huge and deeply nested
// HTML; links whose text lies about the host; bidi controls in names and subjects. Served
// through the real router, bridge, list, reading pane and frame: nothing may run, nothing
// may be fetched, and the frames' own CSP must have nothing to refuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListRow, MessageDetail, ThreadDetail } from '../../common/mail-types';
import { IpcFailure } from '../../common/ipc';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { installSentinel, type Sentinel } from './hostile-sentinel';
import { startMailBackend, type MailBackend } from './mail-harness';

const R = 'http://r2.attacker.example';
const cases: { id: string; html: string; name?: string; subject?: string }[] = [
  { id: 'esc-url', html: `<style>p{background:\\5c 75rl(${R}/a.png)}</style><p>x</p>` },
  { id: 'esc-url-attr', html: `<p style="background-image:\\75\\72\\6c(${R}/b.png)">x</p>` },
  { id: 'esc-import', html: `<style>@\\5c 69mport url(${R}/c.css);@\\69mport "${R}/d.css";p{color:red}</style><p>x</p>` },
  { id: 'esc-font-face', html: `<style>@\\66ont-face{font-family:q;src:url(${R}/e.woff)}p{font-family:q}</style><p>x</p>` },
  { id: 'esc-image-set', html: `<style>p{background:\\69mage-set("${R}/f.png" 1x)}</style><p>x</p>` },
  { id: 'comment-split', html: `<style>p{background:url/**/(${R}/g.png)}</style><p>x</p>` },
  { id: 'custom-prop', html: `<style>p{--u:url(${R}/h.png);background:var(--u)}</style><p>x</p>` },
  { id: 'spaces-3000', html: `<style>p{background:url(${' '.repeat(3000)}</style><p>x</p>` },
  { id: 'spaces-6000', html: `<p style="background:url(${' '.repeat(6000)}${R}/i.png">x</p>` },
  { id: 'huge-10mb', html: `<p>big</p>${'<p>filler text</p>'.repeat(600_000)}` },
  { id: 'nested-100k', html: `${'<div>'.repeat(100_000)}deep` },
  // Under the tag cap, but Chromium's parser alone takes about a second past 512 levels.
  { id: 'nested-5000', html: `${'<span>'.repeat(5_000)}deep${'</span>'.repeat(5_000)}` },
  // A megabyte of stylesheet (escaped url( included): dropped whole rather than cleaned on the window's thread.
  { id: 'css-megabyte', html: `<style>${`p{background:\\5c 75rl(${R}/j.png)}`.repeat(20_000)}</style><p>x</p>` },
  { id: 'lying-link', html: `<a href="https://evil.example/login" title="https://bank.example">https://bank.example/login</a>` },
  { id: 'lookalike', html: `<a href="https://раураl.com/">раураl.com</a>` },
  { id: 'bidi', html: '<p>bidi</p>', name: 'Ana\u202e gpj.exe', subject: 'Invoice \u2067\u202etxt.exe\u2069' },
];

function detail(c: (typeof cases)[number], index: number): MessageDetail {
  return {
    id: `r${index}`,
    threadId: `rt${index}`,
    internalDate: Date.UTC(2026, 0, 1) + index * 60_000,
    from: { name: c.name ?? `Round two ${c.id}`, email: 'r2@attacker.example' },
    to: [{ name: 'Me', email: 'me@skimmer.example' }],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: c.subject ?? `R2 ${c.id}`,
    snippet: c.id,
    labelIds: ['INBOX'],
    unread: false,
    starred: false,
    hasAttachment: false,
    sizeEstimate: c.html.length,
    date: '',
    messageIdHeader: '',
    listId: '',
    html: c.html,
    text: `text of ${c.id}`,
    attachments: [],
  };
}

const threads: ThreadDetail[] = cases.map((c, i) => ({ id: `rt${i}`, subject: c.subject ?? `R2 ${c.id}`, messages: [detail(c, i)] }));

describe(`hostile round two (${cases.length})`, () => {
  let backend: MailBackend;
  let app: LaunchedApp;
  let sentinel: Sentinel;
  const savedBodies: string[] = [];

  beforeAll(async () => {
    backend = await startMailBackend({ mail: [] });
    savedBodies.length = 0;
    backend.override.listMessages = () => ({
      rows: threads.map((t): ListRow => ({ ...t.messages[0]!, subject: t.subject, threadCount: 1, participants: [t.messages[0]!.from.name] })),
      nextPageToken: null,
      resultSizeEstimate: threads.length,
      source: 'cache',
      queryHints: [],
    });
    backend.override.getThread = (_a, threadId) => {
      const t = threads.find((x) => x.id === threadId);
      if (!t) throw new IpcFailure('not_found', 'no such thread');
      return t;
    };
    backend.override.listLabels = () => [];
    // As main does (a file the person chose): the body, as text.
    backend.override.saveMessageBody = (_a, messageId) => {
      const message = threads.flatMap((t) => t.messages).find((m) => m.id === messageId);
      if (!message) throw new IpcFailure('not_found', 'no such message');
      savedBodies.push(message.html ?? '');
      return { saved: true, fileName: `${message.subject}.txt` };
    };
    app = await launchApp({ router: backend.router, viewport: { width: 1280, height: 900 } });
    sentinel = await installSentinel(app);
    await app.page.getByTestId('message-list').waitFor();
    sentinel.startWatching();
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('opens each in well under a second or shows the too-large view; nothing runs, loads or is refused', async () => {
    const { page } = app;
    const timings: Record<string, number> = {};
    const wall: Record<string, number> = {};
    for (const [i, c] of cases.entries()) {
      const start = Date.now();
      await page.locator(`[role="option"][data-thread-id="rt${i}"]`).click();
      const message = page.locator(`[data-testid="message"][data-message-id="r${i}"]`);
      await message.waitFor({ timeout: 30_000 }); // the test bridge carries 10 MB slowly on a busy machine
      await message.locator('[data-testid="mail-frame"], [data-testid="mail-too-large"]').first().waitFor();
      // The renderer's own time: from the message's arrival to its view (an upper bound: it
      // includes this poll). The test bridge's transfer of a 10 MB body is not what Electron's
      // IPC costs, so it is printed (wallMs), not judged.
      timings[c.id] = Math.round(await page.evaluate(() => performance.now() - (window.__skimmerReplyAt?.['mail:get-thread'] ?? 0)));
      wall[c.id] = Date.now() - start;
      if (c.id.startsWith('huge') || c.id.startsWith('nested')) await message.getByTestId('mail-too-large').waitFor();
      if (c.id === 'huge-10mb') {
        // Too large to show, not lost: the whole body can be saved through main.
        await message.getByTestId('save-body').click();
        await expect.poll(() => message.getByTestId('save-body-status').textContent()).toMatch(/^Saved as .+\.txt$/);
        expect(savedBodies.at(-1)).toBe(c.html);
      }
      if (c.id.startsWith('esc') || c.id === 'comment-split') await expect.poll(() => message.getByTestId('images-bar').count()).toBe(1);
      if (c.id === 'lying-link') {
        const title = await message
          .locator('[data-testid="mail-frame"]')
          .evaluate((f: HTMLIFrameElement) => f.contentDocument?.querySelector('a')?.getAttribute('title') ?? '');
        expect(title).toContain('Warning');
        expect(title).toContain('https://evil.example/login');
      }
      if (c.id === 'lookalike') {
        const title = await message
          .locator('[data-testid="mail-frame"]')
          .evaluate((f: HTMLIFrameElement) => f.contentDocument?.querySelector('a')?.getAttribute('title') ?? '');
        expect(title).toContain('xn--');
      }
      if (c.id === 'bidi') {
        const shown = await page.locator('.thread__subject').textContent();
        expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        expect(await message.locator('.message-card__name').textContent()).toBe('Ana gpj.exe');
      }
    }
    await page.waitForTimeout(500);
    const report = sentinel.report();
    console.log(JSON.stringify({ suite: 'hostile-round-two', cases: cases.length, rendererMs: timings, wallMs: wall, ...report.counts }));
    expect(report.pageErrors).toEqual([]);
    expect(report.executions).toEqual([]);
    expect(report.requests).toEqual([]);
    expect(report.cspRefusals.filter((m) => m.startsWith('about:srcdoc'))).toEqual([]);
    for (const [id, ms] of Object.entries(timings)) expect(ms, id).toBeLessThan(1_000);
  });
});
