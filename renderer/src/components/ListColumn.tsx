import type { useMessageList } from '../state/useMessageList';
import { MessageList, type MessageListProps } from './MessageList';
import { ReauthBanner } from './ReauthBanner';
import { useT } from '../i18n/useLocale';
import { Message } from '../i18n/Message';

type ListColumnProps = Omit<MessageListProps, 'list' | 'notice'> & {
  readonly list: ReturnType<typeof useMessageList>;
  readonly memoryOnly: boolean;
  readonly needsReauth: boolean;
  readonly hints: readonly string[];
  readonly readAs: string;
  /** Runs another search (the "Did you mean" correction). */
  readonly onSearch: (query: string) => void;
};

/** The middle column: banners about the account or the query, then the list itself. */
export function ListColumn(props: ListColumnProps) {
  const t = useT();
  const { list, memoryOnly, needsReauth, hints, readAs, onSearch, ...listProps } = props;
  const didYouMean =
    props.searching && list.didYouMean && !list.loading ? (
      <p className="did-you-mean" data-testid="did-you-mean">
        <Message
          id="search.didYouMean"
          values={{
            query: (
              <button type="button" className="did-you-mean__query" onClick={() => onSearch(list.didYouMean!)}>
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
      {needsReauth ? <ReauthBanner flush onReauth={props.onReauth} /> : null}
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
      <MessageList {...listProps} list={list} notice={didYouMean} />
    </div>
  );
}
