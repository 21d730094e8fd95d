/** The "…" that shows or hides the quoted part of a reply. */
export function QuoteToggle({ open, onToggle }: { readonly open: boolean; readonly onToggle: () => void }) {
  return (
    <button
      type="button"
      className="quote-toggle"
      aria-expanded={open}
      aria-label={open ? 'Hide quoted text' : 'Show quoted text'}
      title={open ? 'Hide quoted text' : 'Show quoted text'}
      onClick={onToggle}
      data-testid="quote-toggle"
    >
      …
    </button>
  );
}
