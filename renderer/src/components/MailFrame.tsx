import { useEffect, useMemo, useRef, useState } from 'react';
import { htmlToText } from '../../../common/html-text';
import { skimmer } from '../api';
import { normalizeOpenableUrl } from '../lib/link-safety';
import { markDocument } from '../lib/highlight';
import { buildFrameDocument } from '../lib/mail-frame-doc';
import { hasFoldableQuote } from '../lib/quote-fold';
import { sanitizeMailHtml } from '../lib/sanitize-mail';
import { useHighlightTerms } from './Highlighted';
import { QuoteToggle } from './QuoteToggle';
import { useT } from '../i18n/useLocale';
import { errorMessage } from '../lib/errors';
import type { SaveBodyOutcome } from '../lib/save-body';
import '../styles/mail-body.css';

interface MailFrameProps {
  readonly html: string;
  /** The plain text part, shown when the HTML is too large to sanitise. */
  readonly text?: string;
  readonly allowRemote: boolean;
  readonly onBlockedCount?: (count: number) => void;
  readonly title: string;
  /** Saves the body through main's save dialog (offered when it is too large to display). */
  readonly onSaveBody?: () => Promise<SaveBodyOutcome>;
}

/** Newsletters wider than this share of the pane scroll sideways inside the frame instead. */
const MIN_SCALE = 0.6;

/**
 * Mail laid out for a fixed width (a 600 px newsletter table) must not be clipped: scale it
 * down to the frame's width, or past MIN_SCALE let it scroll sideways inside the frame.
 * Returns the height the frame needs to show all of it.
 */
function fitToWidth(frame: HTMLIFrameElement, inner: Document): number {
  const root = inner.documentElement;
  const available = frame.clientWidth;
  root.style.zoom = '';
  const natural = root.scrollWidth;
  if (available > 0 && natural > available + 1) root.style.zoom = String(Math.max(MIN_SCALE, available / natural));
  const wide = root.scrollWidth > available + 1;
  if (inner.body) inner.body.dataset.skimmerScroll = wide ? 'x' : '';
  root.style.overflowX = wide ? 'auto' : 'hidden';
  const h = Math.ceil(root.getBoundingClientRect().height) + (wide ? 16 : 0);
  return Math.min(Math.max(h, 40), 200_000);
}

/**
 * One message body in a sandboxed frame.
 *
 * sandbox="allow-same-origin" and nothing else: no script can run in the frame (no
 * allow-scripts), it can't navigate the app, open popups or submit forms. Same-origin
 * is granted only so the app (never the mail) can read the frame's height and catch
 * link clicks: with scripts off, the mail itself gains nothing from it. Links then go to
 * the system browser through openExternal after an http(s) check.
 */
export function MailFrame({ html, text, allowRemote, onBlockedCount, title, onSaveBody }: MailFrameProps) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(120);
  const [foldable, setFoldable] = useState(false);
  const [showQuotes, setShowQuotes] = useState(false);
  const terms = useHighlightTerms();
  const sanitized = useMemo(() => sanitizeMailHtml(html, allowRemote), [html, allowRemote]);
  const doc = useMemo(() => buildFrameDocument(sanitized.html, { allowRemote, theme: 'light' }), [sanitized.html, allowRemote]);

  useEffect(() => {
    onBlockedCount?.(sanitized.blockedRemote);
  }, [sanitized.blockedRemote, onBlockedCount]);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    let observer: ResizeObserver | null = null;
    let detach: (() => void) | null = null;
    const attach = () => {
      detach?.();
      observer?.disconnect();
      const inner = frame.contentDocument;
      if (!inner || !inner.documentElement) return;
      const measure = () => setHeight(fitToWidth(frame, inner));
      markDocument(inner, terms);
      const folds = hasFoldableQuote(inner);
      setFoldable(folds);
      // Nothing of its own to show: leave the quote open rather than fold the whole message.
      inner.documentElement.classList.toggle('skimmer-show-quotes', !folds);
      measure();
      observer = new ResizeObserver(measure);
      observer.observe(frame);
      observer.observe(inner.documentElement);
      if (inner.body) observer.observe(inner.body);
      const onClick = (event: MouseEvent) => {
        const target = event.target as Element | null;
        const anchor = target?.closest?.('a');
        if (!anchor) return;
        event.preventDefault();
        event.stopPropagation();
        // Only the normalised URL that passed the check leaves the app.
        const openable = normalizeOpenableUrl(anchor.getAttribute('href') ?? '');
        if (openable) void skimmer().openExternal(openable);
      };
      // Middle clicks and form-less submits: nothing in the frame may navigate.
      const onAux = (event: MouseEvent) => {
        if ((event.target as Element | null)?.closest?.('a')) event.preventDefault();
      };
      inner.addEventListener('click', onClick, true);
      inner.addEventListener('auxclick', onAux, true);
      detach = () => {
        inner.removeEventListener('click', onClick, true);
        inner.removeEventListener('auxclick', onAux, true);
      };
    };
    frame.addEventListener('load', attach);
    if (frame.contentDocument?.readyState === 'complete' && frame.contentDocument.body?.childNodes.length) attach();
    return () => {
      frame.removeEventListener('load', attach);
      detach?.();
      observer?.disconnect();
    };
  }, [doc, terms]);

  useEffect(() => {
    const inner = frameRef.current?.contentDocument;
    if (foldable && inner?.documentElement) inner.documentElement.classList.toggle('skimmer-show-quotes', showQuotes);
  }, [foldable, showQuotes]);

  if (sanitized.tooLarge) return <TooLarge html={html} text={text ?? ''} onSave={onSaveBody} />;
  return (
    <>
      <iframe
        ref={frameRef}
        className="mail-frame"
        title={title}
        sandbox="allow-same-origin"
        srcDoc={doc}
        referrerPolicy="no-referrer"
        style={{ height }}
        data-testid="mail-frame"
        data-remote={allowRemote ? 'allowed' : 'blocked'}
      />
      {foldable ? <QuoteToggle open={showQuotes} onToggle={() => setShowQuotes(!showQuotes)} /> : null}
    </>
  );
}

/** A mail too large to sanitise on the window's thread: its text, and a way to save it. */
function TooLarge({ html, text, onSave }: { html: string; text: string; onSave?: () => Promise<SaveBodyOutcome> }) {
  const t = useT();
  // Only the head of a huge body is turned into text (a linear scan, no parse): the view must appear at once.
  const plain = useMemo(() => (text.trim() ? text : htmlToText(html.slice(0, 400_000))).slice(0, 100_000), [html, text]);
  const [saveState, setSaveState] = useState('');
  const save = async () => {
    if (!onSave) return;
    setSaveState(t('mail.saving'));
    const outcome = await onSave();
    setSaveState(
      outcome.kind === 'saved' ? t('attachments.savedAs', { name: outcome.fileName }) : outcome.kind === 'failed' ? errorMessage(outcome.error, t) : '',
    );
  };
  return (
    <div className="mail-too-large" data-testid="mail-too-large">
      <p>{t('mail.tooLarge')}</p>
      {onSave ? (
        <p>
          <button type="button" className="button button--small button--secondary" onClick={() => void save()} data-testid="save-body">
            {t('mail.save')}
          </button>{' '}
          <span role="status" data-testid="save-body-status">
            {saveState}
          </span>
        </p>
      ) : null}
      <div className="mail-too-large__text" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="too-large-text">
        {plain}
      </div>
    </div>
  );
}
