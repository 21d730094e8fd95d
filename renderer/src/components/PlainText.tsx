import { skimmer } from '../api';
import { normalizeOpenableUrl } from '../lib/link-safety';
import { linkify } from '../lib/linkify';
import '../styles/mail-body.css';

function Linked({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((part, i) =>
        part.kind === 'text' ? (
          <span key={i}>{part.text}</span>
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

/** Splits text into runs of ordinary lines and of quoted ("> ") lines. */
function blocks(text: string): { quoted: boolean; text: string }[] {
  const out: { quoted: boolean; text: string }[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const quoted = /^\s*>/.test(line);
    const last = out[out.length - 1];
    if (last && last.quoted === quoted) last.text += `\n${line}`;
    else out.push({ quoted, text: line });
  }
  return out;
}

/** A text/plain body: wrapped, quotes set apart, links open in the system browser. */
export function PlainText({ text }: { text: string }) {
  return (
    <div className="plain-text" data-testid="plain-text">
      {blocks(text).map((block, i) =>
        block.quoted ? (
          <div key={i} className="plain-text__quote">
            <Linked text={block.text} />
          </div>
        ) : (
          <span key={i}>
            <Linked text={block.text} />
            {'\n'}
          </span>
        ),
      )}
    </div>
  );
}
