import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './window-state';

export const MIN_WINDOW_WIDTH = 760;
export const MIN_WINDOW_HEIGHT = 480;

/**
 * The one BrowserWindow's options. Every security-relevant flag is spelled out,
 * even where it matches Electron's default, so a test can hold them in place
 * (Electron's security checklist, items 2–4, 6, 7 and 13).
 */
export function createMainWindowOptions(preloadPath: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    show: false,
    title: 'Skimmer',
    backgroundColor: '#00000000',
    titleBarStyle: process.platform === 'darwin' ? 'hiddenInset' : 'default',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableDialogs: false,
      autoplayPolicy: 'user-gesture-required',
    },
  };
}
