/**
 * Electron entry point: app lifecycle, the one window, and the wiring of Electron's
 * modules to the plain services under main/. Kept small on purpose: everything that
 * can run without Electron lives elsewhere and is tested in Node.
 */
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { events } from '../../common/ipc';
import { createAppServices, type AppServices } from '../app-services';
import { createIpcRouter } from '../ipc/router';
import { KeyringCipher } from '../secrets/keyring-cipher';
import { DemoServer } from '../services/demo-server';
import { handleStartupFailure } from '../services/startup-failure';
import { createSafeStorageCipher } from './safe-storage';
import { APP_SECURITY_HEADERS, isSafeExternalUrl } from '../security/csp';
import { allowNavigation, allowPermission, decideWindowOpen } from '../security/navigation-policy';
import { APP_HOST, APP_SCHEME, APP_START_URL, isAppPageUrl, resolveAppAsset } from '../window/app-assets';
import { buildAppMenuTemplate } from '../window/app-menu';
import { resolveUiLocale } from '../../common/i18n/locale';
import { setMainLocale, t } from '../i18n/translate';
import { createMainWindowOptions } from '../window/window-options';
import { fitToDisplays, parseSavedWindowState, type SavedWindowState } from '../window/window-state';
import { configureLog, log } from '../logging/log';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/preload.cjs');

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
const dataDir = () => path.join(app.getPath('userData'), 'data');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  startApp().catch(failStartup);
}

/**
 * Any start-up failure: say what went wrong and what to do, free the single-instance lock
 * and exit, so no process stays alive without a window (later launches would quit silently).
 */
async function failStartup(error: unknown): Promise<void> {
  log.error('startup', 'failed', error);
  try {
    await app.whenReady();
    // The settings may be what failed to load: the OS language is all we can trust here.
    setMainLocale(app.getLocale());
    const message = await handleStartupFailure(error, dataDir());
    dialog.showErrorBox(message.title, message.content);
  } catch (reportError) {
    log.error('startup', 'the failure could not be reported', reportError);
    // Still exit below.
  } finally {
    app.releaseSingleInstanceLock();
    app.exit(1);
  }
}

async function startApp(): Promise<void> {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  await app.whenReady();
  configureLog({ dir: app.getPath('logs'), echo: !app.isPackaged });
  if (process.platform === 'linux') {
    app.setAboutPanelOptions({
      applicationName: app.getName(),
      applicationVersion: app.getVersion(),
      copyright: 'Copyright © 2026 Skimmer team',
      website: 'https://github.com/skimmer-app/skimmer',
    });
  }
  serveAppProtocol();
  denyAllPermissions();
  const services = await startServices();
  registerIpc(services);
  app.on('will-quit', () => void services.dispose());
  const locale = await services.handlers.getLocaleSettings();
  setMainLocale(app.getLocale(), resolveUiLocale(locale.preference, app.getLocale()));
  setAppMenu();
  await createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
  });
}

/** The menu in main's current language; built again when the person picks another. */
function setAppMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildAppMenuTemplate(process.platform, app.getName(), {
        openAbout: () => app.showAboutPanel(),
        openHelp: () => void shell.openExternal('https://support.google.com/mail/answer/7190'),
      }),
    ),
  );
}

function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(rendererRoot, request.url, APP_HOST);
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.filePath);
      return new Response(body, { headers: { 'Content-Type': asset.mimeType, ...APP_SECURITY_HEADERS } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  session.defaultSession.setDevicePermissionHandler(() => false);
}

function hardenWebContents(contents: Electron.WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
}

/** The demo mailbox ships beside the app (extraResources) or in the source tree in development. */
function demoMailboxPath(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'demo/demo-mailbox.mbox') : path.join(here, '../../emulator/demo/demo-mailbox.mbox');
}

async function startServices(): Promise<AppServices> {
  return createAppServices({
    dataDir: dataDir(),
    appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform, shell: 'electron' },
    // Electron's safeStorage first (refuses Linux basic_text), the OS keychain directly second.
    ciphers: [createSafeStorageCipher(), new KeyringCipher()],
    demo: new DemoServer({ mail: [demoMailboxPath()] }),
    locale: {
      system: app.getLocale(),
      onChange: (ui) => {
        setMainLocale(app.getLocale(), ui);
        setAppMenu();
      },
    },
    platform: {
      openExternal: async (url) => {
        if (isSafeExternalUrl(url)) await shell.openExternal(url);
      },
      chooseClientSecretFile: async () => {
        const options: Electron.OpenDialogOptions = {
          title: t('dialog.importClient.title'),
          properties: ['openFile'],
          filters: [{ name: t('dialog.importClient.filter'), extensions: ['json'] }],
        };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      chooseSaveLocation: async (suggestedName) => {
        const defaultPath = path.join(app.getPath('downloads'), suggestedName);
        const options: Electron.SaveDialogOptions = { title: t('dialog.saveAttachment.title'), defaultPath };
        const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return result.canceled ? null : (result.filePath ?? null);
      },
      copyText: (text) => clipboard.writeText(text),
      openPath: async (filePath) => {
        const failure = await shell.openPath(filePath);
        if (failure) throw new Error(failure);
      },
      emit: (name, payload) => {
        mainWindow?.webContents.send(events[name].channel, payload);
      },
    },
  });
}

function registerIpc(services: AppServices): void {
  const router = createIpcRouter(services.handlers, {
    isTrustedSender: isAppPageUrl,
    logError: (channel, error) => log.error('ipc', `${channel} failed`, error),
  });
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, args: unknown) => {
      const frame = event.senderFrame;
      // Only the top frame of our own page may call: never the mail body frame.
      const senderUrl = frame && frame.parent === null ? frame.url : '';
      return router.handle(channel, senderUrl, args);
    });
  }
}

const windowStateFile = () => path.join(app.getPath('userData'), 'window-state.json');

async function loadWindowState(): Promise<SavedWindowState> {
  let saved: unknown = undefined;
  try {
    saved = JSON.parse(await readFile(windowStateFile(), 'utf8'));
  } catch {
    // First run or an unreadable file: the default size is fine.
  }
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  return fitToDisplays(parseSavedWindowState(saved), displays);
}

async function saveWindowState(window: BrowserWindow): Promise<void> {
  const bounds = window.getNormalBounds();
  const state: SavedWindowState = { ...bounds, maximized: window.isMaximized() };
  await mkdir(path.dirname(windowStateFile()), { recursive: true });
  await writeFile(windowStateFile(), JSON.stringify(state));
}

async function createMainWindow(): Promise<void> {
  const state = await loadWindowState();
  const { maximized, ...bounds } = state;
  const window = new BrowserWindow(createMainWindowOptions(preloadPath, bounds));
  mainWindow = window;
  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => void saveWindowState(window).catch((error: unknown) => log.warn('window', 'the window state could not be saved', error)));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  await window.loadURL(APP_START_URL);
}
