/**
 * How the sync fetches what a listed page lacks, at the fewest quota units.
 *
 * Fetch method: messages.get costs 20 units per message, threads.get 40 per conversation
 * (the 2026 costs, GMAIL_METHOD_COSTS), so threads.get is cheaper for a conversation with
 * more than 2 messages to fetch.
 * `planFetch` decides per conversation on each listed page (both through the batch
 * endpoint); `chooseFetchMethod` gives the mailbox-wide answer from the profile's totals
 * (the corpus averages about 1 message per thread, so nearly everything is messages.get).
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { GMAIL_METHOD_COSTS } from '../gmail/quota';
import { CACHED_MESSAGE_FIELDS } from './mail-store';
import { orderKeyOf } from './message-record';

export type FetchMethod = 'messages.get' | 'threads.get';

export function sortOldestFirst(messages: readonly gmail_v1.Schema$Message[]): gmail_v1.Schema$Message[] {
  const key = (m: gmail_v1.Schema$Message) => Number(m.internalDate ?? 0);
  return [...messages].sort((a, b) => key(a) - key(b) || orderKeyOf(a.id ?? '').localeCompare(orderKeyOf(b.id ?? '')));
}

/** Units per message for each way of fetching details; pick the cheaper. */
export function chooseFetchMethod(profile: { messagesTotal?: number | null; threadsTotal?: number | null }): FetchMethod {
  const messages = profile.messagesTotal ?? 0;
  const threads = profile.threadsTotal ?? 0;
  if (messages === 0 || threads === 0) return 'messages.get';
  const perMessageViaMessages = GMAIL_METHOD_COSTS['users.messages.get'];
  const perMessageViaThreads = (GMAIL_METHOD_COSTS['users.threads.get'] * threads) / messages;
  return perMessageViaThreads < perMessageViaMessages ? 'threads.get' : 'messages.get';
}

export function messagePath(id: string, format: 'full' | 'minimal'): string {
  const fields = format === 'full' ? CACHED_MESSAGE_FIELDS : 'id,threadId,labelIds';
  return `/gmail/v1/users/me/messages/${encodeURIComponent(id)}?format=${format}&fields=${encodeURIComponent(fields)}`;
}

const THREAD_FIELDS = `id,messages(${CACHED_MESSAGE_FIELDS})`;

export function threadPath(id: string): string {
  return `/gmail/v1/users/me/threads/${encodeURIComponent(id)}?format=full&fields=${encodeURIComponent(THREAD_FIELDS)}`;
}

/**
 * How to fetch a page's new messages at the fewest quota units: a conversation with more
 * than 2 new messages on the page costs less as one threads.get (40 units) than as
 * messages.get each (20 units apiece); everything else goes through messages.get.
 */
export function planFetch(refs: readonly { id?: string | null; threadId?: string | null }[]): { singles: string[]; threads: string[] } {
  const byThread = new Map<string, string[]>();
  for (const r of refs) {
    const key = r.threadId ?? r.id!;
    byThread.set(key, [...(byThread.get(key) ?? []), r.id!]);
  }
  const threads: string[] = [];
  const singles: string[] = [];
  const perThread = GMAIL_METHOD_COSTS['users.threads.get'];
  const perMessage = GMAIL_METHOD_COSTS['users.messages.get'];
  for (const [threadId, members] of byThread) {
    if (members.length * perMessage > perThread) threads.push(threadId);
    else singles.push(...members);
  }
  return { singles, threads };
}

export function isInvalidPageToken(error: unknown): boolean {
  const e = error as { response?: { status?: number }; status?: number; message?: string } | null;
  const status = e?.response?.status ?? e?.status;
  return status === 400 && /page ?token/i.test(String(e?.message ?? ''));
}
