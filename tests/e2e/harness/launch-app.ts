/**
 * Runs the built renderer in Debian's Chromium with the real preload bridge code and
 * the real main-side IPC router. The router lives in this Node process; Playwright's
 * exposeBinding carries each call, and the bridge (preload/bridge.ts, built to an IIFE)
 * turns it into the very `window.skimmer` object Electron's contextBridge would expose.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { IpcRouter } from '../../../main/ipc/router';
import { repoRoot, rendererOut } from './paths';
import { startStaticServer } from './static-server';

export const CHROMIUM_PATH = process.env.SKIMMER_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

let bridgeScript: Promise<string> | undefined;

/** The real preload bridge built for a page without Electron (shared with the renderer benches). */
export function buildBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [path.join(repoRoot, 'preload/test-bridge-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    minify: true,
  }).then((result) => result.outputFiles[0]!.text);
  return bridgeScript;
}

export interface LaunchedApp {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly origin: string;
  /** Sends a main -> renderer event, as webContents.send would. */
  emit(channel: string, payload: unknown): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  readonly router: (isTrustedSender: (url: string) => boolean) => IpcRouter;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { width: number; height: number };
  /** The browser's locale (navigator.language, Accept-Language), e.g. 'ko-KR'. */
  readonly locale?: string;
}

export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  const server = await startStaticServer(rendererOut);
  const isTrustedSender = (url: string) => url.startsWith(`${server.origin}/`);
  const router = options.router(isTrustedSender);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  await context.exposeBinding('__skimmerInvoke', async (source, channel: unknown, args: unknown) => {
    // As in Electron's handler: only the top frame of the app's page counts as the app.
    const frame = source.frame;
    const senderUrl = frame.parentFrame() === null ? frame.url() : '';
    return router.handle(String(channel), senderUrl, args);
  });
  await context.addInitScript({ content: await buildBridgeScript() });
  const page = await context.newPage();
  await page.goto(`${server.origin}/index.html`);
  return {
    browser,
    context,
    page,
    origin: server.origin,
    emit: async (channel, payload) => {
      await page.evaluate(([c, p]) => window.__skimmerEmit?.(c as string, p), [channel, payload] as const);
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
