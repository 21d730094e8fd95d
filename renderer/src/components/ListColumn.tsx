import type { AccountView } from '../../../common/ipc';
import type { LabelSummary } from '../../../common/mail-types';
import type { useMessageList } from '../state/useMessageList';
import { MessageList } from './MessageList';
import { useT } from '../i18n/useLocale';
import { Message } from '../i18n/Message';

interface ListColumnProps {
  readonly list: ReturnType<typeof useMessageList>;
  readonly title: string;
  readonly searching: boolean;
  readonly threads: boolean;
  readonly labelsById: ReadonlyMap<string, LabelSummary>;
  readonly accountsById?: ReadonlyMap<string, AccountView> | undefined;
  readonly selectedIndex: number;
  readonly openId: string | null;
  readonly memoryOnly: boolean;
  readonly needsReauth: boolean;
  readonly hints: readonly string[];
  readonly readAs: string;
  readonly onToggleThreads: () => void;
  readonly onSelect: (index: number) => void;
  readonly onOpen: (index: number) => void;
  readonly onReauth: () => void;
  /** Runs another search (the "Did you mean" correction). */
  readonly onSearch: (query: string) => void;
}

/** The middle column: banners about the account or the query, then the list itself. */
export function ListColumn(props: ListColumnProps) {
  const t = useT();
  const { list, memoryOnly, needsReauth, hints, readAs, onReauth } = props;
  const didYouMean =
    props.searching && list.didYouMean && !list.loading ? (
      <p className="did-you-mean" data-testid="did-you-mean">
        <Message
          id="search.didYouMean"
          values={{
            query: (
              <button type="button" className="did-you-mean__query" onClick={() => props.onSearch(list.didYouMean!)}>
                {list.didYouMean}
              </button>
            ),
          }}
        />
      </p>
    ) : null;
  return (
    <div className="list-column">
      {memoryOnly ? (
        <div className="banner banner--muted banner--flush" role="note" data-testid="memory-only">
          {t('app.noKeychain')}
        </div>
      ) : null}
      {needsReauth ? (
        <div className="banner banner--warning banner--flush" role="alert" data-testid="reauth-banner">
          <span>{t('app.reauth')}</span>
          <button type="button" className="button button--small button--primary" onClick={onReauth}>
            {t('app.signInAgain')}
          </button>
        </div>
      ) : null}
      {list.missingAccounts.length > 0 ? (
        <div className="banner banner--warning banner--flush" role="alert" data-testid="missing-accounts">
          <span>
            {t('list.missingAccounts', {
              emails: list.missingAccounts.map((m) => props.accountsById?.get(m.accountId)?.email ?? m.accountId).join(', '),
            })}
          </span>
          <button type="button" className="button button--small button--secondary" onClick={list.reload}>
            {t('list.retry')}
          </button>
        </div>
      ) : null}
      {hints.length > 0 ? (
        <div className="query-hint" role="note" data-testid="query-hint">
          <span>{hints.join(' · ')}</span>
          {readAs ? (
            <span className="query-hint__read">
              <Message id="search.readAs" values={{ query: <code>{readAs}</code> }} />
            </span>
          ) : null}
        </div>
      ) : null}
      <MessageList
        title={props.title}
        rows={list.rows}
        loading={list.loading}
        loadingMore={list.loadingMore}
        hasMore={list.hasMore}
        error={list.error}
        estimate={list.estimate}
        searching={props.searching}
        threads={props.threads}
        labelsById={props.labelsById}
        accountsById={props.accountsById}
        notice={didYouMean}
        selectedIndex={props.selectedIndex}
        openId={props.openId}
        generation={list.generation}
        listKey={list.listKey}
        freshKeys={list.freshKeys}
        coverage={list.coverage}
        onToggleThreads={props.onToggleThreads}
        onSelect={props.onSelect}
        onOpen={props.onOpen}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        onReauth={onReauth}
      />
    </div>
  );
}
