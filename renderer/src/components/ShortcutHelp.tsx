import { SHORTCUTS, strokeLabels } from '../keyboard/keymap';
import { CloseIcon } from './icons';
import { useT } from '../i18n/useLocale';
import { Dialog } from './Dialog';

/** The `?` help, drawn from the same table the key handler reads. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog className="dialog" testId="shortcut-help" labelledBy="shortcuts-title" onClose={onClose} closesOn={(e) => e.code === 'Slash' && e.shiftKey}>
      <header className="dialog__header">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('shortcuts.close')}>
          <CloseIcon size={16} />
        </button>
      </header>
      <dl className="shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} className="shortcuts__row" data-action={shortcut.action}>
            <dt>
              {shortcut.keys.map((sequence, alt) => (
                <span key={alt}>
                  {alt > 0 ? <span className="shortcuts__then">{t('shortcuts.or')}</span> : null}
                  {strokeLabels(sequence).map((label, i) => (
                    <span key={`${label}-${i}`}>
                      {i > 0 ? <span className="shortcuts__then">{t('shortcuts.then')}</span> : null}
                      <kbd>{label}</kbd>
                    </span>
                  ))}
                </span>
              ))}
            </dt>
            <dd>{t(shortcut.description)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
