import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError } from '../../../common/ipc';
import type { ListCoverage, ListRow, MailSelector, MessagePage, MissingAccount } from '../../../common/mail-types';
import { skimmer } from '../api';
import { rowKey } from '../lib/row-key';

export const PAGE_SIZE = 100;

export interface MessageListState {
  readonly rows: readonly ListRow[];
  /** True until the first page answers. */
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error: IpcError | null;
  readonly hasMore: boolean;
  readonly source: MessagePage['source'] | null;
  /** How much of the mailbox the answer could see (absent once the cache is complete). */
  readonly coverage: ListCoverage | null;
  readonly estimate: number;
  readonly queryHints: readonly string[];
  /** Bumped each time a new list (not a next page) arrives. */
  readonly generation: number;
  /** Rows (by conversation or message id) that arrived with a refresh in place: shown as new. */
  readonly freshKeys: ReadonlySet<string>;
  /** Unified inbox: accounts the list could not read, so it lacks their mail. */
  readonly missingAccounts: readonly MissingAccount[];
  /** A search that found little: a corrected query that finds more ("Did you mean"). */
  readonly didYouMean: string | null;
}

const EMPTY: MessageListState = {
  rows: [],
  loading: true,
  loadingMore: false,
  error: null,
  hasMore: false,
  source: null,
  coverage: null,
  estimate: 0,
  queryHints: [],
  generation: 0,
  freshKeys: new Set(),
  missingAccounts: [],
  didYouMean: null,
};

type PageOptions = { pageToken: string | null; threads: boolean; pageSize: number };

/** One account's list, or with `unified` every account's, merged by main. */
function listPage(accountId: string, unified: boolean, selector: MailSelector, options: PageOptions) {
  return unified ? skimmer().listUnified(selector, options) : skimmer().listMessages(accountId, selector, options);
}

const MAX_REFRESH_ROWS = 500;

/**
 * Lists seen recently, so going back to a mailbox shows its rows at once while the fresh
 * answer is fetched (stale-while-revalidate). Small: a handful of lists per session.
 */
const recentLists = new Map<string, MessageListState>();
const RECENT_LISTS = 12;

function remember(key: string, state: MessageListState): void {
  recentLists.delete(key);
  recentLists.set(key, state);
  while (recentLists.size > RECENT_LISTS) recentLists.delete(recentLists.keys().next().value as string);
}

/** One list of rows for (account, selector, grouping), paged by nextPageToken; `unified`: all accounts' rows merged. */
export function useMessageList(accountId: string | null, selector: MailSelector, threads: boolean, unified = false) {
  const [state, setState] = useState<MessageListState & { key: string }>({ ...EMPTY, key: '' });
  const tokenRef = useRef<string | null>(null);
  const inFlight = useRef(false);
  const generation = useRef(0);
  const selectorJson = JSON.stringify(selector);
  const [reloadTick, setReloadTick] = useState(0);
  const key = accountId ? `${unified ? '*' : accountId}|${threads ? 't' : 'm'}|${reloadTick}|${selectorJson}` : '';

  useEffect(() => {
    if (!accountId) return;
    const gen = ++generation.current;
    inFlight.current = true;
    tokenRef.current = null;
    const parsedSelector = JSON.parse(selectorJson) as MailSelector;
    listPage(accountId, unified, parsedSelector, { pageToken: null, threads, pageSize: PAGE_SIZE })
      .then((reply) => {
        if (gen !== generation.current) return;
        inFlight.current = false;
        if (!reply.ok) {
          setState((s) => ({ ...EMPTY, key, loading: false, error: reply.error, generation: s.generation + 1 }));
          return;
        }
        tokenRef.current = reply.value.nextPageToken;
        setState((s) => ({
          key,
          rows: reply.value.rows,
          loading: false,
          loadingMore: false,
          error: null,
          hasMore: reply.value.nextPageToken !== null,
          source: reply.value.source,
          coverage: reply.value.coverage ?? null,
          estimate: reply.value.resultSizeEstimate,
          queryHints: reply.value.queryHints,
          generation: s.generation + 1,
          freshKeys: new Set(),
          missingAccounts: reply.value.missingAccounts ?? [],
          didYouMean: reply.value.didYouMean ?? null,
        }));
      })
      .catch((error: unknown) => {
        if (gen !== generation.current) return;
        inFlight.current = false;
        setState((s) => ({
          ...EMPTY,
          key,
          loading: false,
          error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
          generation: s.generation + 1,
        }));
      });
  }, [accountId, selectorJson, threads, key, unified]);

  useEffect(() => {
    if (state.key && !state.loading && !state.error && state.rows.length > 0) remember(state.key, state);
  }, [state]);

  const loadMore = useCallback(() => {
    if (!accountId || inFlight.current || !tokenRef.current) return;
    const gen = generation.current;
    inFlight.current = true;
    setState((s) => ({ ...s, loadingMore: true }));
    listPage(accountId, unified, selector, { pageToken: tokenRef.current, threads, pageSize: PAGE_SIZE })
      .then((reply) => {
        if (gen !== generation.current) return;
        inFlight.current = false;
        if (!reply.ok) {
          setState((s) => ({ ...s, loadingMore: false, error: reply.error }));
          return;
        }
        tokenRef.current = reply.value.nextPageToken;
        setState((s) => {
          // A thread can straddle two pages; keep its first (newest) row only.
          const seen = new Set(s.rows.map((r) => rowKey(r, threads)));
          const fresh = reply.value.rows.filter((r) => !seen.has(rowKey(r, threads)));
          return {
            ...s,
            rows: [...s.rows, ...fresh],
            loadingMore: false,
            error: null,
            hasMore: reply.value.nextPageToken !== null,
            source: reply.value.source,
            missingAccounts: reply.value.missingAccounts ?? [],
          };
        });
      })
      .catch(() => {
        if (gen !== generation.current) return;
        inFlight.current = false;
        setState((s) => ({ ...s, loadingMore: false }));
      });
  }, [accountId, selector, threads, unified]);

  const reload = useCallback(() => setReloadTick((t) => t + 1), []);

  // New mail, label changes and deletions: fetch the loaded rows again and swap them in
  // place (same list key, so selection and scroll stay; rows not seen before are marked).
  const rowsRef = useRef<readonly ListRow[]>([]);
  useEffect(() => {
    rowsRef.current = state.key === key ? state.rows : [];
  }, [state, key]);
  useEffect(() => {
    if (!accountId) return;
    const keyOf = (r: ListRow) => rowKey(r, threads);
    return skimmer().on.mailChanged((change) => {
      if ((!unified && change.accountId !== accountId) || inFlight.current) return;
      const gen = generation.current;
      const loaded = rowsRef.current;
      const pageSize = Math.min(MAX_REFRESH_ROWS, Math.max(PAGE_SIZE, loaded.length));
      inFlight.current = true;
      void listPage(accountId, unified, JSON.parse(selectorJson) as MailSelector, { pageToken: null, threads, pageSize })
        .then((reply) => {
          inFlight.current = false;
          if (gen !== generation.current || !reply.ok) return;
          const before = new Set(loaded.map(keyOf));
          const fetched = reply.value.rows;
          const fetchedKeys = new Set(fetched.map(keyOf));
          // Rows beyond what was fetched again stay as they were.
          const tail = loaded.length > pageSize ? loaded.slice(pageSize).filter((r) => !fetchedKeys.has(keyOf(r))) : [];
          if (tail.length === 0) tokenRef.current = reply.value.nextPageToken;
          setState((s) => {
            if (s.key !== key) return s;
            const fresh = new Set([...s.freshKeys].filter((k) => fetchedKeys.has(k)));
            for (const r of fetched) if (!before.has(keyOf(r))) fresh.add(keyOf(r));
            return {
              ...s,
              rows: [...fetched, ...tail],
              hasMore: tail.length > 0 ? s.hasMore : reply.value.nextPageToken !== null,
              estimate: reply.value.resultSizeEstimate,
              source: reply.value.source,
              coverage: reply.value.coverage ?? null,
              freshKeys: fresh,
              missingAccounts: reply.value.missingAccounts ?? [],
            };
          });
        })
        .catch(() => {
          inFlight.current = false;
        });
    });
  }, [accountId, selectorJson, threads, key, unified]);

  // Until the answer for the current key arrives: the remembered list, else a loading one.
  const cached = state.key === key ? undefined : recentLists.get(key);
  const current: MessageListState =
    state.key === key ? state : cached ? { ...cached, loadingMore: false, generation: -(state.generation + 1) } : { ...EMPTY, generation: state.generation };
  // listKey names the list (not its refreshes): selection and scroll reset when it changes.
  return { ...current, listKey: key, loadMore, reload };
}
