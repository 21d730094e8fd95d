import { SHORTCUTS, strokeLabels } from '../keyboard/keymap';
import { useT } from '../i18n/useLocale';
import { Dialog, DialogHeader } from './Dialog';

/** The `?` help, drawn from the same table the key handler reads. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog className="dialog" testId="shortcut-help" labelledBy="shortcuts-title" onClose={onClose} closesOn={(e) => e.code === 'Slash' && e.shiftKey}>
      <DialogHeader titleId="shortcuts-title" title={t('shortcuts.title')} onClose={onClose} />
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
