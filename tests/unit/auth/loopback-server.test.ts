import { describe, it, expect } from 'vitest';
import { createServer } from 'node:net';
import { LoopbackError, page, startLoopbackServer } from '../../../main/auth/loopback-server';

const get = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, body: await r.text(), headers: r.headers };
};

describe('startLoopbackServer', () => {
  it('listens on 127.0.0.1 with a real port and an /oauth2callback redirect URI', async () => {
    const srv = await startLoopbackServer({ state: 's1' });
    expect(srv.port).toBeGreaterThan(0);
    expect(srv.redirectUri).toBe(`http://127.0.0.1:${srv.port}/oauth2callback`);
    await srv.close();
  });

  it('ignores wrong/missing state with a 400 page, then accepts the right one and closes', async () => {
    const ignored: string[] = [];
    const srv = await startLoopbackServer({ state: 'right-state', onIgnoredRequest: (r) => ignored.push(r) });
    expect((await get(`${srv.redirectUri}?state=wrong-state&code=c`)).status).toBe(400);
    expect((await get(`${srv.redirectUri}?state=right-stat&code=c`)).status).toBe(400); // different length
    expect((await get(`${srv.redirectUri}?code=c`)).status).toBe(400);
    // A denial with the wrong state must not end the flow either.
    expect((await get(`${srv.redirectUri}?state=nope&error=access_denied`)).status).toBe(400);
    expect((await get(`http://127.0.0.1:${srv.port}/favicon.ico`)).status).toBe(404);
    expect((await get(`http://127.0.0.1:${srv.port}/other`)).status).toBe(404);
    expect(ignored).toEqual(['state_mismatch', 'state_mismatch', 'state_mismatch', 'state_mismatch', 'not_found']);
    const browser = get(`${srv.redirectUri}?state=right-state&code=4%2Fabc&scope=email`);
    const cb = await srv.callback;
    expect(cb.code).toBe('4/abc');
    expect(cb.params.get('scope')).toBe('email');
    cb.respond('success', 'Signed in as ada@example.com.');
    const page = await browser;
    expect(page.status).toBe(200);
    expect(page.body).toContain('You can close this tab and return to Skimmer');
    expect(page.body).toContain('Signed in as ada@example.com.');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    await srv.close();
    await expect(fetch(srv.redirectUri)).rejects.toThrow();
  });

  it('ends the flow on error=access_denied with a denied page', async () => {
    const srv = await startLoopbackServer({ state: 'st' });
    const res = await get(`${srv.redirectUri}?state=st&error=access_denied`);
    expect(res.body).toContain('data-result="denied"');
    await expect(srv.callback).rejects.toMatchObject({ code: 'denied' });
  });

  it('ends the flow on other OAuth errors', async () => {
    const srv = await startLoopbackServer({ state: 'st' });
    await get(`${srv.redirectUri}?state=st&error=server_error`);
    await expect(srv.callback).rejects.toMatchObject({ code: 'oauth_error', oauthError: 'server_error' });
  });

  it('times out', async () => {
    const srv = await startLoopbackServer({ state: 'st', timeoutMs: 50 });
    await expect(srv.callback).rejects.toMatchObject({ code: 'timed_out' });
    await expect(fetch(srv.redirectUri)).rejects.toThrow();
  });

  it('is cancelled through an AbortSignal (also when already aborted)', async () => {
    const ac = new AbortController();
    const srv = await startLoopbackServer({ state: 'st', signal: ac.signal });
    ac.abort();
    await expect(srv.callback).rejects.toMatchObject({ code: 'cancelled' });
    await expect(startLoopbackServer({ state: 'st', signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('maps a listen failure (port taken) to port_unavailable', async () => {
    const other = createServer();
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (other.address() as { port: number }).port;
    const err = await startLoopbackServer({ state: 'st', port }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoopbackError);
    expect(err).toMatchObject({ code: 'port_unavailable' });
    await new Promise<void>((r) => other.close(() => r()));
  });

  it('gives the waiting tab a neutral page when respond() never comes; later callbacks get 410', async () => {
    const srv = await startLoopbackServer({ state: 'st', respondTimeoutMs: 100 });
    const first = get(`${srv.redirectUri}?state=st&code=a`);
    await srv.callback;
    expect((await get(`${srv.redirectUri}?state=st&code=b`)).status).toBe(410);
    expect((await first).status).toBe(200);
    await srv.close();
  });

  it('escapes details in the result page', () => {
    expect(page('error', '<script>x</script>')).not.toContain('<script>x');
  });
});
