import { useCallback, useEffect, useMemo, useState } from 'react';
import type { IpcError } from '../../../common/ipc';
import type { LabelSummary, MessageDetail, ThreadDetail } from '../../../common/mail-types';
import { errorMessage } from '../lib/errors';
import { displayName, formatFullDate, formatListDate, fullAddress } from '../lib/format';
import { stripBidi } from '../lib/link-safety';
import { usePreference } from '../state/preferences';
import { Attachments } from './Attachments';
import { Avatar } from './Avatar';
import { ArrowLeftIcon, ExpandIcon, EyeOffIcon, MailOpenIcon, PaperclipIcon, RefreshIcon, StarIcon } from './icons';
import { MailFrame } from './MailFrame';
import { PlainText } from './PlainText';
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
  if (loading) {
    return (
      <section className="reading-pane" aria-label="Reading pane" aria-busy="true">
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
      <section className="reading-pane" aria-label="Reading pane">
        <div className="empty-state" role="alert">
          <p className="empty-state__title">Couldn&apos;t open this conversation</p>
          <p className="empty-state__text">{errorMessage(error)}</p>
          <button type="button" className="button button--secondary button--small" onClick={onRetry}>
            <RefreshIcon size={14} /> Retry
          </button>
        </div>
      </section>
    );
  }
  if (!thread || !accountId) {
    return (
      <section className="reading-pane" aria-label="Reading pane">
        <div className="empty-state">
          <MailOpenIcon size={40} className="empty-state__icon" />
          <p className="empty-state__title">Nothing selected</p>
          <p className="empty-state__text">
            Pick a conversation to read it here. Press <kbd>?</kbd> for shortcuts.
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className="reading-pane" aria-label="Reading pane">
      <ThreadView
        key={thread.id}
        accountId={accountId}
        thread={thread}
        labelsById={labelsById}
        focusMessageId={focusMessageId}
        onBack={onBack}
      />
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
    <article className="thread" aria-label={thread.subject || '(no subject)'} data-testid="thread">
      <header className="thread__header">
        <button type="button" className="icon-button thread__back" onClick={onBack} aria-label="Back to list (u)" title="Back to list (u)">
          <ArrowLeftIcon size={16} />
        </button>
        <div className="thread__heading">
          <h1 className="thread__subject">{stripBidi(thread.subject) || '(no subject)'}</h1>
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
            <span className="thread__count">
              {thread.messages.length} {thread.messages.length === 1 ? 'message' : 'messages'}
            </span>
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
            <ExpandIcon size={14} /> {allOpen ? 'Collapse' : 'Expand all'}
          </button>
        ) : null}
      </header>
      <div className="thread__messages">
        {thread.messages.map((message, index) =>
          hidden.has(index) ? (
            index === firstHidden ? (
              <button
                key="more"
                type="button"
                className="thread__more"
                onClick={() => setRevealed(true)}
                data-testid="show-older"
              >
                <span className="thread__more-line" aria-hidden="true" />
                <span className="thread__more-pill">{hidden.size} older messages</span>
                <span className="thread__more-line" aria-hidden="true" />
              </button>
            ) : null
          ) : expanded.has(message.id) ? (
            <MessageCard
              key={message.id}
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
              <span className="message-collapsed__date">{formatListDate(message.internalDate)}</span>
            </button>
          ),
        )}
      </div>
    </article>
  );
}

interface MessageCardProps {
  readonly accountId: string;
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

function MessageCard({ accountId, message, allowRemote, onCollapse, onShowImages, onAlwaysShow }: MessageCardProps) {
  const [blocked, setBlocked] = useState(0);
  const onBlockedCount = useCallback((n: number) => setBlocked(n), []);
  const [showDetails, setShowDetails] = useState(false);
  const hasHtml = message.html !== null && message.html.trim().length > 0;
  const attachments = message.attachments.filter((a) => !a.inline || (a.filename && !a.contentId));

  return (
    <section className="message-card" id={`message-${message.id}`} aria-label={`Message from ${displayName(message.from)}`} data-testid="message" data-message-id={message.id}>
      <header
        className={`message-card__header ${onCollapse ? 'message-card__header--clickable' : ''}`}
        onClick={(e) => {
          if (onCollapse && !(e.target as HTMLElement).closest('button, a')) onCollapse();
        }}
      >
        <Avatar name={message.from.name} email={message.from.email} size={36} />
        <div className="message-card__who">
          <div className="message-card__from">
            <span className="message-card__name">{displayName(message.from)}</span>
            <span className="message-card__email">&lt;{message.from.email}&gt;</span>
          </div>
          <button type="button" className="message-card__to" onClick={() => setShowDetails(!showDetails)} aria-expanded={showDetails}>
            to {message.to.length > 0 ? message.to.map((a) => displayName(a)).join(', ') : '(no recipients)'}
            {message.cc.length > 0 ? `, cc ${message.cc.map((a) => displayName(a)).join(', ')}` : ''}
          </button>
        </div>
        <time className="message-card__date" dateTime={new Date(message.internalDate).toISOString()} title={message.date}>
          {formatFullDate(message.internalDate)}
        </time>
      </header>
      {showDetails ? (
        <div className="message-card__details" data-testid="message-details">
          <AddressLine label="From" list={[message.from]} />
          <AddressLine label="To" list={message.to} />
          <AddressLine label="Cc" list={message.cc} />
          <AddressLine label="Bcc" list={message.bcc} />
          <AddressLine label="Reply-To" list={message.replyTo} />
          <div className="message-card__addr">
            <span className="message-card__addr-label">Date</span>
            <span className="message-card__addr-list">{message.date || formatFullDate(message.internalDate)}</span>
          </div>
          {message.listId ? (
            <div className="message-card__addr">
              <span className="message-card__addr-label">List</span>
              <span className="message-card__addr-list">{message.listId}</span>
            </div>
          ) : null}
        </div>
      ) : null}
      {hasHtml && blocked > 0 && !allowRemote ? (
        <div className="images-bar" data-testid="images-bar">
          <EyeOffIcon size={16} />
          <span>
            Remote images are hidden to protect your privacy{blocked > 1 ? ` (${blocked})` : ''}.
          </span>
          <button type="button" className="button button--small button--secondary" onClick={onShowImages}>
            Show images
          </button>
          {message.from.email ? (
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={onAlwaysShow}
              title={`Always show images from ${message.from.email}`}
            >
              Always for this sender
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="message-card__body">
        {hasHtml ? (
          <MailFrame
            html={message.html ?? ''}
            text={message.text ?? message.snippet}
            allowRemote={allowRemote}
            onBlockedCount={onBlockedCount}
            title={`Message body: ${message.subject || '(no subject)'}`}
          />
        ) : message.text ? (
          <PlainText text={message.text} />
        ) : (
          <p className="message-card__empty">{message.snippet || 'This message has no text.'}</p>
        )}
      </div>
      <Attachments accountId={accountId} messageId={message.id} attachments={attachments} />
    </section>
  );
}
