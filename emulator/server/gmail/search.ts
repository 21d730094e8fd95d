/**
 * `q` for messages.list / threads.list: parsed by the shared Gmail query parser, evaluated by
 * the emulator's evaluator. Prepared (tokenised) messages are cached per mailbox; an entry is
 * re-prepared when its searchable view changes (modify replaces it) and dropped on delete.
 * A malformed query never fails: Gmail reads it leniently, so do we.
 */
import { parseGmailQuery } from '../../../common/gmail-query';
import { compileMatcher, prepareMessage, type PreparedMessage } from '../../search/evaluate';
import type { MailboxLike, StoredMessageLike } from '../types';

interface Entry {
  src: StoredMessageLike['searchable'];
  prepared: PreparedMessage;
}

interface MailboxCache {
  historyId: string;
  byId: Map<string, Entry>;
}

export class SearchCache {
  private readonly caches = new WeakMap<MailboxLike, MailboxCache>();

  /** The subset of `candidates` (order kept) matching `q`; spam/trash left out unless asked for. */
  filter(mailbox: MailboxLike, q: string, candidates: StoredMessageLike[], includeSpamTrash: boolean): StoredMessageLike[] {
    const labels = mailbox.labels().map((l) => ({ id: l.id, name: l.name, type: l.type as 'system' | 'user' }));
    let match: (p: PreparedMessage) => boolean;
    try {
      match = compileMatcher(parseGmailQuery(q), { now: new Date(), labels, includeSpamTrash, accountEmail: mailbox.email });
    } catch {
      return []; // The parser is lenient by design; this only guards against a bug there.
    }
    const cache = this.cacheFor(mailbox);
    return candidates.filter((m) => {
      try {
        return match(this.prepared(cache, m));
      } catch {
        return false;
      }
    });
  }

  private cacheFor(mailbox: MailboxLike): MailboxCache {
    let c = this.caches.get(mailbox);
    if (!c) {
      c = { historyId: mailbox.historyId, byId: new Map() };
      this.caches.set(mailbox, c);
    }
    if (c.historyId !== mailbox.historyId) {
      for (const id of c.byId.keys()) if (!mailbox.get(id)) c.byId.delete(id);
      c.historyId = mailbox.historyId;
    }
    return c;
  }

  private prepared(cache: MailboxCache, m: StoredMessageLike): PreparedMessage {
    const hit = cache.byId.get(m.id);
    if (hit && hit.src === m.searchable) return hit.prepared;
    const prepared = prepareMessage(m.searchable);
    cache.byId.set(m.id, { src: m.searchable, prepared });
    return prepared;
  }
}
