import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { LabelSummary, ListCoverage, ListRow } from '../../../common/mail-types';
import type { MessageListState } from '../state/useMessageList';
import { errorMessage, isRetryable } from '../lib/errors';
import { InboxIcon, RefreshIcon, SearchIcon, ThreadIcon, WifiOffIcon } from './icons';
import { useViewSettings } from '../state/view-settings';
import { ReauthBanner } from './ReauthBanner';
import { Row, type RowAccount } from './MessageRow';
import { rowKey } from '../lib/row-key';
import { useFormat, useT } from '../i18n/useLocale';
import '../styles/message-list.css';
import '../styles/message-list-fresh.css';

const ROW_HEIGHTS = { comfortable: 84, compact: 62 } as const;
const NO_KEYS: ReadonlySet<string> = new Set();

/** What the list shows of useMessageList's state, and its two actions. */
export type ListView = Pick<MessageListState, 'rows' | 'loading' | 'loadingMore' | 'hasMore' | 'error' | 'generation' | 'freshKeys' | 'coverage'> & {
  readonly listKey: string;
  readonly loadMore: () => void;
  readonly reload: () => void;
};

export interface MessageListProps {
  readonly list: ListView;
  readonly title: string;
  readonly searching: boolean;
  readonly threads: boolean;
  readonly labelsById: ReadonlyMap<string, LabelSummary>;
  readonly selectedIndex: number;
  /** The open row's rowKey. */
  readonly openId: string | null;
  /** Unified inbox: each row's account, for its marker. */
  readonly accountsById?: ReadonlyMap<string, RowAccount> | undefined;
  /** A line between the header and the rows ("Did you mean"). */
  readonly notice?: ReactNode;
  readonly onToggleThreads: () => void;
  readonly onSelect: (index: number) => void;
  readonly onOpen: (index: number) => void;
  readonly onReauth: () => void;
}

function Skeleton({ count, rowHeight }: { count: number; rowHeight: number }) {
  return (
    <div className="skeleton-list" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="row row--skeleton" style={{ height: rowHeight }}>
          <div className="row__line">
            <span className="shimmer" style={{ width: `${38 + ((i * 17) % 30)}%` }} />
            <span className="shimmer shimmer--short" />
          </div>
          <div className="row__line">
            <span className="shimmer" style={{ width: `${55 + ((i * 23) % 35)}%` }} />
          </div>
          <div className="row__line">
            <span className="shimmer shimmer--faint" style={{ width: `${70 + ((i * 11) % 25)}%` }} />
          </div>
        </div>
      ))}
    </div>
  );
}

/** Where the answer came from while the cache fills: all of Gmail, or only this computer's part. */
function CoverageLine({ coverage, searching }: { readonly coverage: ListCoverage; readonly searching: boolean }) {
  const t = useT();
  const format = useFormat();
  const held = coverage.totalMessages
    ? t('list.heldOf', { cached: format.count(coverage.cachedMessages), total: format.count(coverage.totalMessages) })
    : t('list.held', { cached: format.count(coverage.cachedMessages) });
  if (coverage.partial) {
    return (
      <div className="list-coverage list-coverage--partial" role="note" data-testid="list-coverage" data-partial="true">
        <WifiOffIcon size={14} />
        <span>{t(searching ? 'list.coverage.partialSearch' : 'list.coverage.partialList', { held })}</span>
      </div>
    );
  }
  return (
    <div className="list-coverage" role="note" data-testid="list-coverage" data-partial="false">
      <span>{t(searching ? 'list.coverage.fullSearch' : 'list.coverage.fullList', { held })}</span>
    </div>
  );
}

/** The virtualised list: a bounded DOM whatever the number of rows. */
export function MessageList(props: MessageListProps) {
  const { title, searching, threads, labelsById, selectedIndex, openId, onToggleThreads, onSelect, onOpen, onReauth } = props;
  const { rows, loading, loadingMore, hasMore, error, generation, listKey, coverage, loadMore: onLoadMore, reload: onRetry } = props.list;
  const t = useT();
  const format = useFormat();
  const freshKeys = props.list.freshKeys ?? NO_KEYS;
  const rowHeight = ROW_HEIGHTS[useViewSettings().density];
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ listKey: string; key: string | null; index: number }>({ listKey: '', key: null, index: 0 });
  const count = rows.length + (hasMore ? 3 : 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  const now = useMemo(() => new Date(), [generation]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!last) return;
    if (hasMore && !loadingMore && !error && last.index >= rows.length - 20) onLoadMore();
  }, [last, hasMore, loadingMore, error, rows.length, onLoadMore]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [listKey]);

  // A density change re-measures every row.
  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  // Rows added above what the person is reading (new mail) must not push it down: keep the
  // first visible row where it was, unless they are at the very top, where new mail belongs.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const keyOf = (r: ListRow | undefined) => (r ? rowKey(r, threads) : null);
    const previous = anchor.current;
    if (el && previous.listKey === listKey && previous.key !== null && el.scrollTop > 0) {
      const now = rows.findIndex((r) => keyOf(r) === previous.key);
      if (now >= 0 && now !== previous.index) el.scrollTop += (now - previous.index) * rowHeight;
    }
    const first = el ? Math.floor(el.scrollTop / rowHeight) : 0;
    anchor.current = { listKey, key: keyOf(rows[first]), index: first };
  }, [rows, listKey, threads, rowHeight]);

  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < rows.length) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, rows.length, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onSelect(Math.min(rows.length - 1, selectedIndex + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      onSelect(Math.max(0, selectedIndex - 1));
    } else if (event.key === 'Home') {
      event.preventDefault();
      onSelect(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      onSelect(rows.length - 1);
    }
  };

  const countKey = threads
    ? hasMore
      ? 'list.count.conversationsMore'
      : 'list.count.conversations'
    : hasMore
      ? 'list.count.messagesMore'
      : 'list.count.messages';
  const countText = loading ? t('list.loading') : rows.length === 0 ? t('list.noMessages') : t(countKey, { n: rows.length, count: format.count(rows.length) });

  return (
    <main className="message-list" aria-label={t('region.messages')}>
      <header className={`list-header ${searching ? 'list-header--search' : ''}`}>
        <div className="list-header__title">
          {searching ? <SearchIcon size={16} className="list-header__icon" /> : null}
          <h2 title={title}>{title}</h2>
        </div>
        <span className="list-header__count" data-testid="result-count">
          {countText}
        </span>
        <button
          type="button"
          className={`toggle ${threads ? 'toggle--on' : ''}`}
          aria-pressed={threads}
          onClick={onToggleThreads}
          title={threads ? t('list.grouped') : t('list.single')}
          data-testid="threads-toggle"
        >
          <ThreadIcon size={15} />
          <span>{threads ? t('list.toggle.conversations') : t('list.toggle.messages')}</span>
        </button>
      </header>
      {coverage ? <CoverageLine coverage={coverage} searching={searching} /> : null}
      {props.notice}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="live-count">
        {loading ? '' : t('list.liveCount', { count: countText, title })}
      </div>
      {error && error.code === 'needs_reauth' ? (
        <ReauthBanner onReauth={onReauth} />
      ) : error && rows.length === 0 && error.code === 'offline' ? null : error ? (
        <div className={`banner ${error.code === 'offline' ? 'banner--muted' : 'banner--error'}`} role="alert" data-testid="list-error">
          {error.code === 'offline' ? <WifiOffIcon size={16} /> : null}
          <span>{errorMessage(error, t)}</span>
          {isRetryable(error.code) || error.code === 'not_found' ? (
            <button type="button" className="button button--small button--secondary" onClick={onRetry}>
              <RefreshIcon size={14} /> {t('list.retry')}
            </button>
          ) : null}
        </div>
      ) : null}
      {loading ? (
        <Skeleton count={9} rowHeight={rowHeight} />
      ) : rows.length === 0 ? (
        <div className="empty-state" data-testid="empty-list">
          {error?.code === 'offline' ? (
            <>
              <WifiOffIcon size={36} className="empty-state__icon" />
              <p className="empty-state__title">{t('list.offline.title')}</p>
              <p className="empty-state__text">{t('list.offline.text')}</p>
              <button type="button" className="button button--secondary button--small" onClick={onRetry}>
                {t('list.tryAgain')}
              </button>
            </>
          ) : searching ? (
            <>
              <SearchIcon size={36} className="empty-state__icon" />
              <p className="empty-state__title">{t('list.noMatches.title')}</p>
              <p className="empty-state__text">{t('list.noMatches.text')}</p>
            </>
          ) : error ? null : (
            <>
              <InboxIcon size={36} className="empty-state__icon" />
              <p className="empty-state__title">{t('list.empty.title')}</p>
              <p className="empty-state__text">{t('list.empty.text', { title })}</p>
            </>
          )}
        </div>
      ) : (
        <div
          ref={scrollRef}
          className="list-scroll"
          role="listbox"
          aria-label={t('list.ariaLabel', { title })}
          aria-activedescendant={selectedIndex >= 0 ? `row-${selectedIndex}` : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-testid="message-list"
        >
          <div className="list-sizer" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows[item.index];
              return (
                <div key={item.key} className="list-item" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
                  {row ? (
                    <Row
                      row={row}
                      index={item.index}
                      selected={item.index === selectedIndex}
                      open={openId !== null && rowKey(row, threads) === openId}
                      threads={threads}
                      labelsById={labelsById}
                      now={now}
                      fresh={freshKeys.has(rowKey(row, threads))}
                      account={row.accountId ? props.accountsById?.get(row.accountId) : undefined}
                      onOpen={onOpen}
                    />
                  ) : (
                    <Skeleton count={1} rowHeight={rowHeight} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </main>
  );
}
