import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { AccountError, initialsOf, type AccountState } from '../../../main/auth/account-types';
import { AccountService } from '../../../main/auth/accounts';
import { MemoryStore } from '../../../main/settings/settings-store';
import { TokenVault } from '../../../main/secrets/token-vault';
import { FakeCipher } from '../secrets/fakes';
import { playBrowser, startFakeGoogle, type FakeGoogle } from './fake-google';

let g: FakeGoogle;
let store: MemoryStore;
let cipher: FakeCipher;
beforeEach(async () => {
  g = await startFakeGoogle();
  store = new MemoryStore();
  cipher = new FakeCipher('keyring');
});
afterEach(async () => {
  await g.close();
});

async function open(extra: { onAccountRemoved?: (id: string) => void } = {}) {
  const vault = await TokenVault.open({ store, ciphers: [cipher] });
  const opened: string[] = [];
  const svc = await AccountService.open({
    store,
    vault,
    clientConfig: g.config,
    openExternal: (url) => {
      opened.push(url);
      void playBrowser(url);
    },
    ...extra,
  });
  return { svc, vault, opened };
}

const userinfo = async (svc: AccountService, id: string) => {
  const client = await svc.getAuthorizedClient(id);
  return (await client.request<{ email: string }>({ url: g.config.userinfoUri })).data;
};

describe('AccountService', () => {
  it('adds accounts, lists them, switches the active one, and emits changes', async () => {
    const { svc } = await open();
    const events: string[] = [];
    svc.on('active', (id) => events.push(`active:${id}`));
    svc.on('state', (c) => events.push(`state:${c.accountId}:${c.previous}->${c.state}`));
    const ada = await svc.signIn();
    expect(ada).toEqual({
      id: '1001',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      avatarUrl: 'https://example.com/a.png',
      initials: 'AL',
      state: 'signed_in',
    });
    g.profile = { id: '2002', email: 'grace@example.com', name: 'Grace Hopper' };
    const grace = await svc.signIn();
    expect(svc.list().map((a) => a.email)).toEqual(['ada@example.com', 'grace@example.com']);
    expect(svc.activeAccountId).toBe(grace.id);
    svc.setActive(ada.id);
    expect(svc.getActive()?.email).toBe('ada@example.com');
    expect(() => svc.setActive('nope')).toThrow(AccountError);
    expect(events).toEqual(['state:1001:signed_out->signed_in', 'active:1001', 'state:2002:signed_out->signed_in', 'active:2002', 'active:1001']);
    expect(JSON.stringify(svc.list())).not.toMatch(/ya29\.|1\/\//);
  });

  it('first sign-in asks prompt=consent; re-auth of a healthy account uses login_hint without it', async () => {
    const { svc, opened } = await open();
    const ada = await svc.signIn();
    await svc.reauthenticate(ada.id);
    expect(new URL(opened[0]!).searchParams.get('prompt')).toBe('consent');
    const second = new URL(opened[1]!).searchParams;
    expect(second.get('prompt')).toBeNull();
    expect(second.get('login_hint')).toBe('ada@example.com');
  });

  it('restart: a new service over the same store has the account signed in, no browser step', async () => {
    const first = await open();
    const ada = await first.svc.signIn();
    first.svc.dispose();
    const { svc, opened } = await open();
    expect(svc.list()).toEqual([{ ...ada, state: 'signed_in' }]);
    expect(svc.activeAccountId).toBe(ada.id);
    expect((await userinfo(svc, ada.id)).email).toBe('ada@example.com');
    expect(opened).toEqual([]);
  });

  it('silently refreshes an access token the server expired (401 -> refresh -> replay)', async () => {
    const { svc } = await open();
    const ada = await svc.signIn();
    const states: AccountState[] = [];
    svc.on('state', (c) => states.push(c.state));
    g.accessTokens.clear();
    expect((await userinfo(svc, ada.id)).email).toBe('ada@example.com');
    expect(svc.get(ada.id)?.state).toBe('signed_in');
    expect(states).toEqual(['refreshing', 'signed_in']);
  });

  it('refreshes before expiry (eager threshold)', async () => {
    const { svc } = await open();
    const ada = await svc.signIn();
    const client = await svc.getAuthorizedClient(ada.id);
    const before = client.credentials.access_token;
    client.credentials.expiry_date = Date.now() + 60_000; // within the 5-minute threshold
    const n = g.tokenRequests.length;
    await userinfo(svc, ada.id);
    expect(g.tokenRequests.length).toBe(n + 1);
    expect(client.credentials.access_token).not.toBe(before);
  });

  it('revoked refresh token: invalid_grant -> needs_reauth (persisted), the account stays', async () => {
    const { svc } = await open();
    const ada = await svc.signIn();
    g.refreshTokens.clear();
    g.accessTokens.clear();
    const err = await userinfo(svc, ada.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccountError);
    expect(err).toMatchObject({ code: 'needs_reauth' });
    expect(svc.get(ada.id)?.state).toBe('needs_reauth');
    await expect(svc.getAuthorizedClient(ada.id)).rejects.toMatchObject({ code: 'needs_reauth' });
    const again = await open();
    expect(again.svc.get(ada.id)?.state).toBe('needs_reauth');
    // Re-auth forces consent (the held token is dead) and brings it back.
    await again.svc.reauthenticate(ada.id);
    expect(new URL(again.opened[0]!).searchParams.get('prompt')).toBe('consent');
    expect(again.svc.get(ada.id)?.state).toBe('signed_in');
    expect((await userinfo(again.svc, ada.id)).email).toBe('ada@example.com');
  });

  it('a 401 that survives one refresh -> needs_reauth', async () => {
    const { svc } = await open();
    const ada = await svc.signIn();
    g.alwaysUnauthorized = true;
    await expect(userinfo(svc, ada.id)).rejects.toMatchObject({ code: 'needs_reauth', status: 401 });
    expect(svc.get(ada.id)?.state).toBe('needs_reauth');
  });

  it('offline refresh is not needs_reauth', async () => {
    const { svc } = await open();
    const ada = await svc.signIn();
    const client = await svc.getAuthorizedClient(ada.id);
    client.credentials.expiry_date = 1;
    await g.close();
    await expect(client.getAccessToken()).rejects.toMatchObject({ code: 'offline' });
    expect(svc.get(ada.id)?.state).toBe('signed_in');
    g = await startFakeGoogle();
  }, 20_000);

  it('sign-out revokes, wipes the vault entry, calls onAccountRemoved, and picks another active account', async () => {
    const removed: string[] = [];
    const { svc, vault } = await open({ onAccountRemoved: (id) => void removed.push(id) });
    const ada = await svc.signIn();
    g.profile = { id: '2002', email: 'grace@example.com', name: 'Grace Hopper' };
    const grace = await svc.signIn();
    const rt = (await vault.load(grace.id))!.refreshToken;
    expect(await svc.signOut(grace.id)).toEqual({ revoke: 'revoked' });
    expect(g.revoked).toContain(rt);
    expect(g.refreshTokens.has(rt)).toBe(false);
    expect(vault.has(grace.id)).toBe(false);
    expect(removed).toEqual([grace.id]);
    expect(svc.list().map((a) => a.id)).toEqual([ada.id]);
    expect(svc.activeAccountId).toBe(ada.id);
    expect((await open()).svc.list().map((a) => a.id)).toEqual([ada.id]);
  });

  it('sign-out while offline still removes the account', async () => {
    const { svc, vault } = await open();
    const ada = await svc.signIn();
    await g.close();
    expect(await svc.signOut(ada.id)).toEqual({ revoke: 'offline' });
    expect(vault.has(ada.id)).toBe(false);
    expect(svc.list()).toEqual([]);
    expect(svc.activeAccountId).toBeNull();
    g = await startFakeGoogle();
  });

  it('memory-only vault: account listed after restart but signed_out', async () => {
    cipher.available = false;
    const first = await open();
    expect(first.svc.storageMode).toBe('memory_only');
    const ada = await first.svc.signIn();
    expect((await userinfo(first.svc, ada.id)).email).toBe('ada@example.com');
    const { svc } = await open();
    expect(svc.get(ada.id)?.state).toBe('signed_out');
    await expect(svc.getAuthorizedClient(ada.id)).rejects.toMatchObject({ code: 'needs_sign_in' });
  });

  it('the browser tab says "signed in" only after the token is stored; a failed store fails the sign-in', async () => {
    const vault = await TokenVault.open({ store, ciphers: [cipher] });
    let page: Promise<{ body: string }> | undefined;
    const svc = await AccountService.open({
      store,
      vault,
      clientConfig: g.config,
      openExternal: (url) => void (page = playBrowser(url)),
    });
    cipher.corruptWrites = true; // the vault's read-back check fails
    await expect(svc.signIn()).rejects.toMatchObject({ code: 'internal', detail: 'vault_write_failed' });
    expect((await page!).body).toContain('data-result="error"');
    expect(svc.list()).toEqual([]);
  });

  it('concurrent getAuthorizedClient calls share one client', async () => {
    const first = await open();
    const ada = await first.svc.signIn();
    const { svc } = await open();
    const [a, b] = await Promise.all([svc.getAuthorizedClient(ada.id), svc.getAuthorizedClient(ada.id)]);
    expect(a).toBe(b);
  });

  it('unknown account ids are not_found', async () => {
    const { svc } = await open();
    await expect(svc.getAuthorizedClient('x')).rejects.toMatchObject({ code: 'not_found' });
    await expect(svc.signOut('x')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('initialsOf', () => {
  it('takes first and last initials, falls back to the address', () => {
    expect(initialsOf('Ada Lovelace', 'a@x')).toBe('AL');
    expect(initialsOf('Grace Brewster Murray Hopper', 'g@x')).toBe('GH');
    expect(initialsOf('ada', 'a@x')).toBe('A');
    expect(initialsOf('', 'zoe@example.com')).toBe('Z');
    expect(initialsOf('élodie (work)', 'e@x')).toBe('ÉW');
    expect(initialsOf('ada@example.com', 'ada@example.com')).toBe('A');
  });
});
