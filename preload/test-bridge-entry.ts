// Entry for the e2e harness: the same bridge code, installed over Playwright bindings
// instead of Electron's contextBridge/ipcRenderer. Built to an IIFE by the test harness.
import { exposeSkimmerApi, type IpcRendererLike } from './bridge';

declare global {
  interface Window {
    __skimmerInvoke?: (channel: string, args: unknown) => Promise<unknown>;
    __skimmerEmit?: (channel: string, payload: unknown) => void;
    /** When each channel's latest reply reached the page (performance.now()): lets tests time the renderer alone. */
    __skimmerReplyAt?: Record<string, number>;
  }
}

type Listener = (event: unknown, ...args: unknown[]) => void;
const listeners = new Map<string, Set<Listener>>();

const testIpcRenderer: IpcRendererLike = {
  invoke(channel, ...args) {
    const invoke = window.__skimmerInvoke;
    if (!invoke) return Promise.reject(new Error('test bridge binding missing'));
    return invoke(channel, args[0]).then((reply) => {
      (window.__skimmerReplyAt ??= {})[channel] = performance.now();
      return reply;
    });
  },
  on(channel, listener) {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
  },
  removeListener(channel, listener) {
    listeners.get(channel)?.delete(listener);
  },
};

window.__skimmerEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener({}, payload);
};

exposeSkimmerApi(
  {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: api, writable: false, configurable: false });
    },
  },
  testIpcRenderer,
);
