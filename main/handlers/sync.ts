/** The cache's sync: its status, and "sync now". */
import type { HandlerGroup } from './context';

export const syncHandlers: HandlerGroup<'getSyncStatus' | 'syncNow'> = ({ hub, withSource }) => ({
  getSyncStatus: (accountId) => withSource(accountId, () => hub.status(accountId)),
  syncNow: async (accountId) => {
    await withSource(accountId, () => hub.syncNow(accountId));
    return null;
  },
});
