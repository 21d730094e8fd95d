import { SearchIcon } from './icons';

interface TitleBarProps {
  readonly searchEnabled: boolean;
}

/** The draggable top strip: app name and the search box (enabled once mail is there). */
export function TitleBar({ searchEnabled }: TitleBarProps) {
  return (
    <header className="titlebar" role="banner">
      <div className="titlebar__brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="titlebar__name">Skimmer</span>
      </div>
      <div className="titlebar__search">
        <label className={`search ${searchEnabled ? '' : 'search--disabled'}`}>
          <SearchIcon size={16} className="search__icon" />
          <span className="visually-hidden">Search mail</span>
          <input
            type="search"
            placeholder={searchEnabled ? 'Search mail — from:, has:attachment, after:…' : 'Sign in to search your mail'}
            disabled={!searchEnabled}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
      </div>
      <div className="titlebar__spacer" />
    </header>
  );
}
