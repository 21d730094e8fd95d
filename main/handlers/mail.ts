/** Reading mail: labels, pages of a list or a search, threads, sender suggestions. */
import type { MailSelector } from '../../common/mail-types';
import type { HandlerGroup } from './context';
import { log } from '../logging/log';
import { listUnified } from '../services/unified-inbox';

type MailChannels = 'listLabels' | 'listMessages' | 'listUnified' | 'getThread' | 'suggestSenders';

export const mailHandlers: HandlerGroup<MailChannels> = ({ accounts, hub, sendersSeen, withSource }) => ({
  listLabels: (accountId) => withSource(accountId, (source) => source.listLabels()),
  listMessages: (accountId, selector, listOptions) =>
    withSource(accountId, async (source) => {
      const page = await source.listMessages(selector as MailSelector, {
        pageToken: listOptions.pageToken ?? null,
        threads: listOptions.threads ?? true,
        pageSize: listOptions.pageSize ?? 50,
      });
      sendersSeen.remember(accountId, page.rows.map((r) => r.from));
      return page;
    }),
  listUnified: (selector, listOptions) =>
    listUnified(
      accounts.list().map((a) => a.id),
      (accountId, sel, options) => withSource(accountId, (source) => source.listMessages(sel, options)),
      selector as MailSelector,
      listOptions,
    ),
  getThread: (accountId, threadId) => withSource(accountId, (source) => source.getThread(threadId)),
  suggestSenders: async (accountId, prefix) => {
    const fromCache = await hub.suggestSenders(accountId, prefix).catch((error: unknown) => {
      log.warn('mail', 'sender suggestions from the cache failed', { accountId, error });
      return [];
    });
    if (fromCache.length > 0) return fromCache;
    return sendersSeen.matching(accountId, prefix, 8);
  },
});
