import { useCallback, useState } from 'react';
import { listedAttachments } from '../../../common/attachment-rule';
import type { MessageDetail } from '../../../common/mail-types';
import { displayName, fullAddress } from '../lib/format';
import { Attachments } from './Attachments';
import { Avatar } from './Avatar';
import { EyeOffIcon } from './icons';
import { MailFrame } from './MailFrame';
import { saveBody } from '../lib/save-body';
import { PlainText } from './PlainText';
import { useViewSettings } from '../state/view-settings';
import { useFormat, useT } from '../i18n/useLocale';

interface MessageCardProps {
  readonly accountId: string;
  /** The message n/p moved to. */
  readonly focused?: boolean;
  readonly message: MessageDetail;
  readonly allowRemote: boolean;
  readonly onCollapse: (() => void) | null;
  readonly onShowImages: () => void;
  readonly onAlwaysShow: () => void;
}

function AddressLine({ label, list }: { label: string; list: MessageDetail['to'] }) {
  if (list.length === 0) return null;
  return (
    <div className="message-card__addr">
      <span className="message-card__addr-label">{label}</span>
      <span className="message-card__addr-list">{list.map(fullAddress).join(', ')}</span>
    </div>
  );
}

/** One open message: who, when, the body in its sandbox, attachments. */
export function MessageCard({ accountId, focused, message, allowRemote: allowedHere, onCollapse, onShowImages, onAlwaysShow }: MessageCardProps) {
  const t = useT();
  const format = useFormat();
  const alwaysShow = useViewSettings().remoteImages === 'always';
  const allowRemote = allowedHere || alwaysShow;
  const [blocked, setBlocked] = useState(0);
  const onBlockedCount = useCallback((n: number) => setBlocked(n), []);
  const [showDetails, setShowDetails] = useState(false);
  const hasHtml = message.html !== null && message.html.trim().length > 0;
  const attachments = listedAttachments(message.attachments);

  return (
    <section
      className={`message-card ${focused ? 'message-card--focused' : ''}`}
      data-focused={focused ? 'true' : undefined}
      id={`message-${message.id}`}
      aria-label={t('reading.messageFrom', { name: displayName(message.from) })}
      data-testid="message"
      data-message-id={message.id}
    >
      <header
        className={`message-card__header ${onCollapse ? 'message-card__header--clickable' : ''}`}
        onClick={(e) => {
          if (onCollapse && !(e.target as HTMLElement).closest('button, a')) onCollapse();
        }}
      >
        <Avatar name={message.from.name} email={message.from.email} size={36} />
        <div className="message-card__who">
          <div className="message-card__from">
            <span className="message-card__name" title={fullAddress(message.from)}>
              {displayName(message.from)}
            </span>
            {message.from.email ? (
              <span className="message-card__email" title={message.from.email}>
                &lt;{message.from.email}&gt;
              </span>
            ) : null}
          </div>
          <button type="button" className="message-card__to" onClick={() => setShowDetails(!showDetails)} aria-expanded={showDetails}>
            {t('reading.to', { names: message.to.length > 0 ? message.to.map((a) => displayName(a)).join(', ') : t('reading.noRecipients') })}
            {message.cc.length > 0 ? t('reading.cc', { names: message.cc.map((a) => displayName(a)).join(', ') }) : ''}
          </button>
        </div>
        <time className="message-card__date" dateTime={new Date(message.internalDate).toISOString()} title={message.date}>
          {format.fullDate(message.internalDate)}
        </time>
      </header>
      {showDetails ? (
        <div className="message-card__details" data-testid="message-details">
          <AddressLine label={t('reading.field.from')} list={[message.from]} />
          <AddressLine label={t('reading.field.to')} list={message.to} />
          <AddressLine label={t('reading.field.cc')} list={message.cc} />
          <AddressLine label={t('reading.field.bcc')} list={message.bcc} />
          <AddressLine label={t('reading.field.replyTo')} list={message.replyTo} />
          <div className="message-card__addr">
            <span className="message-card__addr-label">{t('reading.field.date')}</span>
            <span className="message-card__addr-list">{message.date || format.fullDate(message.internalDate)}</span>
          </div>
          {message.listId ? (
            <div className="message-card__addr">
              <span className="message-card__addr-label">{t('reading.field.list')}</span>
              <span className="message-card__addr-list">{message.listId}</span>
            </div>
          ) : null}
        </div>
      ) : null}
      {hasHtml && blocked > 0 && !allowRemote ? (
        <div className="images-bar" data-testid="images-bar">
          <EyeOffIcon size={16} />
          <span>{t('reading.images.hidden', { count: blocked })}</span>
          <button type="button" className="button button--small button--secondary" onClick={onShowImages}>
            {t('reading.images.show')}
          </button>
          {message.from.email ? (
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={onAlwaysShow}
              title={t('reading.images.alwaysTitle', { email: message.from.email })}
            >
              {t('reading.images.always')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="message-card__body">
        {hasHtml ? (
          <MailFrame
            html={message.html ?? ''}
            text={message.text ?? ''}
            allowRemote={allowRemote}
            onBlockedCount={onBlockedCount}
            title={t('reading.bodyTitle', { subject: message.subject || t('list.noSubject') })}
            onSaveBody={() => saveBody(accountId, message.id)}
          />
        ) : message.text ? (
          <PlainText text={message.text} />
        ) : (
          <p className="message-card__empty">{message.snippet || t('reading.noText')}</p>
        )}
      </div>
      <Attachments accountId={accountId} messageId={message.id} attachments={attachments} />
    </section>
  );
}
