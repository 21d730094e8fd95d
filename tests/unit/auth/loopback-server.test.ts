import { describe, it, expect } from 'vitest';
import { connect, createServer } from 'node:net';
import { LoopbackError, page, startLoopbackServer } from '../../../main/auth/loopback-server';

const get = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, body: await r.text(), headers: r.headers };
};

/** Sends raw bytes on a fresh socket and returns whatever came back before the server closed it. */
const raw = (port: number, bytes: string) =>
  new Promise<string>((resolve) => {
    const sock = connect(port, '127.0.0.1', () => sock.end(bytes));
    let got = '';
    sock.on('data', (d) => (got += d.toString('latin1')));
    sock.on('close', () => resolve(got));
    sock.on('error', () => resolve(got));
  });

describe('startLoopbackServer', () => {
  it('answers malformed request lines with 400 and still accepts the real callback', async () => {
    const ignored: string[] = [];
    const srv = await startLoopbackServer({ state: 'st', onIgnoredRequest: (r) => ignored.push(r) });
    const lines = [
      'GET http://[::1 HTTP/1.1', // new URL() rejects it
      `GET http://127.0.0.1:${srv.port}/oauth2callback?state=st&code=x HTTP/1.1`, // absolute-form
      'GET //evil.example/oauth2callback?state=st&code=x HTTP/1.1',
      'GET * HTTP/1.1',
      'CONNECT 127.0.0.1:80 HTTP/1.1',
      'POST /oauth2callback?state=st&code=x HTTP/1.1',
      `GET /${'a'.repeat(9000)} HTTP/1.1`,
      '\u0000\u0001garbage \r\n\r\n',
    ];
    for (const line of lines) {
      const reply = await raw(srv.port, `${line}\r\nHost: 127.0.0.1\r\n\r\n`);
      expect(reply, line).toMatch(/^HTTP\/1\.1 (400|405|431)/);
    }
    const huge = await raw(srv.port, `GET /oauth2callback HTTP/1.1\r\nX: ${'b'.repeat(100_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 4\d\d|^$/);
    expect(ignored).toContain('malformed');
    const browser = get(`${srv.redirectUri}?state=st&code=ok`);
    const cb = await srv.callback;
    expect(cb.code).toBe('ok');
    cb.respond('success');
    expect((await browser).status).toBe(200);
    await srv.close();
  });

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
