/** Sign-in, the OAuth client, and the account list. */
import { IpcFailure } from '../../common/ipc';
import { NO_CLIENT_HELP } from '../auth/client-config';
import type { HandlerGroup } from './context';
import { notSignedInHere } from './context';

export const GOOGLE_CLIENT_KEY = 'googleClient';

type AccountChannels = 'getAuthStatus' | 'signIn' | 'startDemo' | 'cancelSignIn' | 'listAccounts' | 'switchAccount' | 'signOut';

export const accountHandlers: HandlerGroup<AccountChannels> = ({ accounts, demo, googleConfig, authStatus }) => ({
  getAuthStatus: () => authStatus(),
  signIn: async ({ accountId }) => {
    const config = googleConfig();
    if (!config) throw new IpcFailure('needs_sign_in', NO_CLIENT_HELP);
    const service = await accounts.openRealm('google', config);
    const account = await (accountId && service.get(accountId) ? service.reauthenticate(accountId) : service.signIn());
    accounts.setActive(account.id);
    return accounts.list().find((a) => a.id === account.id)!;
  },
  startDemo: async () => {
    const service = await accounts.openRealm('demo', await demo.clientConfig());
    const existing = service.list().find((a) => a.state === 'needs_reauth');
    const account = await (existing ? service.reauthenticate(existing.id) : service.signIn());
    accounts.setActive(account.id);
    return accounts.list().find((a) => a.id === account.id)!;
  },
  cancelSignIn: () => {
    for (const name of ['google', 'demo'] as const) accounts.realm(name)?.cancelSignIn();
    return null;
  },

  listAccounts: () => accounts.list(),
  switchAccount: (accountId) => {
    if (!accounts.serviceFor(accountId)) throw notSignedInHere();
    accounts.setActive(accountId);
    return null;
  },
  signOut: async (accountId) => {
    const service = accounts.serviceFor(accountId);
    if (!service) throw notSignedInHere();
    await service.signOut(accountId);
    return null;
  },
});
