import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { AccountView, AppInfo, AuthStatus, SyncStatus } from '../../../common/ipc';
import type { LabelSummary, MailSelector } from '../../../common/mail-types';
import type { ViewSettings } from '../../../common/view-settings';
import { skimmer } from '../api';
import { useKeymap, type ShortcutHandlers } from '../keyboard/useKeymap';
import { errorMessage } from '../lib/errors';
import { highlightTerms } from '../lib/highlight';
import { SYSTEM_MAILBOXES, sameSelector, selectorTitle } from '../lib/labels';
import { pushRecent } from '../lib/query-suggest';
import { useFollowSelection } from '../state/useFollowSelection';
import { useMessageList } from '../state/useMessageList';
import { usePreference } from '../state/preferences';
import { usePaneLayout } from '../state/usePaneLayout';
import { useViewSettings } from '../state/view-settings';
import { useThread } from '../state/useThread';
import { INBOX, initialView, viewReducer } from '../state/view-store';
import { useInboxCounts } from '../state/useInboxCounts';
import { useQueryHints } from '../state/useQueryHints';
import { rowKey } from '../lib/row-key';
import { UnifiedInboxes } from './UnifiedInboxes';
import { HighlightContext } from './Highlighted';
import { ListColumn } from './ListColumn';
import { MailPanes, paneStyle } from './MailPanes';
import { ReadingPane } from './ReadingPane';
import { SettingsDialog } from './SettingsDialog';
import { ShortcutHelp } from './ShortcutHelp';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';
import { useT } from '../i18n/useLocale';

const SEARCH_DEBOUNCE_MS = 150;
const NO_LABELS: ReadonlyMap<string, LabelSummary> = new Map();

interface MailAppProps {
  readonly info: AppInfo | null;
  readonly bridgeError: string | null;
  readonly accounts: readonly AccountView[];
  readonly active: AccountView;
  readonly authStatus: AuthStatus | null;
  readonly onSettingsChange: (patch: Partial<ViewSettings>) => void;
  readonly onAddAccount: () => void;
  readonly onReauth: (accountId: string) => void;
  readonly onSwitchAccount: (id: string) => void;
  readonly onSignOut: (id: string) => void;
}

function mailboxSelector(key: string): MailSelector | undefined {
  return SYSTEM_MAILBOXES.find((m) => m.key === key)?.selector;
}

function focusList(): void {
  window.requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="message-list"]')?.focus());
}

/** The signed-in window: title bar, sidebar, list, reading pane, status bar. */
export function MailApp(props: MailAppProps) {
  const { info, bridgeError, accounts, active, authStatus, onSettingsChange, onAddAccount, onReauth, onSwitchAccount, onSignOut } = props;
  const accountId = active.id;
  const t = useT();
  const [view, dispatch] = useReducer(viewReducer, initialView);
  const { mailbox, search, query, open, dialog } = view;
  const [labels, setLabels] = useState<readonly LabelSummary[]>([]);
  const [threads, setThreads] = usePreference<boolean>('threads', true);
  const [recent, setRecent] = usePreference<string[]>('recentSearches', []);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const settings = useViewSettings();
  const panes = usePaneLayout(settings.readingPane);

  // Debounced as-you-type search: the list follows the box 150 ms after the last key.
  useEffect(() => {
    const timer = window.setTimeout(() => dispatch({ type: 'runQuery', query: search.trim() }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [search]);

  const searching = query.length > 0;
  const selector: MailSelector = useMemo(() => (searching ? { kind: 'query', query } : mailbox), [searching, query, mailbox]);
  // The unified inbox (two accounts or more): every account's inbox, or search, merged; a row opens in its own account.
  const unified = view.scope === 'all' && accounts.length >= 2;
  const list = useMessageList(accountId, selector, threads, unified);
  const openAccountId = open?.accountId ?? accountId;
  const thread = useThread(openAccountId, open?.threadId ?? null, view.threadReload);
  const inboxCounts = useInboxCounts(accounts, accounts.length >= 2);
  const accountsById = useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts]);

  const loadLabels = useCallback(() => {
    void skimmer()
      .listLabels(accountId)
      .then((reply) => {
        if (reply.ok) setLabels(reply.value);
      });
  }, [accountId]);

  useEffect(() => {
    loadLabels();
    void skimmer()
      .getSyncStatus(accountId)
      .then((reply) => {
        if (reply.ok) setSync(reply.value);
      });
    let lastPhase: SyncStatus['phase'] | null = null;
    return skimmer().on.syncProgress((status) => {
      if (status.accountId !== accountId) return;
      setSync(status);
      if (status.phase === 'idle' && lastPhase !== 'idle') loadLabels();
      lastPhase = status.phase;
    });
  }, [accountId, loadLabels]);

  const listKey = list.listKey;
  const selectedIndex = view.selection.listKey === listKey ? view.selection.index : -1;
  const setSelectedIndex = useCallback((index: number) => dispatch({ type: 'select', listKey, index }), [listKey]);
  useFollowSelection(list.rows, selectedIndex, threads, setSelectedIndex);

  const labelsById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const labelNames = useMemo(() => labels.filter((l) => l.type === 'user').map((l) => l.name), [labels]);
  const title = searching ? query : unified ? t('sidebar.allInboxes') : selectorTitle(mailbox, labels, t);

  const terms = useMemo(() => (searching ? highlightTerms(query) : []), [searching, query]);
  const hints = useQueryHints(searching ? query : '');

  const openIndex = useCallback(
    (index: number) => {
      const row = list.rows[index];
      if (!row) return;
      dispatch({ type: 'open', listKey, index, conversation: { threadId: row.threadId, messageId: row.id, accountId: row.accountId } });
      // A search counts as used once a result from it is opened, not while it is being typed.
      if (searching) setRecent((prev) => pushRecent(prev, query));
    },
    [list.rows, listKey, searching, query, setRecent],
  );

  const selectMailbox = useCallback((next: MailSelector) => dispatch({ type: 'selectMailbox', mailbox: next }), []);

  const commitSearch = useCallback(
    (q: string) => {
      const trimmed = q.trim();
      dispatch({ type: 'runQuery', query: trimmed });
      if (trimmed) setRecent((prev) => pushRecent(prev, trimmed));
    },
    [setRecent],
  );

  const move = (delta: 1 | -1) => {
    if (list.rows.length === 0) return;
    const next = delta > 0 ? Math.min(list.rows.length - 1, selectedIndex + 1) : Math.max(0, selectedIndex < 0 ? 0 : selectedIndex - 1);
    if (open) openIndex(next);
    else setSelectedIndex(next);
    if (list.hasMore && next >= list.rows.length - 20) list.loadMore();
  };

  const stepMessage = (delta: 1 | -1): boolean => {
    const messages = open && thread.thread ? thread.thread.messages : [];
    if (messages.length === 0) return false;
    const at = messages.findIndex((m) => m.id === open?.messageId);
    const from = at >= 0 ? at : messages.length - 1;
    const next = messages[Math.min(messages.length - 1, Math.max(0, from + delta))];
    if (next) dispatch({ type: 'focusMessage', messageId: next.id });
    return true;
  };

  const go = (key: string) => () => {
    const target = mailboxSelector(key);
    if (target) selectMailbox(target);
  };

  const handlers: ShortcutHandlers = {
    nextItem: () => move(1),
    previousItem: () => move(-1),
    open: () => {
      if (selectedIndex < 0) return false;
      openIndex(selectedIndex);
    },
    backToList: () => {
      dispatch({ type: 'close' });
      focusList();
    },
    nextMessage: () => stepMessage(1),
    previousMessage: () => stepMessage(-1),
    focusSearch: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    clearSearch: () => {
      if (!search) return false;
      dispatch({ type: 'clearSearch' });
    },
    goInbox: go('INBOX'),
    goStarred: go('STARRED'),
    goSent: go('SENT'),
    goDrafts: go('DRAFT'),
    goAllMail: go('ALL'),
    openSettings: () => dispatch({ type: 'showDialog', dialog: 'settings' }),
    showHelp: () => dispatch({ type: 'showDialog', dialog: 'help' }),
  };
  useKeymap(handlers, dialog === null);

  const offline = list.error?.code === 'offline' || sync?.phase === 'offline';
  const needsReauth = active.state === 'needs_reauth' && list.error?.code !== 'needs_reauth';
  // The accounts and what can be done to them, as App hands them over: the sidebar's account menu.
  const accountActions = { accounts, active, onSwitchAccount, onAddAccount, onSignOut, onReauth };

  return (
    <HighlightContext.Provider value={terms}>
      <div className="app" data-shell={info?.shell ?? 'unknown'} data-density={settings.density} style={paneStyle(panes)}>
        <TitleBar
          search={{
            query: search,
            onQueryChange: (next) => dispatch({ type: 'typeSearch', search: next }),
            onCommit: commitSearch,
            recent,
            labelNames,
            accountId,
            inputRef: searchRef,
          }}
          onHelp={() => dispatch({ type: 'showDialog', dialog: 'help' })}
          onSettings={() => dispatch({ type: 'showDialog', dialog: 'settings' })}
        />
        <MailPanes
          panes={panes}
          open={open !== null}
          sidebar={
            <Sidebar
              {...accountActions}
              labels={labels}
              selector={mailbox}
              elsewhere={searching || unified}
              inboxes={
                accounts.length >= 2 ? (
                  <UnifiedInboxes
                    accounts={accounts}
                    counts={inboxCounts}
                    current={searching ? null : unified ? 'all' : sameSelector(mailbox, INBOX) ? accountId : null}
                    onSelectAll={() => dispatch({ type: 'selectAllInboxes' })}
                    onSelectAccount={(id) => (id === accountId ? selectMailbox(INBOX) : onSwitchAccount(id))}
                  />
                ) : null
              }
              onSelect={selectMailbox}
            />
          }
          list={
            <ListColumn
              list={list}
              title={title}
              searching={searching}
              threads={threads}
              labelsById={unified ? NO_LABELS : labelsById}
              accountsById={unified ? accountsById : undefined}
              selectedIndex={selectedIndex}
              openId={open ? rowKey({ id: open.messageId, threadId: open.threadId, accountId: open.accountId }, threads) : null}
              memoryOnly={authStatus?.storage === 'memory_only'}
              needsReauth={needsReauth}
              hints={hints.hints}
              readAs={hints.readAs}
              onToggleThreads={() => setThreads(!threads)}
              onSelect={setSelectedIndex}
              onOpen={openIndex}
              onReauth={() => onReauth(accountId)}
              onSearch={(corrected) => {
                dispatch({ type: 'typeSearch', search: corrected });
                commitSearch(corrected);
              }}
            />
          }
          reading={
            <ReadingPane
              accountId={openAccountId}
              thread={open ? thread.thread : null}
              loading={open !== null && thread.loading}
              error={open ? thread.error : null}
              labelsById={openAccountId === accountId ? labelsById : NO_LABELS}
              focusMessageId={open && (!threads || open.stepped) ? open.messageId : null}
              onBack={() => dispatch({ type: 'close' })}
              onRetry={() => dispatch({ type: 'reloadThread' })}
            />
          }
        />
        <StatusBar
          info={info}
          error={bridgeError ?? (list.error && list.error.code === 'internal' ? errorMessage(list.error, t) : null)}
          signedIn
          sync={sync}
          source={list.source}
          offline={offline}
          onReauth={active.state === 'needs_reauth' ? () => onReauth(accountId) : null}
        />
        {dialog === 'help' ? <ShortcutHelp onClose={() => dispatch({ type: 'showDialog', dialog: null })} /> : null}
        {dialog === 'settings' ? (
          <SettingsDialog settings={settings} onChange={onSettingsChange} onClose={() => dispatch({ type: 'showDialog', dialog: null })} />
        ) : null}
      </div>
    </HighlightContext.Provider>
  );
}
