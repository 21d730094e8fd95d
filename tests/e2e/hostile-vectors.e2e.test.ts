// Every vector of the hostile-HTML corpus, rendered through the real sanitise + frame
// path in the built renderer (fed as conversations by a test router), with a sentinel
// that records script execution (dialogs, console, an init-script hook), navigation,
// popups and every network request. Nothing may run and nothing may leave.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListRow, MessageDetail, ThreadDetail } from '../../common/mail-types';
import { IpcFailure } from '../../common/ipc';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { corpusRoot } from './harness/paths';
import { APP_CONTENT_SECURITY_POLICY } from '../../main/security/csp';
import { installSentinel, serveWithProposedCsp, type Sentinel } from './hostile-sentinel';
import { startMailBackend, type MailBackend } from './mail-harness';

interface Vector {
  readonly id: string;
  readonly kind: 'script' | 'remote' | 'both';
  readonly html: string;
}

const vectors: Vector[] = readFileSync(path.join(corpusRoot, 'html-hostile/vectors.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Vector);

const PER_THREAD = 15;

function detail(v: Vector, index: number, threadId: string): MessageDetail {
  return {
    id: `v${index}`,
    threadId,
    internalDate: Date.UTC(2026, 0, 1) + index * 60_000,
    from: { name: `Vector ${v.id}`, email: `vectors@attacker.example` },
    to: [{ name: 'Me', email: 'me@skimmer.example' }],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: `Hostile ${v.id}`,
    snippet: v.kind,
    labelIds: ['INBOX'],
    unread: false,
    starred: false,
    hasAttachment: false,
    sizeEstimate: v.html.length,
    date: '',
    messageIdHeader: '',
    listId: '',
    html: v.html,
    text: null,
    attachments: [],
  };
}

const threads: ThreadDetail[] = [];
for (let start = 0; start < vectors.length; start += PER_THREAD) {
  const id = `t${start / PER_THREAD}`;
  const messages = vectors.slice(start, start + PER_THREAD).map((v, i) => detail(v, start + i, id));
  threads.push({ id, subject: `Vectors ${start + 1}-${start + messages.length}`, messages });
}

describe.each([
  ['the app CSP', false],
  ['the proposed CSP (img-src + https: http:)', true],
] as const)(`hostile HTML vectors (${vectors.length}) under %s`, (cspName, proposed) => {
  let backend: MailBackend;
  let app: LaunchedApp;
  let sentinel: Sentinel;

  beforeAll(async () => {
    backend = await startMailBackend({ mail: [] });
    backend.override.listMessages = () => ({
      rows: threads.map((t): ListRow => {
        const newest = t.messages[t.messages.length - 1]!;
        return { ...newest, subject: t.subject, threadCount: t.messages.length, participants: ['Vectors'] };
      }),
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
    app = await launchApp({ router: backend.router, viewport: { width: 1280, height: 900 } });
    if (proposed) await serveWithProposedCsp(app, APP_CONTENT_SECURITY_POLICY);
    sentinel = await installSentinel(app);
    await app.page.getByTestId('message-list').waitFor();
    sentinel.startWatching();
  });

  afterAll(async () => {
    await app?.close();
    await backend?.close();
  });

  it('renders every vector in a sandboxed frame: nothing runs, nothing is fetched', async () => {
    const { page } = app;
    expect(threads.length).toBe(Math.ceil(vectors.length / PER_THREAD));
    let framesRendered = 0;
    for (let t = 0; t < threads.length; t += 1) {
      const thread = threads[t]!;
      await page.locator(`[role="option"][data-thread-id="${thread.id}"]`).click();
      await page
        .locator(`[data-testid="thread"][aria-label="${thread.subject}"]`)
        .waitFor({ timeout: 10_000 })
        .catch(async (error: unknown) => {
          throw new Error(`${thread.subject} did not render: ${JSON.stringify(sentinel.report().pageErrors)} ${String(error)}`);
        });
      if (thread.messages.length > 1) await page.getByTestId('expand-all').click();
      const frames = page.locator('[data-testid="thread"] [data-testid="mail-frame"]');
      await expect.poll(() => frames.count()).toBe(thread.messages.length);
      // Wait until each frame has parsed its document.
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.querySelectorAll<HTMLIFrameElement>('[data-testid="mail-frame"]')].every(
              (f) => f.contentDocument?.readyState === 'complete' && f.contentDocument.body !== null,
            ),
          ),
        )
        .toBe(true);
      // Every frame is the sandboxed srcdoc kind, with no script capability.
      const attrs = await frames.evaluateAll((els) => els.map((e) => `${e.getAttribute('sandbox')}|${e.hasAttribute('src')}`));
      expect(new Set(attrs)).toEqual(new Set(['allow-same-origin|false']));
      framesRendered += thread.messages.length;
      // Scroll through the thread so lazily laid out content gets a chance to load.
      await page.locator('.reading-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(500);
    const report = sentinel.report();
    console.log(
      JSON.stringify({
        suite: 'hostile-vectors',
        csp: cspName,
        vectors: vectors.length,
        byKind: vectors.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v.kind]: (acc[v.kind] ?? 0) + 1 }), {}),
        framesRendered,
        ...report.counts,
      }),
    );
    expect(framesRendered).toBe(vectors.length);
    expect(report.pageErrors).toEqual([]);
    expect(report.executions).toEqual([]);
    expect(report.dialogs).toEqual([]);
    expect(report.popups).toEqual([]);
    expect(report.navigations).toEqual([]);
    expect(report.requests).toEqual([]);
    // The sanitiser leaves nothing for the frame's own CSP to refuse.
    expect(report.cspRefusals.filter((m) => m.startsWith('about:srcdoc'))).toEqual([]);
  });
});
