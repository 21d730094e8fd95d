/**
 * Which thread each message of a bulk load joins: Takeout's X-GM-THRID where there is one,
 * else References/In-Reply-To chains (union-find over Message-IDs), as Gmail threads mail.
 */
import type { LoadEntry } from './types';

export interface KnownThreads {
  hasMessage(id: string): boolean;
  readonly threadIds: Iterable<string>;
  /** Thread of each Message-ID already in the mailbox. */
  readonly threadByRfcId: ReadonlyMap<string, string>;
}

/** The entries oldest first (ids may be adjusted to Takeout thread ids) and the thread of each. */
export function assignThreads(entries: LoadEntry[], known: KnownThreads): { order: LoadEntry[]; threadOf(entry: LoadEntry): string } {
  const order = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.internalDate - b.e.internalDate || a.i - b.i)
    .map((x) => x.e);
  // Takeout threads: the oldest message takes the thread's id as its own, as in Gmail.
  const takeoutThreads = new Set<string>();
  const loadedIds = new Set(entries.map((e) => e.parsed.id));
  for (const e of order) {
    const t = e.parsed.gmThreadId;
    if (t && !takeoutThreads.has(t)) {
      takeoutThreads.add(t);
      if (!known.hasMessage(t) && !loadedIds.has(t)) e.parsed.id = t;
    }
  }
  for (const t of known.threadIds) takeoutThreads.add(t);
  // Union-find over Message-IDs for the rest.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    let c = k;
    while (c !== r) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  const union = (a: string, b: string): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const keyOf = (e: LoadEntry): string => e.parsed.messageIdKey || `\0${e.parsed.id}`;
  const thridByKey = new Map<string, string>();
  for (const e of order) {
    if (e.parsed.gmThreadId) {
      if (e.parsed.messageIdKey) thridByKey.set(e.parsed.messageIdKey, e.parsed.gmThreadId);
      continue;
    }
    const k = keyOf(e);
    union(k, k);
    for (const r of e.parsed.referenceKeys) union(k, r);
  }
  for (const [key, thread] of known.threadByRfcId) thridByKey.set(key, thread);
  // A component takes the Takeout thread one of its messages or references belongs to,
  // else the id of its oldest message.
  const componentThread = new Map<string, string>();
  for (const e of order) {
    if (e.parsed.gmThreadId) continue;
    const root = find(keyOf(e));
    const hit = [keyOf(e), ...e.parsed.referenceKeys].map((k) => thridByKey.get(k)).find((t) => t !== undefined);
    const current = componentThread.get(root);
    if (current === undefined) componentThread.set(root, hit ?? e.parsed.id);
    else if (hit && !takeoutThreads.has(current)) componentThread.set(root, hit);
  }
  return { order, threadOf: (e) => e.parsed.gmThreadId ?? componentThread.get(find(keyOf(e)))! };
}
