import { createContext, useContext } from 'react';
import { splitHighlights, type HighlightTerm } from '../lib/highlight';

/** The open search's words, for the list's snippets and the open message. */
export const HighlightContext = createContext<readonly HighlightTerm[]>([]);

export function useHighlightTerms(): readonly HighlightTerm[] {
  return useContext(HighlightContext);
}

/** Text with the search's matches in <mark>. */
export function Highlighted({ text }: { readonly text: string }) {
  const terms = useHighlightTerms();
  const parts = splitHighlights(text, terms);
  if (parts.length === 1 && !parts[0]!.hit) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="hit">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
