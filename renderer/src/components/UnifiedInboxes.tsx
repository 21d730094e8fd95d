import type { AccountView } from '../../../common/ipc';
import type { InboxCount } from '../state/useInboxCounts';
import { AccountMarker } from './AccountMarker';
import { InboxIcon } from './icons';
import { useFormat, useT } from '../i18n/useLocale';

interface UnifiedInboxesProps {
  readonly accounts: readonly AccountView[];
  readonly counts: ReadonlyMap<string, InboxCount>;
  /** Which entry is the list shown: the unified inbox, an account's own inbox, or neither. */
  readonly current: 'all' | string | null;
  readonly onSelectAll: () => void;
  readonly onSelectAccount: (accountId: string) => void;
}

/** "All inboxes" and each account's inbox with its unread and total counts (two accounts or more). */
export function UnifiedInboxes({ accounts, counts, current, onSelectAll, onSelectAccount }: UnifiedInboxesProps) {
  const t = useT();
  const format = useFormat();
  const unreadAll = [...counts.values()].reduce((sum, c) => sum + c.unread, 0);
  return (
    <ul className="nav-list nav-list--inboxes" aria-label={t('sidebar.inboxes')} data-testid="unified-inboxes">
      <li>
        <button
          type="button"
          className={`nav-item ${current === 'all' ? 'nav-item--current' : ''} ${unreadAll > 0 ? 'nav-item--unread' : ''}`}
          aria-current={current === 'all' ? 'page' : undefined}
          onClick={onSelectAll}
          data-mailbox="ALL_INBOXES"
        >
          <InboxIcon size={17} className="nav-item__icon" />
          <span className="nav-item__name">{t('sidebar.allInboxes')}</span>
          {unreadAll > 0 ? (
            <span className="nav-item__count" aria-label={t('sidebar.countUnread', { count: format.count(unreadAll) })}>
              {format.count(unreadAll)}
            </span>
          ) : null}
        </button>
      </li>
      {accounts.map((account) => {
        const count = counts.get(account.id);
        const here = current === account.id;
        return (
          <li key={account.id}>
            <button
              type="button"
              className={`nav-item nav-item--account ${here ? 'nav-item--current' : ''} ${count && count.unread > 0 ? 'nav-item--unread' : ''}`}
              aria-current={here ? 'page' : undefined}
              onClick={() => onSelectAccount(account.id)}
              title={account.email}
              data-account={account.email}
            >
              <AccountMarker email={account.email} name={account.name} />
              <span className="nav-item__name">{account.email}</span>
              {count ? (
                <span
                  className="nav-item__count nav-item__count--pair"
                  data-testid="inbox-counts"
                  aria-label={t('sidebar.inboxCounts', { unread: format.count(count.unread), total: format.count(count.total) })}
                >
                  {format.count(count.unread)}
                  <span className="nav-item__count-total">/{format.count(count.total)}</span>
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
