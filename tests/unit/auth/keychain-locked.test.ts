/**
 * A locked keychain (issue 10) is not a lost sign-in: the account keeps its tokens and state,
 * and the error says the keychain is locked and how to unlock it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainLockedMessage } from '../../../main/auth/account-types';
import { AccountService } from '../../../main/auth/accounts';
import { KeyringCipher, type KeyringEntryLike } from '../../../main/secrets/keyring-cipher';
import { MemoryStore } from '../../../main/settings/settings-store';
import { TokenVault } from '../../../main/secrets/token-vault';
import { playBrowser, startFakeGoogle, type FakeGoogle } from './fake-google';

/** An in-memory keychain entry that, when locked, fails the way @napi-rs/keyring (keyring-rs) does. */
class Keychain implements KeyringEntryLike {
  password: string | null = null;
  locked = false;
  private check() {
    if (this.locked) throw new Error("Couldn't access platform secure storage: SS error: The collection is locked");
  }
  async getPassword() {
    this.check();
    return this.password;
  }
  async setPassword(p: string) {
    this.check();
    this.password = p;
  }
  async deletePassword() {
    this.check();
    this.password = null;
    return true;
  }
}

let g: FakeGoogle;
beforeEach(async () => {
  g = await startFakeGoogle();
});
afterEach(async () => {
  await g.close();
});

describe('locked keychain', () => {
  it('keeps the account signed in with its tokens and says how to unlock', async () => {
    const store = new MemoryStore();
    const keychain = new Keychain();
    const open = async () => {
      const vault = await TokenVault.open({ store, ciphers: [new KeyringCipher({ entryFactory: () => keychain })] });
      const svc = await AccountService.open({ store, vault, clientConfig: g.config, openExternal: (url) => void playBrowser(url) });
      return { svc, vault };
    };
    const first = await open();
    const ada = await first.svc.signIn();

    keychain.locked = true; // e.g. the session was locked; the app restarts
    const second = await open();
    expect(second.svc.list().find((a) => a.id === ada.id)?.state).toBe('signed_in');
    const err = await second.svc.getAuthorizedClient(ada.id).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'keychain_locked', message: keychainLockedMessage() });
    expect(keychainLockedMessage()).toMatch(/keychain is locked/);
    expect(second.svc.list().find((a) => a.id === ada.id)?.state).toBe('signed_in');
    expect(second.vault.has(ada.id)).toBe(true);

    keychain.locked = false; // unlocked: the same service continues without a new sign-in
    const client = await second.svc.getAuthorizedClient(ada.id);
    expect(client).toBeTruthy();
  });
});
