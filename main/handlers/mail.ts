/** Reading mail: labels, pages of a list or a search (one account's, or all accounts' merged), threads, sender suggestions. */
import type { MailSelector } from '../../common/mail-types';
import type { HandlerGroup } from './context';
import { log } from '../logging/log';
import { withDidYouMean } from '../services/did-you-mean';
import { listUnified } from '../services/unified-inbox';

type MailChannels = 'listLabels' | 'listMessages' | 'listUnified' | 'getThread' | 'suggestSenders';

export const mailHandlers: HandlerGroup<MailChannels> = ({ accounts, hub, sendersSeen, withSource }) => {
  const suggestIn = async (accountIds: readonly string[], query: string) =>
    (await Promise.all(accountIds.map((id) => hub.suggestQuery(id, query).catch(() => null)))).filter((q) => q !== null);

  return {
    listLabels: (accountId) => withSource(accountId, (source) => source.listLabels()),
    listMessages: (accountId, selector, listOptions) =>
      withSource(accountId, async (source) => {
        const threads = listOptions.threads ?? true;
        const pageSize = listOptions.pageSize ?? 50;
        const page = await source.listMessages(selector as MailSelector, { pageToken: listOptions.pageToken ?? null, threads, pageSize });
        sendersSeen.remember(
          accountId,
          page.rows.map((r) => r.from),
        );
        return withDidYouMean(page, selector as MailSelector, !listOptions.pageToken, {
          suggest: (query) => suggestIn([accountId], query),
          count: async (query, limit) => (await source.listMessages({ kind: 'query', query }, { threads, pageSize: limit })).rows.length,
        });
      }),
    listUnified: async (selector, listOptions) => {
      const ids = accounts.list().map((a) => a.id);
      const fetchPage = (accountId: string, sel: MailSelector, options: { pageToken?: string | null; threads?: boolean; pageSize?: number }) =>
        withSource(accountId, (source) => source.listMessages(sel, options));
      const page = await listUnified(ids, fetchPage, selector as MailSelector, listOptions);
      return withDidYouMean(page, selector as MailSelector, !listOptions.pageToken, {
        suggest: (query) => suggestIn(ids, query),
        count: async (query, limit) => {
          const threads = listOptions.threads ?? true;
          return (await listUnified(ids, fetchPage, { kind: 'query', query }, { threads, pageSize: limit })).rows.length;
        },
      });
    },
    getThread: (accountId, threadId) => withSource(accountId, (source) => source.getThread(threadId)),
    suggestSenders: async (accountId, prefix) => {
      const fromCache = await hub.suggestSenders(accountId, prefix).catch((error: unknown) => {
        log.warn('mail', 'sender suggestions from the cache failed', { accountId, error });
        return [];
      });
      if (fromCache.length > 0) return fromCache;
      return sendersSeen.matching(accountId, prefix, 8);
    },
  };
};
