/** Message list rows, built the same way whether the messages came from the API or the cache. */
import type { ListRow, MailAddress, MessageSummary } from '../../common/mail-types';

export function displayName(address: MailAddress): string {
  return address.name || address.email.split('@')[0] || address.email;
}

export function singleMessageRow(message: MessageSummary): ListRow {
  return { ...message, threadCount: 1, participants: [displayName(message.from)] };
}

/** One row for a conversation: its newest message, flags merged over all, senders in order. */
export function conversationRow(oldestFirst: readonly MessageSummary[]): ListRow {
  const newest = oldestFirst[oldestFirst.length - 1]!;
  return {
    ...newest,
    unread: oldestFirst.some((m) => m.unread),
    starred: oldestFirst.some((m) => m.starred),
    hasAttachment: oldestFirst.some((m) => m.hasAttachment),
    labelIds: [...new Set(oldestFirst.flatMap((m) => m.labelIds))],
    threadCount: oldestFirst.length,
    participants: [...new Set(oldestFirst.map((m) => displayName(m.from)))],
  };
}
