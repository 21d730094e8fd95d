import { useState } from 'react';
import { skimmer } from '../api';
import { normalizeOpenableUrl } from '../lib/link-safety';
import { linkify } from '../lib/linkify';
import { splitPlainText } from '../lib/quote-fold';
import { Highlighted } from './Highlighted';
import { QuoteToggle } from './QuoteToggle';
import '../styles/mail-body.css';

function Linked({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((part, i) =>
        part.kind === 'text' ? (
          <span key={i}>
            <Highlighted text={part.text} />
          </span>
        ) : (
          <a
            key={i}
            href={part.href}
            onClick={(event) => {
              event.preventDefault();
              const target = normalizeOpenableUrl(part.href);
              if (target) void skimmer().openExternal(target);
            }}
            rel="noopener noreferrer"
          >
            {part.text}
          </a>
        ),
      )}
    </>
  );
}

/** A text/plain body: wrapped, quotes and signature folded behind "…", links open in the system browser. */
export function PlainText({ text }: { text: string }) {
  const [showQuotes, setShowQuotes] = useState(false);
  const segments = splitPlainText(text);
  const foldable = segments.some((s) => s.kind === 'quote');
  return (
    <div className="plain-text" data-testid="plain-text">
      {segments.map((segment, i) =>
        segment.kind === 'quote' ? (
          showQuotes ? (
            <div key={i} className="plain-text__quote" data-testid="quoted-text">
              <Linked text={segment.text} />
            </div>
          ) : null
        ) : (
          <span key={i}>
            <Linked text={segment.text} />
            {'\n'}
          </span>
        ),
      )}
      {foldable ? <QuoteToggle open={showQuotes} onToggle={() => setShowQuotes(!showQuotes)} /> : null}
    </div>
  );
}
