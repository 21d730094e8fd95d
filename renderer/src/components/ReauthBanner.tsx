import { useT } from '../i18n/useLocale';

/** "Sign in again" for an account whose access ended; `flush` above the list, else inside it. */
export function ReauthBanner({ onReauth, flush = false }: { readonly onReauth: () => void; readonly flush?: boolean }) {
  const t = useT();
  return (
    <div className={`banner banner--warning ${flush ? 'banner--flush' : ''}`} role="alert" data-testid="reauth-banner">
      <span>{t('app.reauth')}</span>
      <button type="button" className="button button--small button--primary" onClick={onReauth}>
        {t('app.signInAgain')}
      </button>
    </div>
  );
}
