import { useEffect, useState } from 'react';
import type { AccountView } from '../../../common/ipc';
import { skimmer } from '../api';

export interface InboxCount {
  readonly unread: number;
  readonly total: number;
}

/**
 * Each signed-in account's inbox counts (unread and total messages), for the unified inbox's
 * sidebar entries; read again when a sync of that account finishes or changes its mail.
 */
export function useInboxCounts(accounts: readonly AccountView[], enabled: boolean): ReadonlyMap<string, InboxCount> {
  const [counts, setCounts] = useState<ReadonlyMap<string, InboxCount>>(new Map());
  const ids = accounts.map((a) => a.id).join(',');

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = (accountId: string) => {
      void skimmer()
        .listLabels(accountId)
        .then((reply) => {
          const inbox = reply.ok ? reply.value.find((l) => l.id === 'INBOX') : undefined;
          if (!live || !inbox) return;
          setCounts((prev) => new Map(prev).set(accountId, { unread: inbox.messagesUnread, total: inbox.messagesTotal }));
        });
    };
    const wanted = ids.split(',').filter(Boolean);
    wanted.forEach(load);
    const offProgress = skimmer().on.syncProgress((status) => {
      if (status.phase === 'idle' && wanted.includes(status.accountId)) load(status.accountId);
    });
    const offChanged = skimmer().on.mailChanged((change) => {
      if (wanted.includes(change.accountId)) load(change.accountId);
    });
    return () => {
      live = false;
      offProgress();
      offChanged();
    };
  }, [ids, enabled]);

  return counts;
}
