import { KeyboardIcon, SearchIcon, SettingsIcon } from './icons';
import { SearchBox, type SearchBoxProps } from './SearchBox';
import { useT } from '../i18n/useLocale';
import '../styles/titlebar.css';

interface TitleBarProps {
  /** Absent before sign-in: the box shows, disabled, so the frame does not jump after. */
  readonly search?: SearchBoxProps;
  readonly onHelp?: () => void;
  readonly onSettings?: () => void;
}

/** The draggable top strip: app name, the search box, settings and help. The only title bar. */
export function TitleBar({ search, onHelp, onSettings }: TitleBarProps) {
  const t = useT();
  return (
    <header className="titlebar window-bar" role="banner">
      <div className="titlebar__brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="titlebar__name">{t('app.name')}</span>
      </div>
      {search ? (
        <SearchBox {...search} />
      ) : (
        <div className="titlebar__search">
          <div className="search search--disabled">
            <SearchIcon size={16} className="search__icon" />
            <input type="text" aria-label={t('search.label')} placeholder={t('search.signedOut')} disabled />
          </div>
        </div>
      )}
      <div className="titlebar__actions">
        {onSettings ? (
          <button
            type="button"
            className="icon-button"
            onClick={onSettings}
            aria-label={t('titlebar.settings')}
            title={t('titlebar.settings')}
            data-testid="settings-button"
          >
            <SettingsIcon size={18} />
          </button>
        ) : null}
        {onHelp ? (
          <button type="button" className="icon-button" onClick={onHelp} aria-label={t('search.shortcuts')} title={t('search.shortcuts')}>
            <KeyboardIcon size={18} />
          </button>
        ) : null}
      </div>
    </header>
  );
}
