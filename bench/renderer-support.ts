/**
 * Shared pieces of the renderer benchmarks: a synthetic mailbox served instantly (as the
 * local cache would), the built renderer in Chromium over the real bridge and router.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build as viteBuild } from 'vite';
import type { AccountView, SyncStatus } from '../common/ipc';
import type { ListRow, MessagePage } from '../common/mail-types';
import { createIpcRouter, type IpcRouter, type RequestHandlers } from '../main/ipc/router';
import { MemoryStore } from '../main/settings/settings-store';
import { createViewSettingsHandlers } from '../main/handlers/view-settings';
import { buildBridgeScript, CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/harness/launch-app';
import { repoRoot } from '../tests/e2e/harness/paths';
import { startStaticServer } from '../tests/e2e/harness/static-server';
import { signedInHandlers } from '../tests/e2e/harness/signed-in-handlers';

export interface BenchApp {
  readonly page: Page;
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A production build of the renderer in a private folder (the shared out/ may be a
 * development build made under vitest, whose NODE_ENV=test selects React's dev bundle),
 * served with the app's CSP, in Chromium with the real bridge over the given router.
 */
export async function launchBenchApp(router: (isTrusted: (url: string) => boolean) => IpcRouter): Promise<BenchApp> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'skimmer-bench-renderer-'));
  const previousEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({
      configFile: path.join(repoRoot, 'vite.config.ts'),
      root: path.join(repoRoot, 'renderer'),
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = previousEnv;
  }
  const bridgeScript = await buildBridgeScript();
  const server = await startStaticServer(outDir);
  const ipc = router((url) => url.startsWith(`${server.origin}/`));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await context.exposeBinding('__skimmerInvoke', async (source, channel: unknown, args: unknown) => {
    const frame = source.frame;
    return ipc.handle(String(channel), frame.parentFrame() === null ? frame.url() : '', args);
  });
  await context.addInitScript({ content: bridgeScript });
  const page = await context.newPage();
  await page.goto(`${server.origin}/index.html`);
  return {
    page,
    context,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

const FIRST = ['Ana', 'Bo', 'Chen', 'Dana', 'Emil', 'Fatima', 'Goro', 'Hannah', 'Ivo', 'Julia', 'Kofi', 'Lena'];
const LAST = ['Lima', 'Kim', 'Whitfield', 'Okafor', 'Novak', 'Rossi', 'Tanaka', 'Cho', 'Berg', 'Silva'];
const WORDS = 'quarterly report invoice meeting lunch draft review launch budget travel offer update notes plan design'.split(' ');

export function syntheticRows(count: number, now = Date.now()): ListRow[] {
  const rows: ListRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const w = (k: number) => WORDS[(i * 13 + k * 5) % WORDS.length]!;
    rows.push({
      id: `m${i.toString(16).padStart(8, '0')}`,
      threadId: `t${Math.floor(i / 2)
        .toString(16)
        .padStart(8, '0')}`,
      internalDate: now - i * 37 * 60_000,
      from: { name: `${first} ${last}`, email: `${first.toLowerCase()}@example.com` },
      to: [{ name: 'Me', email: 'me@example.com' }],
      subject: `${w(1)} ${w(2)} ${w(3)} #${i}`,
      snippet: `Hi, about the ${w(4)} and the ${w(5)}: could we ${w(6)} the ${w(7)} before Friday? Thanks, ${first}`,
      labelIds: i % 5 === 0 ? ['INBOX', 'UNREAD', 'Label_1'] : ['INBOX'],
      unread: i % 5 === 0,
      starred: i % 17 === 0,
      hasAttachment: i % 9 === 0,
      sizeEstimate: 2048 + i,
      threadCount: 1 + (i % 3),
      participants: [`${first} ${last}`, 'me'],
    });
  }
  return rows;
}

/** Handlers for one signed-in account over an in-memory mailbox of `rows` (some replaceable). */
export function syntheticRouter(rows: readonly ListRow[], overrides: Partial<RequestHandlers> = {}): (isTrusted: (url: string) => boolean) => IpcRouter {
  const account: AccountView = { id: 'bench', email: 'me@example.com', name: 'Bench Person', initials: 'BP', state: 'signed_in', active: true };
  const idle: SyncStatus = {
    accountId: 'bench',
    phase: 'idle',
    cachedMessages: rows.length,
    totalMessages: rows.length,
    etaSeconds: null,
    lastSyncedAt: Date.now(),
    message: null,
  };
  const handlers: RequestHandlers = {
    ...createViewSettingsHandlers(new MemoryStore()),
    previewAttachment: () => {
      throw new Error('bench has no attachments');
    },
    openAttachment: () => {
      throw new Error('bench has no attachments');
    },
    getAppInfo: () => ({ name: 'Skimmer', version: 'bench', platform: process.platform, shell: 'test-bridge' }),
    openExternal: () => null,
    ...signedInHandlers(account),
    getAuthStatus: () => ({ client: 'google', storage: 'encrypted', help: '' }),
    listLabels: () => [
      { id: 'INBOX', name: 'INBOX', type: 'system', messagesTotal: rows.length, messagesUnread: Math.ceil(rows.length / 5), threadsTotal: 0, threadsUnread: 0 },
      { id: 'Label_1', name: 'Work/Projects', type: 'user', messagesTotal: 10, messagesUnread: 2, threadsTotal: 0, threadsUnread: 0 },
    ],
    listMessages: (_id, _selector, options): MessagePage => {
      const start = options.pageToken ? Number(options.pageToken) : 0;
      const size = options.pageSize ?? 50;
      const page = rows.slice(start, start + size);
      return {
        rows: page,
        nextPageToken: start + size < rows.length ? String(start + size) : null,
        resultSizeEstimate: rows.length,
        source: 'cache',
        queryHints: [],
      };
    },
    listUnified: () => {
      throw new Error('bench has one account');
    },
    getThread: () => ({ id: 't0', subject: '', messages: [] }),
    saveAttachment: () => ({ saved: false, fileName: null }),
    saveMessageBody: () => ({ saved: false, fileName: null }),
    suggestSenders: () => [],
    getSyncStatus: () => idle,
    syncNow: () => null,
    ...overrides,
  };
  return (isTrustedSender) => createIpcRouter(handlers, { isTrustedSender });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index]! * 100) / 100;
}
