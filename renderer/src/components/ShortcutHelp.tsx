import { useEffect, useRef } from 'react';
import { CloseIcon } from './icons';

export const SHORTCUTS: readonly (readonly [string[], string])[] = [
  [['j'], 'Next conversation'],
  [['k'], 'Previous conversation'],
  [['Enter', 'or', 'o'], 'Open'],
  [['u'], 'Back to the list'],
  [['/'], 'Search'],
  [['Esc'], 'Clear the search'],
  [['g', 'i'], 'Go to Inbox'],
  [['g', 's'], 'Go to Starred'],
  [['g', 't'], 'Go to Sent'],
  [['g', 'a'], 'Go to All Mail'],
  [['?'], 'Show this help'],
];

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        tabIndex={-1}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
        data-testid="shortcut-help"
      >
        <header className="dialog__header">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
            <CloseIcon size={16} />
          </button>
        </header>
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={`${keys.join('+')}-${what}`} className="shortcuts__row">
              <dt>
                {keys.map((k, i) =>
                  k === 'or' ? (
                    <span key={`or-${i}`} className="shortcuts__then">
                      or
                    </span>
                  ) : (
                    <span key={k}>
                      {i > 0 && keys[i - 1] !== 'or' ? <span className="shortcuts__then">then</span> : null}
                      <kbd>{k}</kbd>
                    </span>
                  ),
                )}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
