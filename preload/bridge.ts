/**
 * Builds `window.skimmer` from the IPC contract. Written as a function of the two
 * Electron objects it needs, so tests run this exact code over a stand-in bridge.
 * It exposes one method per contract entry and nothing generic: the renderer can't
 * name a channel, and never touches ipcRenderer itself.
 */
import { events, requests, type EventName, type RequestName, type SkimmerApi } from '../common/ipc';

/** The part of Electron's contextBridge this module uses. */
export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

/** The part of Electron's ipcRenderer this module uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export const SKIMMER_API_KEY = 'skimmer';

export function buildSkimmerApi(ipcRenderer: IpcRendererLike): SkimmerApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(requests) as RequestName[]) {
    const { channel } = requests[name];
    // Arguments travel as one array so main validates the whole tuple at once.
    api[name] = (...args: unknown[]) => ipcRenderer.invoke(channel, args);
  }
  const on: Record<string, unknown> = {};
  for (const name of Object.keys(events) as EventName[]) {
    const { channel } = events[name] as { channel: string };
    on[name] = (listener: (payload: unknown) => void) => {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => {
        ipcRenderer.removeListener(channel, wrapped);
      };
    };
  }
  api.on = Object.freeze(on);
  return Object.freeze(api) as SkimmerApi;
}

export function exposeSkimmerApi(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  contextBridge.exposeInMainWorld(SKIMMER_API_KEY, buildSkimmerApi(ipcRenderer));
}
