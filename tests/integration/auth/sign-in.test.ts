import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { readFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { AccountError } from '../../../main/auth/account-types';
import { oauth2Endpoints } from '../../../main/auth/client-config';
import { SignInError } from '../../../main/auth/sign-in-errors';
import { encodingsOf } from '../../unit/secrets/encodings';
import { consent, playBrowser } from './browser';
import { ADA, GRACE, appHarness, startTestEmulator, type AppHarness, type Emulator } from './setup';
import type { OAuthClientConfig } from '../../../main/auth/client-config';
import type { AccountService } from '../../../main/auth/accounts';

let emu: Emulator;
let config: OAuthClientConfig;
let h: AppHarness;
let n = 0;

beforeAll(async () => {
  ({ emu, config } = await startTestEmulator());
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  h = await appHarness(config, `SkimmerAuthIT-${process.pid}-${++n}`);
});
afterEach(async () => {
  await h.cleanup();
});

/** Sign in through the emulator's consent page as `email`. */
async function signInAs(svc: AccountService, email: string) {
  const pending = svc.signIn();
  const url = await h.opener.next();
  const page = await playBrowser(url, { account: email });
  const account = await pending;
  return { account, page, url };
}

const gmailProfile = async (svc: AccountService, id: string) => {
  const client = await svc.getAuthorizedClient(id);
  const res = await client.request<{ emailAddress: string }>({ url: `${config.gmailRootUrl}gmail/v1/users/me/profile` });
  return res.data;
};

describe('sign-in against the emulator', () => {
  it('whole flow: consent page, loopback callback, an account and an encrypted token on disk', async () => {
    const { svc, vault } = await h.open();
    const { account, page, url } = await signInAs(svc, ADA);
    expect(account).toMatchObject({ email: ADA, name: 'Ada Lovelace', initials: 'AL', state: 'signed_in' });
    expect(account.id).toMatch(/\S/);
    expect(account.avatarUrl).toContain('/__emulator/avatar/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('You can close this tab and return to Skimmer');
    expect(page.location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2callback\?/);
    const q = new URL(url).searchParams;
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('access_type')).toBe('offline');
    expect(q.get('prompt')).toBe('consent');
    expect(vault.storageMode).toBe('encrypted');
    const stored = await vault.load(account.id);
    expect(stored?.email).toBe(ADA);
    expect(stored?.scopes).toContain('https://www.googleapis.com/auth/gmail.readonly');
    const text = await readFile(join(h.dataDir, 'settings.json'), 'utf8');
    expect(text).toContain('"cipher": "keyring"');
    for (const enc of encodingsOf(stored!.refreshToken)) expect(text).not.toContain(enc);
    const access = (await svc.getAuthorizedClient(account.id)).credentials.access_token!;
    for (const enc of encodingsOf(access)) expect(text).not.toContain(enc);
    expect((await gmailProfile(svc, account.id)).emailAddress).toBe(ADA);
  });

  it('several accounts, switching, and each one reads its own mail', async () => {
    const { svc } = await h.open();
    const ada = (await signInAs(svc, ADA)).account;
    const grace = (await signInAs(svc, GRACE)).account;
    expect(svc.list().map((a) => a.email)).toEqual([ADA, GRACE]);
    expect(svc.activeAccountId).toBe(grace.id);
    svc.setActive(ada.id);
    expect(svc.getActive()?.email).toBe(ADA);
    expect((await gmailProfile(svc, grace.id)).emailAddress).toBe(GRACE);
    expect((await gmailProfile(svc, ada.id)).emailAddress).toBe(ADA);
  });

  it('wrong state is ignored (400) and the flow keeps waiting, then succeeds', async () => {
    const { svc } = await h.open();
    const ignored: string[] = [];
    const pending = svc.signIn({ onIgnoredRequest: (r) => ignored.push(r) });
    const url = await h.opener.next();
    const { location } = await consent(url, { account: ADA });
    const forged = new URL(location!);
    forged.searchParams.set('state', 'forged-state');
    const bad = await fetch(forged);
    expect(bad.status).toBe(400);
    expect(ignored).toEqual(['state_mismatch']);
    const good = await fetch(location!);
    expect(good.status).toBe(200);
    expect((await pending).email).toBe(ADA);
  });

  it('malformed requests to the loopback port get 400 and the sign-in still succeeds', async () => {
    const { svc } = await h.open();
    const ignored: string[] = [];
    const pending = svc.signIn({ onIgnoredRequest: (r) => ignored.push(r) });
    const url = await h.opener.next();
    const { location } = await consent(url, { account: ADA });
    const port = Number(new URL(location!).port);
    for (const line of ['GET http://[::1 HTTP/1.1', 'GET http://127.0.0.1/oauth2callback HTTP/1.1', 'garbage']) {
      const reply = await new Promise<string>((resolve) => {
        const sock = connect(port, '127.0.0.1', () => sock.end(`${line}\r\nHost: x\r\n\r\n`));
        let got = '';
        sock.on('data', (d) => (got += d.toString('latin1')));
        sock.on('close', () => resolve(got));
        sock.on('error', () => resolve(got));
      });
      expect(reply, line).toMatch(/^HTTP\/1\.1 400/);
    }
    expect(ignored).toContain('malformed');
    expect((await fetch(location!)).status).toBe(200);
    expect((await pending).email).toBe(ADA);
  });

  it('denied on the consent page ends the flow with "denied"', async () => {
    const { svc } = await h.open();
    const pending = svc.signIn();
    pending.catch(() => undefined); // it rejects while the test is still in the browser
    const page = await playBrowser(await h.opener.next(), { decision: 'deny' });
    expect(page.body).toContain('data-result="denied"');
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInError);
    expect(err).toMatchObject({ code: 'denied' });
    expect(svc.list()).toEqual([]);
  });

  it('time-out when nobody answers', async () => {
    const { svc } = await h.open({ signInTimeoutMs: 300 });
    const pending = svc.signIn();
    await h.opener.next();
    await expect(pending).rejects.toMatchObject({ code: 'timed_out' });
    expect(svc.signInInProgress).toBe(false);
  });

  it('a reused authorization code is refused (invalid_grant) and what it minted is revoked', async () => {
    const { svc } = await h.open();
    const first = await signInAs(svc, ADA);
    // Second sign-in: deliver the FIRST code (replayed) with the new flow's state.
    const pending = svc.signIn();
    pending.catch(() => undefined);
    const { location } = await consent(await h.opener.next(), { account: ADA });
    const replay = new URL(location!);
    replay.searchParams.set('code', new URL(first.page.location).searchParams.get('code')!);
    const res = await fetch(replay);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-result="error"');
    await expect(pending).rejects.toMatchObject({ code: 'invalid_grant' });
    // RFC 6749 §4.1.2: the emulator revoked the tokens minted from the replayed code.
    await expect(gmailProfile(svc, first.account.id)).rejects.toMatchObject({ code: 'needs_reauth' });
  });

  it('expired access token: silent refresh, still signed in', async () => {
    const { svc } = await h.open();
    const { account } = await signInAs(svc, ADA);
    const client = await svc.getAuthorizedClient(account.id);
    const before = client.credentials.access_token;
    expect(emu.expireAccessTokens(ADA)).toBeGreaterThan(0);
    const states: string[] = [];
    svc.on('state', (c) => states.push(c.state));
    expect((await gmailProfile(svc, account.id)).emailAddress).toBe(ADA);
    expect(client.credentials.access_token).not.toBe(before);
    expect(states).toEqual(['refreshing', 'signed_in']);
    expect(svc.get(account.id)?.state).toBe('signed_in');
  });

  it('revoked refresh token: the account goes needs_reauth and stays listed; re-auth brings it back', async () => {
    const { svc } = await h.open();
    const { account } = await signInAs(svc, ADA);
    emu.revokeTokens(ADA);
    const err = await gmailProfile(svc, account.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccountError);
    expect(err).toMatchObject({ code: 'needs_reauth' });
    expect(svc.get(account.id)?.state).toBe('needs_reauth');
    // Restart keeps the state.
    const again = (await h.open()).svc;
    expect(again.get(account.id)?.state).toBe('needs_reauth');
    const pending = again.reauthenticate(account.id);
    const url = await h.opener.next();
    expect(new URL(url).searchParams.get('login_hint')).toBe(ADA);
    expect(new URL(url).searchParams.get('prompt')).toBe('consent');
    await playBrowser(url);
    expect((await pending).state).toBe('signed_in');
    expect((await gmailProfile(again, account.id)).emailAddress).toBe(ADA);
  });

  it('a second concurrent sign-in is rejected with already_in_progress; the first completes', async () => {
    const { svc } = await h.open();
    const first = svc.signIn();
    const url = await h.opener.next();
    await expect(svc.signIn()).rejects.toMatchObject({ code: 'already_in_progress' });
    await playBrowser(url, { account: ADA });
    expect((await first).email).toBe(ADA);
    expect(h.opener.urls).toHaveLength(1);
  });

  it('cancel ends the waiting sign-in', async () => {
    const { svc } = await h.open();
    const pending = svc.signIn();
    await h.opener.next();
    expect(svc.cancelSignIn()).toBe(true);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('a loopback port taken by another listener -> port_unavailable', async () => {
    const other = createServer();
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (other.address() as { port: number }).port;
    const { svc } = await h.open({ signInPort: port });
    await expect(svc.signIn()).rejects.toMatchObject({ code: 'port_unavailable' });
    await new Promise<void>((r) => other.close(() => r()));
  });

  it('restart: a new AccountService over the same data dir is signed in with no browser step', async () => {
    const first = await h.open();
    const { account } = await signInAs(first.svc, ADA);
    first.svc.dispose();
    const opened = h.opener.urls.length;
    const { svc } = await h.open();
    expect(svc.list()).toEqual([account]);
    expect(svc.activeAccountId).toBe(account.id);
    expect((await gmailProfile(svc, account.id)).emailAddress).toBe(ADA);
    expect(h.opener.urls.length).toBe(opened);
  });

  it('sign-out revokes at the emulator, wipes the vault entry and calls onAccountRemoved', async () => {
    const { svc, vault } = await h.open();
    const { account } = await signInAs(svc, ADA);
    const rt = (await vault.load(account.id))!.refreshToken;
    expect(await svc.signOut(account.id)).toEqual({ revoke: 'revoked' });
    expect(vault.has(account.id)).toBe(false);
    expect(h.removed).toEqual([account.id]);
    expect(svc.list()).toEqual([]);
    const text = await readFile(join(h.dataDir, 'settings.json'), 'utf8');
    expect(JSON.parse(text).tokenVault).toEqual({});
    // The refresh token no longer works at the emulator.
    const probe = new OAuth2Client({ clientId: config.clientId, clientSecret: config.clientSecret, endpoints: oauth2Endpoints(config) });
    probe.setCredentials({ refresh_token: rt });
    await expect(probe.getAccessToken()).rejects.toMatchObject({ response: { data: { error: 'invalid_grant' } } });
    expect((await h.open()).svc.list()).toEqual([]);
  });

  it('sign-out while Google is unreachable still removes everything locally', async () => {
    const { svc, vault } = await h.open({ clientConfig: { ...config, revokeUri: 'http://127.0.0.1:9/revoke' } });
    const { account } = await signInAs(svc, ADA);
    expect(await svc.signOut(account.id)).toEqual({ revoke: 'offline' });
    expect(vault.has(account.id)).toBe(false);
  });

  it('unticking Gmail on the consent page -> insufficient_scope', async () => {
    const { svc } = await h.open();
    const pending = svc.signIn();
    pending.catch(() => undefined);
    await playBrowser(await h.opener.next(), { untick: ['https://www.googleapis.com/auth/gmail.readonly'] });
    await expect(pending).rejects.toMatchObject({ code: 'insufficient_scope' });
  });
});
