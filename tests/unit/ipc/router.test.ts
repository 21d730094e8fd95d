import { describe, expect, it, vi } from 'vitest';
import { requests } from '../../../common/ipc';
import { IpcFailure } from '../../../common/ipc-result';
import { createIpcRouter, type RequestHandlers } from '../../../main/ipc/router';

const APP_URL = 'app://skimmer/index.html';

function makeRouter(overrides: Partial<RequestHandlers> = {}) {
  // Only the two handlers these tests call; the router never touches the others.
  const handlers = {
    getAppInfo: vi.fn(() => ({ name: 'Skimmer', version: '1.0.0', platform: 'linux', shell: 'electron' as const })),
    openExternal: vi.fn(async () => null),
    ...overrides,
  } as unknown as RequestHandlers;
  const logError = vi.fn();
  const router = createIpcRouter(handlers, { isTrustedSender: (url) => url === APP_URL, logError });
  return { router, handlers, logError };
}

describe('IPC router', () => {
  it('answers a valid request with ok/value', async () => {
    const { router } = makeRouter();
    const reply = await router.handle(requests.getAppInfo.channel, APP_URL, []);
    expect(reply).toEqual({ ok: true, value: { name: 'Skimmer', version: '1.0.0', platform: 'linux', shell: 'electron' } });
  });

  it.each([
    ['not an array', 'https://example.com'],
    ['wrong type', [42]],
    ['missing argument', []],
    ['extra argument', ['https://example.com', 'extra']],
    ['non-http scheme', ['javascript:alert(1)']],
    ['file scheme', ['file:///etc/passwd']],
    ['null', null],
    ['prototype pollution', JSON.parse('{"__proto__": {"polluted": true}}')],
  ])('refuses a malformed request (%s) with invalid_request before the handler', async (_label, args) => {
    const { router, handlers } = makeRouter();
    const reply = await router.handle(requests.openExternal.channel, APP_URL, args);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid_request');
      expect(reply.error.message).toMatch(/openExternal/);
    }
    expect(handlers.openExternal).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel', async () => {
    const { router } = makeRouter();
    const reply = await router.handle('app:delete-everything', APP_URL, []);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('refuses a request from a frame that is not the app page', async () => {
    const { router, handlers } = makeRouter();
    for (const url of ['', 'about:srcdoc', 'https://evil.example/', 'app://other/index.html', 'file:///index.html']) {
      const reply = await router.handle(requests.getAppInfo.channel, url, []);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(handlers.getAppInfo).not.toHaveBeenCalled();
  });

  it('passes a handler-chosen error code through', async () => {
    const { router } = makeRouter({
      openExternal: async () => {
        throw new IpcFailure('offline', 'No network.');
      },
    });
    const reply = await router.handle(requests.openExternal.channel, APP_URL, ['https://example.com']);
    expect(reply).toEqual({ ok: false, error: { code: 'offline', message: 'No network.' } });
  });

  it('hides unexpected exceptions behind internal and logs them', async () => {
    const { router, logError } = makeRouter({
      openExternal: async () => {
        throw new Error('token=ya29.secret leaked?');
      },
    });
    const reply = await router.handle(requests.openExternal.channel, APP_URL, ['https://example.com']);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('internal');
      expect(reply.error.message).not.toContain('ya29');
    }
    expect(logError).toHaveBeenCalledOnce();
  });

  it('lists every contract channel for registration', () => {
    const { router } = makeRouter();
    expect([...router.channels].sort()).toEqual(
      Object.values(requests)
        .map((r) => r.channel)
        .sort(),
    );
  });
});
