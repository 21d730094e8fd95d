import { useEffect, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { skimmer } from '../api';
import { activeToken, applySuggestion, suggest, type Suggestion } from '../lib/query-suggest';
import { ClockIcon, CloseIcon, SearchIcon } from './icons';
import { useT } from '../i18n/useLocale';

export interface SearchBoxProps {
  readonly query: string;
  readonly onQueryChange: (query: string) => void;
  readonly onCommit: (query: string) => void;
  readonly recent: readonly string[];
  readonly labelNames: readonly string[];
  readonly accountId: string | null;
  readonly inputRef: RefObject<HTMLInputElement | null>;
}

/** The search box with operator autocomplete and recent searches. */
export function SearchBox(props: SearchBoxProps) {
  const t = useT();
  const { query, onQueryChange, onCommit, recent, labelNames, accountId, inputRef } = props;
  const [focused, setFocused] = useState(false);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(-1);
  const [senders, setSenders] = useState<{ prefix: string; list: string[] }>({ prefix: '', list: [] });
  const [dismissed, setDismissed] = useState(false);
  const token = useMemo(() => activeToken(query, caret), [query, caret]);
  const needsSenders = token !== null && token.operator !== null && ['from', 'to', 'cc', 'bcc'].includes(token.operator);
  const senderPrefix = needsSenders ? token.partial : '';

  useEffect(() => {
    if (!needsSenders || !accountId) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void skimmer()
        .suggestSenders(accountId, senderPrefix)
        .then((reply) => {
          if (!cancelled && reply.ok) setSenders({ prefix: senderPrefix, list: reply.value });
        });
    }, 80);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [needsSenders, senderPrefix, accountId]);

  const suggestions: Suggestion[] = useMemo(() => {
    if (query.trim() === '') {
      return recent.map((r) => ({ insert: r, label: r, kind: 'recent' as const }));
    }
    return suggest(token, { labels: labelNames, senders: senders.list });
  }, [query, token, labelNames, senders.list, recent]);

  const open = focused && !dismissed && suggestions.length > 0;

  const apply = (s: Suggestion) => {
    if (s.kind === 'recent') {
      onQueryChange(s.insert);
      onCommit(s.insert);
      setCaret(s.insert.length);
      setDismissed(true);
      return;
    }
    if (!token) return;
    const next = applySuggestion(query, token, s);
    onQueryChange(next.query);
    setCaret(next.caret);
    setActive(-1);
    window.requestAnimationFrame(() => {
      const input = inputRef.current;
      if (input) {
        input.focus();
        input.setSelectionRange(next.caret, next.caret);
      }
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (open && active >= 0) {
        setDismissed(true);
        return;
      }
      onQueryChange('');
      setCaret(0);
      inputRef.current?.blur();
      return;
    }
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => {
        const next = i + delta;
        if (next >= suggestions.length) return -1;
        if (next < -1) return suggestions.length - 1;
        return next;
      });
      return;
    }
    if (open && active >= 0 && active < suggestions.length && (event.key === 'Enter' || event.key === 'Tab')) {
      event.preventDefault();
      apply(suggestions[active]!);
      return;
    }
    if (event.key === 'Tab' && open && suggestions.length > 0 && token && token.operator === null) {
      event.preventDefault();
      apply(suggestions[0]!);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      onCommit(query);
      setDismissed(true);
      inputRef.current?.blur();
      window.requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="message-list"]')?.focus());
    }
  };

  return (
    <div className="titlebar__search">
      <div className="search">
        <SearchIcon size={16} className="search__icon" />
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={open}
          aria-controls="search-suggestions"
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `suggestion-${active}` : undefined}
          placeholder={t('search.placeholder')}
          spellCheck={false}
          autoComplete="off"
          value={query}
          onChange={(e) => {
            onQueryChange(e.target.value);
            setCaret(e.target.selectionStart ?? e.target.value.length);
            setActive(-1);
            setDismissed(false);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onFocus={() => {
            setFocused(true);
            setDismissed(false);
          }}
          onBlur={() => window.setTimeout(() => setFocused(false), 120)}
          onKeyDown={onKeyDown}
          data-testid="search-input"
        />
        {query ? (
          <button
            type="button"
            className="search__clear"
            aria-label={t('search.clear')}
            onClick={() => {
              onQueryChange('');
              inputRef.current?.focus();
            }}
          >
            <CloseIcon size={14} />
          </button>
        ) : (
          <kbd className="search__kbd" aria-hidden="true">
            /
          </kbd>
        )}
      </div>
      {open ? (
        <ul className="suggestions popover" id="search-suggestions" role="listbox" aria-label={t('search.suggestions')} data-testid="suggestions">
          {query.trim() === '' ? (
            <li className="suggestions__heading" role="presentation">
              {t('search.recent')}
            </li>
          ) : null}
          {suggestions.map((s, i) => (
            <li
              key={`${s.kind}-${s.label}`}
              id={`suggestion-${i}`}
              role="option"
              aria-selected={i === active}
              className={`suggestions__item ${i === active ? 'suggestions__item--active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                apply(s);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {s.kind === 'recent' ? <ClockIcon size={14} className="suggestions__icon" /> : null}
              <span className="suggestions__label">{s.label}</span>
              {s.detail ? <span className="suggestions__detail">{t(s.detail)}</span> : null}
              {s.kind === 'sender' ? <span className="suggestions__detail">{t('search.kind.sender')}</span> : null}
              {s.kind === 'label' ? <span className="suggestions__detail">{t('search.kind.label')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
