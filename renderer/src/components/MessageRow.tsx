import { memo } from 'react';
import type { LabelSummary, ListRow } from '../../../common/mail-types';
import { displayName, participantsLabel } from '../lib/format';
import { stripBidi } from '../lib/link-safety';
import { AccountMarker } from './AccountMarker';
import { Highlighted } from './Highlighted';
import { PaperclipIcon, StarIcon } from './icons';
import { useFormat, useT } from '../i18n/useLocale';
import '../styles/message-row.css';

interface RowProps {
  readonly row: ListRow;
  readonly index: number;
  readonly selected: boolean;
  readonly open: boolean;
  readonly threads: boolean;
  readonly labelsById: ReadonlyMap<string, LabelSummary>;
  readonly now: Date;
  readonly fresh: boolean;
  readonly onOpen: (index: number) => void;
  /** Unified inbox: the account the row belongs to. */
  readonly account?: RowAccount | undefined;
}

export interface RowAccount {
  readonly email: string;
  readonly name: string;
}

/** One conversation or message in the list: three lines, fixed height for the virtualiser. */
export const Row = memo(function Row({ row, index, selected, open, threads, labelsById, now, fresh, onOpen, account }: RowProps) {
  const t = useT();
  const format = useFormat();
  const sender = threads && row.participants.length > 0 ? stripBidi(participantsLabel(row.participants, 3, t('list.me'))) : displayName(row.from);
  const chips = row.labelIds
    .map((id) => labelsById.get(id))
    .filter((l): l is LabelSummary => l !== undefined && l.type === 'user')
    .slice(0, 3);
  return (
    <div
      role="option"
      id={`row-${index}`}
      aria-selected={selected}
      aria-setsize={-1}
      aria-posinset={index + 1}
      data-index={index}
      data-id={row.id}
      data-thread-id={row.threadId}
      data-fresh={fresh ? 'true' : undefined}
      data-account={account?.email}
      title={account?.email}
      className={`row ${row.unread ? 'row--unread' : ''} ${selected ? 'row--selected' : ''} ${open ? 'row--open' : ''} ${fresh ? 'row--fresh' : ''}`}
      onClick={() => onOpen(index)}
    >
      <div className="row__line row__line--top">
        {row.unread ? <span className="row__unread-dot" aria-label={t('list.unread')} /> : null}
        {account ? <AccountMarker email={account.email} name={account.name} /> : null}
        <span className="row__sender" title={row.from.email}>
          {sender}
        </span>
        {threads && row.threadCount > 1 ? (
          <span className="row__count" aria-label={t('list.threadCount', { count: row.threadCount })}>
            {row.threadCount}
          </span>
        ) : null}
        <span className="row__meta">
          {row.hasAttachment ? <PaperclipIcon size={14} className="row__attach" /> : null}
          <time className="row__date" dateTime={new Date(row.internalDate).toISOString()}>
            {format.listDate(row.internalDate, now)}
          </time>
        </span>
      </div>
      <div className="row__line">
        <span className="row__subject" data-fresh-label={fresh ? t('list.new') : undefined}>
          <Highlighted text={stripBidi(row.subject) || t('list.noSubject')} />
        </span>
        {row.starred ? <StarIcon size={14} className="row__star" /> : null}
      </div>
      <div className="row__line row__line--bottom">
        <span className="row__snippet">
          <Highlighted text={row.snippet} />
        </span>
        {chips.map((label) => (
          <span
            key={label.id}
            className="chip"
            style={label.color ? { background: label.color.backgroundColor, color: label.color.textColor, borderColor: 'transparent' } : undefined}
          >
            {label.name.split('/').pop()}
          </span>
        ))}
      </div>
    </div>
  );
});
