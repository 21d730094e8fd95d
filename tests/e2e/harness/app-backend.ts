/**
 * The main side of the app for e2e tests: the real app services (sign-in, vault,
 * Gmail client, cache) over a temp data dir, the demo emulator on 127.0.0.1, and
 * platform hooks that stand in for Electron's shell and dialogs. The "system browser"
 * is a second page in the same Chromium, driven by completeConsent().
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { events, type EventName } from '../../../common/ipc';
import { createAppServices, type AppServices } from '../../../main/app-services';
import { createIpcRouter, type IpcRouter } from '../../../main/ipc/router';
import type { Cipher } from '../../../main/secrets/cipher';
import { KeyringCipher } from '../../../main/secrets/keyring-cipher';
import { DemoServer } from '../../../main/services/demo-server';
import type { EmulatorHandle } from '../../../emulator/index';

export interface AppBackend {
  readonly services: AppServices;
  readonly dataDir: string;
  readonly downloadsDir: string;
  /** URLs main asked the system browser to open, in order. */
  readonly openedUrls: string[];
  /** What "Copy" put on the (stand-in) clipboard. */
  readonly copiedTexts: string[];
  router(isTrustedSender: (url: string) => boolean): IpcRouter;
  /** Connects main -> renderer events to a launched page's bridge. */
  connect(emit: (channel: string, payload: unknown) => Promise<void>): void;
  /** The demo emulator (started on first use). */
  emulator(): Promise<EmulatorHandle>;
  /** Plays the system browser: opens the next consent URL, picks the account, clicks a button. */
  completeConsent(context: BrowserContext, decision?: 'allow' | 'deny', account?: string): Promise<Page>;
  close(): Promise<void>;
}

export interface AppBackendOptions {
  /** Mail for the demo account; default: the shipped demo mailbox. */
  readonly mail?: string[];
  /** Several demo accounts, each with its own mail (instead of `mail`). */
  readonly accounts?: { readonly email: string; readonly mail: string[] }[];
  /** Token ciphers; default: the OS keychain when reachable, else memory only. */
  readonly ciphers?: Cipher[];
  /** What app.getLocale() would say (default: null, so the renderer reads navigator.language). */
  readonly systemLocale?: string;
}

async function defaultCiphers(): Promise<Cipher[]> {
  const keyring = new KeyringCipher({ service: `Skimmer e2e ${process.pid}` });
  return (await keyring.isAvailable().catch(() => false)) ? [keyring] : [];
}

export async function startAppBackend(options: AppBackendOptions = {}): Promise<AppBackend> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'skimmer-e2e-'));
  const dataDir = path.join(root, 'data');
  const downloadsDir = path.join(root, 'downloads');
  const openedUrls: string[] = [];
  const copiedTexts: string[] = [];
  const urlWaiters: ((url: string) => void)[] = [];
  let emitToPage: ((channel: string, payload: unknown) => Promise<void>) | null = null;
  const demo = new DemoServer(options.accounts ? { accounts: options.accounts } : options.mail ? { mail: options.mail } : {});

  const services = await createAppServices({
    dataDir,
    appInfo: { name: 'Skimmer', version: 'e2e', platform: process.platform, shell: 'test-bridge' },
    ciphers: options.ciphers ?? (await defaultCiphers()),
    demo,
    env: {},
    locale: { system: options.systemLocale ?? null },
    platform: {
      openExternal: async (url) => {
        openedUrls.push(url);
        urlWaiters.shift()?.(url);
      },
      chooseClientSecretFile: async () => null,
      chooseSaveLocation: async (name) => path.join(downloadsDir, name),
      copyText: (text) => {
        copiedTexts.push(text);
      },
      emit: (name: EventName, payload: unknown) => {
        void emitToPage?.(events[name].channel, payload).catch(() => undefined);
      },
    },
  });
  const { mkdir } = await import('node:fs/promises');
  await mkdir(downloadsDir, { recursive: true });

  const nextOpenedUrl = (): Promise<string> =>
    new Promise((resolve) => {
      urlWaiters.push(resolve);
    });

  return {
    services,
    dataDir,
    downloadsDir,
    openedUrls,
    copiedTexts,
    router: (isTrustedSender) => createIpcRouter(services.handlers, { isTrustedSender }),
    connect: (emit) => {
      emitToPage = emit;
    },
    emulator: () => demo.start(),
    completeConsent: async (context, decision = 'allow', email) => {
      const url = await nextOpenedUrl();
      const browserPage = await context.newPage();
      await browserPage.goto(url);
      const account = browserPage.locator(email ? `input[name="account"][value="${email}"]` : 'input[name="account"]').first();
      if (await account.count()) await account.check();
      await browserPage.locator(`button[name="decision"][value="${decision}"]`).click();
      await browserPage.waitForLoadState('load');
      return browserPage;
    },
    close: async () => {
      await services.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}
