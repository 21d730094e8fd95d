import { useT } from '../i18n/useLocale';
/** What the reading pane shows before sign-in: a quiet preview of how Skimmer works. */
export function FeaturePeek() {
  const t = useT();
  return (
    <div className="peek" aria-label={t('peek.title')}>
      <div className="peek__card">
        <h2 className="peek__title">{t('peek.search.title')}</h2>
        <p className="peek__text">{t('peek.search.text')}</p>
        <ul className="peek__queries">
          <li>
            <code>from:ana has:attachment</code>
          </li>
          <li>
            <code>after:2024/01/01 label:work</code>
          </li>
          <li>
            <code>&quot;quarterly report&quot; -is:read</code>
          </li>
          <li>
            <code>larger:5M older_than:1y</code>
          </li>
        </ul>
      </div>
      <div className="peek__card">
        <h2 className="peek__title">{t('peek.keyboard.title')}</h2>
        <dl className="peek__keys">
          <div>
            <dt>
              <kbd>j</kbd> <kbd>k</kbd>
            </dt>
            <dd>{t('peek.keyboard.move')}</dd>
          </div>
          <div>
            <dt>
              <kbd>/</kbd>
            </dt>
            <dd>{t('peek.keyboard.search')}</dd>
          </div>
          <div>
            <dt>
              <kbd>?</kbd>
            </dt>
            <dd>{t('peek.keyboard.all')}</dd>
          </div>
        </dl>
      </div>
      <div className="peek__card">
        <h2 className="peek__title">{t('peek.private.title')}</h2>
        <p className="peek__text">{t('peek.private.text')}</p>
      </div>
    </div>
  );
}
