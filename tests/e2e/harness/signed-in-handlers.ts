/**
 * The handlers of a shell that stays signed in to one account (no sign-in flow to play, no
 * clipboard), shared by the e2e mail backend and the renderer benchmarks.
 */
import type { AccountView } from '../../../common/ipc';
import type { RequestHandlers } from '../../../main/ipc/router';
import { MemoryStore } from '../../../main/settings/settings-store';
import { createLocaleHandlers } from '../../../main/services/locale-settings';

type SignedInHandlers = Pick<
  RequestHandlers,
  'copyText' | 'importClientSecret' | 'signIn' | 'startDemo' | 'cancelSignIn' | 'listAccounts' | 'switchAccount' | 'signOut'
> &
  ReturnType<typeof createLocaleHandlers>;

export function signedInHandlers(account: AccountView): SignedInHandlers {
  return {
    copyText: () => null,
    ...createLocaleHandlers(new MemoryStore()),
    importClientSecret: () => null,
    signIn: () => account,
    startDemo: () => account,
    cancelSignIn: () => null,
    listAccounts: () => [account],
    switchAccount: () => null,
    signOut: () => null,
  };
}
