import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountView, AppInfo, AuthStatus, SyncStatus } from '../../common/ipc';
import type { LabelSummary, ListRow, MailSelector } from '../../common/mail-types';
import { describeQuery, parseGmailQuery } from '../../common/gmail-query';
import { skimmer, takeBootReply } from './api';
import { MessageList } from './components/MessageList';
import { ReadingPane } from './components/ReadingPane';
import { ShortcutHelp } from './components/ShortcutHelp';
import { Sidebar } from './components/Sidebar';
import { SignIn } from './components/SignIn';
import { StatusBar } from './components/StatusBar';
import { FeaturePeek } from './components/FeaturePeek';
import { TitleBar } from './components/TitleBar';
import { errorMessage } from './lib/errors';
import { SYSTEM_MAILBOXES, selectorTitle } from './lib/labels';
import { pushRecent } from './lib/query-suggest';
import { useMessageList } from './state/useMessageList';
import { usePreference } from './state/preferences';
import { useThread } from './state/useThread';

const INBOX: MailSelector = { kind: 'label', labelId: 'INBOX' };
const SEARCH_DEBOUNCE_MS = 150;

function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [bridgeError, setBridgeError] = useState<string | null>(() =>
    typeof window.skimmer === 'undefined' ? 'Skimmer bridge is not available: the preload script did not run.' : null,
  );
  const [authStatus, setAuthStatus] = useState<AuthStatus | null>(null);
  const [accounts, setAccounts] = useState<readonly AccountView[] | null>(null);
  const [signInFor, setSignInFor] = useState<{ accountId?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refreshAccounts = useCallback(() => {
    void (takeBootReply('accounts') ?? skimmer().listAccounts())
      .then((reply) => {
        if (reply.ok) setAccounts(reply.value);
        else setAccounts((prev) => prev ?? []);
      });
  }, []);

  useEffect(() => {
    let cancelled = false;
    if (typeof window.skimmer === 'undefined') return;
    const api = skimmer();
    api
      .getAppInfo()
      .then((reply) => {
        if (cancelled) return;
        if (reply.ok) setInfo(reply.value);
        else setBridgeError(reply.error.message);
      })
      .catch((error: unknown) => {
        if (!cancelled) setBridgeError(error instanceof Error ? error.message : 'Cannot reach Skimmer.');
      });
    void (takeBootReply('authStatus') ?? api.getAuthStatus()).then((reply) => {
      if (!cancelled && reply.ok) setAuthStatus(reply.value);
    });
    refreshAccounts();
    const off = api.on.accountsChanged((list) => setAccounts(list));
    return () => {
      cancelled = true;
      off();
    };
  }, [refreshAccounts]);

  const active = useMemo(() => accounts?.find((a) => a.active) ?? accounts?.[0] ?? null, [accounts]);

  if (accounts === null && !bridgeError) {
    return (
      <div className="app app--boot" data-shell={info?.shell ?? 'unknown'}>
        <div className="boot" aria-busy="true" aria-label="Starting Skimmer">
          <span className="brand-mark brand-mark--large" aria-hidden="true" />
        </div>
      </div>
    );
  }

  if (!active) {
    return (
      <div className="app app--signed-out" data-shell={info?.shell ?? 'unknown'}>
        <header className="titlebar" role="banner">
          <div className="titlebar__brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="titlebar__name">Skimmer</span>
          </div>
          <div className="titlebar__search">
            <div className="search search--disabled">
              <input type="text" aria-label="Search mail" placeholder="Sign in to search your mail" disabled />
            </div>
          </div>
        </header>
        <div className="app__body">
          <nav className="sidebar" aria-label="Accounts and labels">
            <div className="nav-section__title nav-section__title--static">Accounts</div>
            <p className="sidebar__hint">No account yet. Your mail stays on this computer; Skimmer only reads it.</p>
          </nav>
          <main className="message-list signin-column" aria-label="Messages">
            <SignIn authStatus={authStatus} onAuthStatus={setAuthStatus} notice={notice} onDone={refreshAccounts} />
          </main>
          <section className="reading-pane" aria-label="Reading pane">
            <FeaturePeek />
          </section>
        </div>
        <StatusBar info={info} error={bridgeError} signedIn={false} sync={null} source={null} offline={false} />
      </div>
    );
  }

  return (
    <>
      <MailApp
        key={active.id}
        info={info}
        bridgeError={bridgeError}
        accounts={accounts ?? []}
        active={active}
        authStatus={authStatus}
        onAddAccount={() => setSignInFor({})}
        onReauth={(accountId) => setSignInFor({ accountId })}
        onSwitchAccount={(id) => {
          void skimmer()
            .switchAccount(id)
            .then(() => refreshAccounts());
        }}
        onSignOut={(id) => {
          void skimmer()
            .signOut(id)
            .then((reply) => {
              if (reply.ok) setNotice('Signed out. Your mail was removed from this computer.');
              refreshAccounts();
            });
        }}
      />
      {signInFor ? (
        <div className="overlay" onMouseDown={() => setSignInFor(null)}>
          <div className="dialog dialog--signin" role="dialog" aria-modal="true" aria-label="Sign in" onMouseDown={(e) => e.stopPropagation()}>
            <SignIn
              compact
              authStatus={authStatus}
              onAuthStatus={setAuthStatus}
              accountId={signInFor.accountId}
              onCancel={() => setSignInFor(null)}
              onDone={() => {
                setSignInFor(null);
                refreshAccounts();
              }}
            />
          </div>
        </div>
      ) : null}
    </>
  );
}

interface MailAppProps {
  readonly info: AppInfo | null;
  readonly bridgeError: string | null;
  readonly accounts: readonly AccountView[];
  readonly active: AccountView;
  readonly authStatus: AuthStatus | null;
  readonly onAddAccount: () => void;
  readonly onReauth: (accountId: string) => void;
  readonly onSwitchAccount: (id: string) => void;
  readonly onSignOut: (id: string) => void;
}

function MailApp({ info, bridgeError, accounts, active, authStatus, onAddAccount, onReauth, onSwitchAccount, onSignOut }: MailAppProps) {
  const accountId = active.id;
  const [labels, setLabels] = useState<readonly LabelSummary[]>([]);
  const [mailbox, setMailbox] = useState<MailSelector>(INBOX);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [threads, setThreads] = usePreference<boolean>('threads', true);
  const [recent, setRecent] = usePreference<string[]>('recentSearches', []);
  const [selection, setSelection] = useState<{ listKey: string; index: number }>({ listKey: '', index: -1 });
  const [open, setOpen] = useState<{ threadId: string; messageId: string } | null>(null);
  const [threadReload, setThreadReload] = useState(0);
  const [help, setHelp] = useState(false);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // Debounced as-you-type search: the list follows the box 150 ms after the last key.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [search]);

  const searching = query.length > 0;
  const selector: MailSelector = useMemo(() => (searching ? { kind: 'query', query } : mailbox), [searching, query, mailbox]);
  const list = useMessageList(accountId, selector, threads);
  const thread = useThread(accountId, open?.threadId ?? null, threadReload);

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

  // A new list starts with nothing selected.
  const selectedIndex = selection.listKey === list.listKey ? selection.index : -1;
  const listKey = list.listKey;
  const setSelectedIndex = useCallback((index: number) => setSelection({ listKey, index }), [listKey]);

  // A refresh in place can insert rows above the selection: follow the selected row, not its old index.
  const selectedKey = useRef<{ rows: readonly ListRow[]; key: string | null }>({ rows: [], key: null });
  useEffect(() => {
    const keyOf = (r: ListRow) => (threads ? r.threadId : r.id);
    const previous = selectedKey.current;
    const row = selectedIndex >= 0 ? list.rows[selectedIndex] : undefined;
    // Only when the rows themselves were replaced (not when the person moved the selection).
    if (previous.rows !== list.rows && previous.rows.length > 0 && previous.key !== null && row && keyOf(row) !== previous.key) {
      const moved = list.rows.findIndex((r) => keyOf(r) === previous.key);
      if (moved >= 0) {
        selectedKey.current = { rows: list.rows, key: previous.key };
        setSelection({ listKey, index: moved });
        return;
      }
    }
    selectedKey.current = { rows: list.rows, key: row ? keyOf(row) : null };
  }, [list.rows, selectedIndex, listKey, threads]);

  const labelsById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const labelNames = useMemo(() => labels.filter((l) => l.type === 'user').map((l) => l.name), [labels]);
  const title = searching ? query : selectorTitle(mailbox, labels);

  const hints = useMemo(() => {
    if (!searching) return { hints: [] as string[], readAs: '' };
    const parsed = parseGmailQuery(query);
    const all = [...new Set([...parsed.hints, ...list.queryHints])];
    return { hints: all, readAs: all.length > 0 ? describeQuery(parsed.ast) : '' };
  }, [searching, query, list.queryHints]);

  const openIndex = useCallback(
    (index: number) => {
      const row = list.rows[index];
      if (!row) return;
      setSelectedIndex(index);
      setOpen({ threadId: row.threadId, messageId: row.id });
    },
    [list.rows, setSelectedIndex],
  );

  const selectMailbox = useCallback((next: MailSelector) => {
    setSearch('');
    setQuery('');
    setMailbox(next);
    setOpen(null);
  }, []);

  const commitSearch = useCallback(
    (q: string) => {
      const trimmed = q.trim();
      setQuery(trimmed);
      if (trimmed) setRecent((prev) => pushRecent(prev, trimmed));
    },
    [setRecent],
  );

  // Global shortcuts (ignored while typing in a field).
  const pendingG = useRef(0);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (help) return;
      if (isTypingTarget(event.target)) return;
      const key = event.key;
      const now = Date.now();
      if (pendingG.current && now - pendingG.current < 1200) {
        pendingG.current = 0;
        const target = { i: 'INBOX', s: 'STARRED', t: 'SENT', a: 'ALL', d: 'DRAFT' }[key];
        const mb = SYSTEM_MAILBOXES.find((m) => m.key === target);
        if (mb) {
          event.preventDefault();
          selectMailbox(mb.selector);
          return;
        }
      }
      switch (key) {
        case 'g':
          pendingG.current = now;
          return;
        case '/':
          event.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
          return;
        case '?':
          event.preventDefault();
          setHelp(true);
          return;
        case 'j':
        case 'k': {
          event.preventDefault();
          if (list.rows.length === 0) return;
          const next =
            key === 'j'
              ? Math.min(list.rows.length - 1, selectedIndex + 1)
              : Math.max(0, selectedIndex < 0 ? 0 : selectedIndex - 1);
          setSelectedIndex(next);
          if (open) openIndex(next);
          if (list.hasMore && next >= list.rows.length - 20) list.loadMore();
          return;
        }
        case 'Enter':
        case 'o':
          if (selectedIndex >= 0) {
            event.preventDefault();
            openIndex(selectedIndex);
          }
          return;
        case 'u':
          event.preventDefault();
          setOpen(null);
          window.requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="message-list"]')?.focus());
          return;
        case 'Escape':
          if (search) {
            event.preventDefault();
            setSearch('');
            setQuery('');
          }
          return;
        default:
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [help, list, selectedIndex, setSelectedIndex, open, openIndex, search, selectMailbox]);

  const offline = list.error?.code === 'offline' || sync?.phase === 'offline';
  const needsReauth = active.state === 'needs_reauth' && list.error?.code !== 'needs_reauth';

  return (
    <div className="app" data-shell={info?.shell ?? 'unknown'}>
      <TitleBar
        searchEnabled
        query={search}
        onQueryChange={setSearch}
        onCommit={commitSearch}
        recent={recent}
        labelNames={labelNames}
        accountId={accountId}
        inputRef={searchRef}
        onHelp={() => setHelp(true)}
      />
      <div className="app__body">
        <Sidebar
          accounts={accounts}
          active={active}
          labels={labels}
          selector={mailbox}
          searching={searching}
          onSelect={selectMailbox}
          onSwitchAccount={onSwitchAccount}
          onAddAccount={onAddAccount}
          onSignOut={onSignOut}
          onReauth={onReauth}
        />
        <div className="list-column">
          {authStatus?.storage === 'memory_only' ? (
            <div className="banner banner--muted banner--flush" role="note" data-testid="memory-only">
              No system keychain: you&apos;ll need to sign in again next time.
            </div>
          ) : null}
          {needsReauth ? (
            <div className="banner banner--warning banner--flush" role="alert" data-testid="reauth-banner">
              <span>Google needs you to sign in again. Your cached mail is still here.</span>
              <button type="button" className="button button--small button--primary" onClick={() => onReauth(accountId)}>
                Sign in again
              </button>
            </div>
          ) : null}
          {hints.hints.length > 0 ? (
            <div className="query-hint" role="note" data-testid="query-hint">
              <span>{hints.hints.join(' · ')}</span>
              {hints.readAs ? (
                <span className="query-hint__read">
                  Searched for <code>{hints.readAs}</code>
                </span>
              ) : null}
            </div>
          ) : null}
          <MessageList
            title={title}
            rows={list.rows}
            loading={list.loading}
            loadingMore={list.loadingMore}
            hasMore={list.hasMore}
            error={list.error}
            estimate={list.estimate}
            searching={searching}
            threads={threads}
            labelsById={labelsById}
            selectedIndex={selectedIndex}
            openId={open ? (threads ? open.threadId : open.messageId) : null}
            generation={list.generation}
            listKey={list.listKey}
            freshKeys={list.freshKeys}
            coverage={list.coverage}
            onToggleThreads={() => setThreads(!threads)}
            onSelect={setSelectedIndex}
            onOpen={openIndex}
            onLoadMore={list.loadMore}
            onRetry={list.reload}
            onReauth={() => onReauth(accountId)}
          />
        </div>
        <ReadingPane
          accountId={accountId}
          thread={open ? thread.thread : null}
          loading={open !== null && thread.loading}
          error={open ? thread.error : null}
          labelsById={labelsById}
          focusMessageId={open && !threads ? open.messageId : null}
          onBack={() => setOpen(null)}
          onRetry={() => setThreadReload((n) => n + 1)}
        />
      </div>
      <StatusBar
        info={info}
        error={bridgeError ?? (list.error && list.error.code === 'internal' ? errorMessage(list.error) : null)}
        signedIn
        sync={sync}
        source={list.source}
        offline={offline}
      />
      {help ? <ShortcutHelp onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
