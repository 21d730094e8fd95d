import { useEffect, useMemo, useState } from 'react';
import type { IpcError } from '../../../common/ipc';
import type { LabelSummary, ThreadDetail } from '../../../common/mail-types';
import { errorMessage } from '../lib/errors';
import { displayName } from '../lib/format';
import { stripBidi } from '../lib/link-safety';
import { usePreference } from '../state/preferences';
import { Avatar } from './Avatar';
import { ArrowLeftIcon, ExpandIcon, MailOpenIcon, PaperclipIcon, RefreshIcon, StarIcon } from './icons';
import { MessageCard } from './MessageCard';
import { Message } from '../i18n/Message';
import { useFormat, useT } from '../i18n/useLocale';
import '../styles/reading-pane.css';

interface ReadingPaneProps {
  readonly accountId: string | null;
  readonly thread: ThreadDetail | null;
  readonly loading: boolean;
  readonly error: IpcError | null;
  readonly labelsById: ReadonlyMap<string, LabelSummary>;
  /** The message the person opened (single-message view); the newest otherwise. */
  readonly focusMessageId: string | null;
  readonly onBack: () => void;
  readonly onRetry: () => void;
}

export function ReadingPane({ accountId, thread, loading, error, labelsById, focusMessageId, onBack, onRetry }: ReadingPaneProps) {
  const t = useT();
  if (loading) {
    return (
      <section className="reading-pane" aria-label={t('region.readingPane')} aria-busy="true">
        <div className="thread thread--loading" aria-hidden="true">
          <span className="shimmer shimmer--title" />
          <div className="message-card">
            <span className="shimmer" style={{ width: '40%' }} />
            <span className="shimmer" style={{ width: '85%' }} />
            <span className="shimmer" style={{ width: '75%' }} />
            <span className="shimmer" style={{ width: '60%' }} />
          </div>
        </div>
      </section>
    );
  }
  if (error) {
    return (
      <section className="reading-pane" aria-label={t('region.readingPane')}>
        <div className="empty-state" role="alert">
          <p className="empty-state__title">{t('reading.error.title')}</p>
          <p className="empty-state__text">{errorMessage(error, t)}</p>
          <button type="button" className="button button--secondary button--small" onClick={onRetry}>
            <RefreshIcon size={14} /> {t('list.retry')}
          </button>
        </div>
      </section>
    );
  }
  if (!thread || !accountId) {
    return (
      <section className="reading-pane" aria-label={t('region.readingPane')}>
        <div className="empty-state">
          <MailOpenIcon size={40} className="empty-state__icon" />
          <p className="empty-state__title">{t('reading.empty.title')}</p>
          <p className="empty-state__text">
            <Message id="reading.empty.text" values={{ key: <kbd>?</kbd> }} />
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className="reading-pane" aria-label={t('region.readingPane')}>
      <ThreadView key={thread.id} accountId={accountId} thread={thread} labelsById={labelsById} focusMessageId={focusMessageId} onBack={onBack} />
    </section>
  );
}

interface ThreadViewProps {
  readonly accountId: string;
  readonly thread: ThreadDetail;
  readonly labelsById: ReadonlyMap<string, LabelSummary>;
  readonly focusMessageId: string | null;
  readonly onBack: () => void;
}

function ThreadView({ accountId, thread, labelsById, focusMessageId, onBack }: ThreadViewProps) {
  const t = useT();
  const format = useFormat();
  const initial = useMemo(() => {
    const open = new Set<string>();
    const last = thread.messages[thread.messages.length - 1];
    // Older messages start collapsed (unread ones show in bold); the newest is open.
    if (last) open.add(last.id);
    if (focusMessageId) open.add(focusMessageId);
    return open;
  }, [thread, focusMessageId]);
  const [expanded, setExpanded] = useState<Set<string>>(initial);
  const [allowedMessages, setAllowedMessages] = useState<Set<string>>(() => new Set());
  const [trustedSenders, setTrustedSenders] = usePreference<string[]>('imagesFromSenders', []);

  // n/p move the focus: that message opens (if folded) and scrolls into view.
  const [focusSeen, setFocusSeen] = useState(focusMessageId);
  if (focusMessageId !== focusSeen) {
    setFocusSeen(focusMessageId);
    if (focusMessageId && !expanded.has(focusMessageId)) setExpanded(new Set(expanded).add(focusMessageId));
  }
  useEffect(() => {
    if (!focusMessageId) return;
    document.getElementById(`message-${focusMessageId}`)?.scrollIntoView({ block: 'start' });
  }, [focusMessageId]);

  const labels = useMemo(() => {
    const ids = new Set(thread.messages.flatMap((m) => m.labelIds));
    return [...ids].map((id) => labelsById.get(id)).filter((l): l is LabelSummary => l?.type === 'user');
  }, [thread, labelsById]);
  const starred = thread.messages.some((m) => m.starred);
  // Long conversations: the collapsed messages between the first and the last two fold
  // into one "N older messages" line, as in Gmail.
  const [revealed, setRevealed] = useState(false);
  const hidden = useMemo(() => {
    const out = new Set<number>();
    if (revealed) return out;
    const last = thread.messages.length - 1;
    thread.messages.forEach((m, i) => {
      if (i > 0 && i < last - 1 && !expanded.has(m.id)) out.add(i);
    });
    return out.size >= 3 ? out : new Set<number>();
  }, [revealed, thread, expanded]);
  const firstHidden = hidden.size > 0 ? Math.min(...hidden) : -1;
  const allOpen = expanded.size >= thread.messages.length;

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <article className="thread" aria-label={thread.subject || t('list.noSubject')} data-testid="thread">
      <header className="thread__header">
        <button type="button" className="icon-button thread__back" onClick={onBack} aria-label={t('reading.back')} title={t('reading.back')}>
          <ArrowLeftIcon size={16} />
        </button>
        <div className="thread__heading">
          <h1 className="thread__subject">{stripBidi(thread.subject) || t('list.noSubject')}</h1>
          <div className="thread__chips">
            {starred ? <StarIcon size={14} className="row__star" /> : null}
            {labels.map((l) => (
              <span
                key={l.id}
                className="chip"
                style={l.color ? { background: l.color.backgroundColor, color: l.color.textColor, borderColor: 'transparent' } : undefined}
              >
                {l.name}
              </span>
            ))}
            <span className="thread__count">{t('reading.messageCount', { count: thread.messages.length })}</span>
          </div>
        </div>
        {thread.messages.length > 1 ? (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => {
              setRevealed(true);
              setExpanded(allOpen ? new Set(initial) : new Set(thread.messages.map((m) => m.id)));
            }}
            data-testid="expand-all"
          >
            <ExpandIcon size={14} /> {allOpen ? t('reading.collapse') : t('reading.expandAll')}
          </button>
        ) : null}
      </header>
      <div className="thread__messages">
        {thread.messages.map((message, index) =>
          hidden.has(index) ? (
            index === firstHidden ? (
              <button key="more" type="button" className="thread__more" onClick={() => setRevealed(true)} data-testid="show-older">
                <span className="thread__more-line" aria-hidden="true" />
                <span className="thread__more-pill">{t('reading.older', { count: hidden.size })}</span>
                <span className="thread__more-line" aria-hidden="true" />
              </button>
            ) : null
          ) : expanded.has(message.id) ? (
            <MessageCard
              key={message.id}
              focused={message.id === focusMessageId}
              accountId={accountId}
              message={message}
              allowRemote={allowedMessages.has(message.id) || trustedSenders.includes(message.from.email.toLowerCase())}
              onCollapse={thread.messages.length > 1 ? () => toggle(message.id) : null}
              onShowImages={() => setAllowedMessages((prev) => new Set(prev).add(message.id))}
              onAlwaysShow={() => {
                const email = message.from.email.toLowerCase();
                if (email) setTrustedSenders((prev) => (prev.includes(email) ? prev : [...prev, email]));
              }}
            />
          ) : (
            <button
              key={message.id}
              type="button"
              className={`message-collapsed ${message.unread ? 'message-collapsed--unread' : ''}`}
              onClick={() => toggle(message.id)}
              aria-expanded={false}
              data-testid="message-collapsed"
            >
              <Avatar name={message.from.name} email={message.from.email} size={26} />
              <span className="message-collapsed__from">{displayName(message.from)}</span>
              <span className="message-collapsed__snippet">{message.snippet}</span>
              {message.hasAttachment ? <PaperclipIcon size={13} /> : null}
              <span className="message-collapsed__date">{format.listDate(message.internalDate)}</span>
            </button>
          ),
        )}
      </div>
    </article>
  );
}
