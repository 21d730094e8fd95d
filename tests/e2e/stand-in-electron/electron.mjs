// A stand-in for the `electron` module (Electron's binary can't run here): every call is
// recorded, in order, and written as JSON to $SKIMMER_STANDIN_LOG when the app quits or
// exits. Once the window loads a URL it asks the app:// handler for that URL and records
// the response, then quits. Typed loosely on purpose: it only has to look like Electron 45.
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';

const calls = [];
const served = [];
let ready = false;
const record = (name, ...args) => calls.push({ name, args: JSON.parse(JSON.stringify(args, (_k, v) => (typeof v === 'function' ? '[function]' : v))), ready });
const handlers = new Map();
// A packaged Electron sets process.resourcesPath (extraResources live there).
if (process.env.SKIMMER_STANDIN_RESOURCES) process.resourcesPath = process.env.SKIMMER_STANDIN_RESOURCES;

function finish(code) {
  record('process.exit', code);
  writeFileSync(process.env.SKIMMER_STANDIN_LOG, JSON.stringify({ calls, served }, null, 1));
  process.exit(code);
}

class App extends EventEmitter {
  isPackaged = process.env.SKIMMER_STANDIN_PACKAGED === '1';
  whenReady() {
    record('app.whenReady');
    return new Promise((resolve) =>
      setTimeout(() => {
        ready = true;
        record('app.ready');
        this.emit('ready');
        resolve();
      }, 20),
    );
  }
  isReady() {
    return ready;
  }
  on(event, listener) {
    record('app.on', event);
    return super.on(event, listener);
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return process.env.SKIMMER_STANDIN_LOCKED !== '1';
  }
  releaseSingleInstanceLock() {
    record('app.releaseSingleInstanceLock');
  }
  getName() {
    return 'Skimmer';
  }
  getVersion() {
    return '0.1.0';
  }
  getLocale() {
    return process.env.SKIMMER_STANDIN_LOCALE ?? 'en-US';
  }
  getPath(name) {
    record('app.getPath', name);
    return process.env.SKIMMER_STANDIN_USERDATA + (name === 'userData' ? '' : `/${name}`);
  }
  setAboutPanelOptions(options) {
    record('app.setAboutPanelOptions', options);
  }
  showAboutPanel() {
    record('app.showAboutPanel');
  }
  quit() {
    record('app.quit');
    setTimeout(() => finish(0), 10);
  }
  exit(code = 0) {
    record('app.exit', code);
    finish(code);
  }
}
export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme, handler) {
    record('protocol.handle', scheme);
    handlers.set(scheme, handler);
  },
};

class WebContents extends EventEmitter {
  send(channel, payload) {
    record('webContents.send', channel, payload === undefined ? null : '[payload]');
  }
  setWindowOpenHandler() {
    record('webContents.setWindowOpenHandler');
  }
  on(event, listener) {
    record('webContents.on', event);
    return super.on(event, listener);
  }
}

const windows = [];
export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows;
  }
  constructor(options) {
    super();
    record('new BrowserWindow', options);
    this.webContents = new WebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  maximize() {
    record('BrowserWindow.maximize');
  }
  show() {
    record('BrowserWindow.show');
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }
  async loadURL(url) {
    record('BrowserWindow.loadURL', url);
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = handlers.get(scheme);
    for (const target of [url, `${scheme}://skimmer/../../package.json`, `${scheme}://elsewhere/index.html`]) {
      const response = handler ? await handler(new Request(target)) : null;
      served.push(
        response
          ? { url: target, status: response.status, headers: Object.fromEntries(response.headers), body: (await response.text()).slice(0, 400) }
          : { url: target, status: null },
      );
    }
    this.emit('ready-to-show');
    setTimeout(() => (process.env.SKIMMER_STANDIN_STAY === '1' ? undefined : app.quit()), 50);
  }
}

export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', title, content);
  },
  async showOpenDialog() {
    record('dialog.showOpenDialog');
    return { canceled: true, filePaths: [] };
  },
  async showSaveDialog() {
    record('dialog.showSaveDialog');
    return { canceled: true };
  },
};

export const ipcMain = {
  handle(channel) {
    record('ipcMain.handle', channel);
  },
};
export const Menu = {
  buildFromTemplate(template) {
    record('Menu.buildFromTemplate');
    return { template };
  },
  setApplicationMenu() {
    record('Menu.setApplicationMenu');
  },
};
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
const defaultSession = {
  setPermissionRequestHandler() {
    record('session.setPermissionRequestHandler');
  },
  setPermissionCheckHandler() {
    record('session.setPermissionCheckHandler');
  },
  setDevicePermissionHandler() {
    record('session.setDevicePermissionHandler');
  },
};
export const session = { defaultSession };
export const shell = {
  async openExternal(url) {
    record('shell.openExternal', url);
  },
};
export const clipboard = {
  writeText(text) {
    record('clipboard.writeText', text);
  },
};
// No OS keychain through Electron here: safeStorage refuses, as on Linux with basic_text.
export const safeStorage = {
  isEncryptionAvailable() {
    return false;
  },
  getSelectedStorageBackend() {
    return 'basic_text';
  },
  encryptString() {
    throw new Error('unavailable');
  },
  decryptString() {
    throw new Error('unavailable');
  },
};

export default { app, protocol, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, clipboard, safeStorage };
