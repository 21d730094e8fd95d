/** The consent page in a real browser (Debian's Chromium): clicking Allow/Deny lands on the loopback redirect. */
import http from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { ALICE, BOB, READONLY, startFixture, type Fixture } from './helpers';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('consent page in Chromium', () => {
  let f: Fixture;
  let browser: Browser;
  let server: http.Server;
  let seen: URL[] = [];
  let redirect = '';

  beforeAll(async () => {
    f = await startFixture();
    server = http.createServer((req, res) => {
      if (req.url?.startsWith('/cb')) seen.push(new URL(req.url, 'http://127.0.0.1'));
      res.end('You can return to the app.');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    redirect = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server.close(r));
    await f.cleanup();
  });

  const authUrl = (extra: Record<string, string> = {}) =>
    `${f.emu.authUri}?${new URLSearchParams({
      client_id: f.emu.clientId,
      redirect_uri: redirect,
      response_type: 'code',
      scope: `${READONLY} openid email`,
      state: 'st',
      ...extra,
    })}`;

  it('Allow with another account picked: the callback gets a code for it', async () => {
    seen = [];
    const page = await browser.newPage();
    await page.goto(authUrl({ login_hint: ALICE }));
    expect(await page.locator(`input[value="${ALICE}"]`).isChecked()).toBe(true);
    await page.locator(`input[value="${BOB}"]`).check();
    await Promise.all([page.waitForURL(/\/cb\?/), page.getByRole('button', { name: 'Allow' }).click()]);
    expect(await page.textContent('body')).toContain('return to the app');
    const cb = seen.at(-1)!;
    expect(cb.searchParams.get('state')).toBe('st');
    expect(cb.searchParams.get('authuser')).toBe('1');
    const code = cb.searchParams.get('code')!;
    const tok = await fetch(f.emu.tokenUri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: f.emu.clientId,
        client_secret: f.emu.clientSecret,
        redirect_uri: redirect,
      }),
    });
    const body = (await tok.json()) as { access_token: string };
    const info = (await (await fetch(`${f.emu.tokeninfoUri}?access_token=${body.access_token}`)).json()) as { email: string };
    expect(info.email).toBe(BOB);
    await page.close();
  });

  it('Deny: the callback gets error=access_denied', async () => {
    seen = [];
    const page = await browser.newPage();
    await page.goto(authUrl());
    await Promise.all([page.waitForURL(/\/cb\?/), page.getByRole('button', { name: 'Deny' }).click()]);
    expect(seen.at(-1)!.searchParams.get('error')).toBe('access_denied');
    await page.close();
  });
});
