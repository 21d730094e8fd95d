import { describe, expect, it, vi } from 'vitest';
import { requests } from '../../../common/ipc';
import { buildSkimmerApi, exposeSkimmerApi, type IpcRendererLike } from '../../../preload/bridge';

function fakeIpcRenderer() {
  const invoke = vi.fn(async (_channel: string, ..._args: unknown[]) => ({ ok: true, value: null }) as unknown);
  const ipc: IpcRendererLike = { invoke, on: vi.fn(), removeListener: vi.fn() };
  return { ipc, invoke };
}

describe('preload bridge', () => {
  it('exposes one frozen object under "skimmer" with one method per contract request', () => {
    const { ipc } = fakeIpcRenderer();
    const exposed: Record<string, unknown> = {};
    exposeSkimmerApi({ exposeInMainWorld: (key, api) => (exposed[key] = api) }, ipc);
    const api = exposed.skimmer as Record<string, unknown>;
    expect(Object.keys(exposed)).toEqual(['skimmer']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...Object.keys(requests), 'on'].sort());
    expect(api).not.toHaveProperty('invoke');
  });

  it('sends the arguments as one tuple on the contract channel', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const api = buildSkimmerApi(ipc);
    await api.openExternal('https://example.com/');
    expect(invoke).toHaveBeenCalledWith(requests.openExternal.channel, ['https://example.com/']);
  });
});
