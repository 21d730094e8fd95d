import { useT } from '../i18n/useLocale';
/** The "…" that shows or hides the quoted part of a reply. */
export function QuoteToggle({ open, onToggle }: { readonly open: boolean; readonly onToggle: () => void }) {
  const t = useT();
  return (
    <button
      type="button"
      className="quote-toggle"
      aria-expanded={open}
      aria-label={open ? t('reading.quote.hide') : t('reading.quote.show')}
      title={open ? t('reading.quote.hide') : t('reading.quote.show')}
      onClick={onToggle}
      data-testid="quote-toggle"
    >
      …
    </button>
  );
}
