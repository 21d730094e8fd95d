import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useT } from '../i18n/useLocale';
import { CloseIcon } from './icons';

interface DialogProps {
  readonly className: string;
  readonly testId: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly role?: 'dialog' | 'alertdialog';
  readonly labelledBy?: string;
  readonly describedBy?: string;
  readonly label?: string;
  /** Keys besides Escape that close it (the `?` help closes on `?`). */
  readonly closesOn?: (event: KeyboardEvent) => boolean;
  /** What takes the focus when it opens (default: the dialog itself). */
  readonly initialFocus?: RefObject<HTMLElement | null>;
}

/**
 * A modal over the app: a click outside or Escape closes it, and the focus it took goes back
 * where it was when it closes. Settings, the shortcut help, the attachment viewer and the
 * confirmation share this shell.
 */
export function Dialog({ className, testId, onClose, children, role = 'dialog', labelledBy, describedBy, label, closesOn, initialFocus }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    (initialFocus?.current ?? ref.current)?.focus();
    return () => previous?.focus?.();
  }, [initialFocus]);
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div
        ref={ref}
        className={className}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-label={label}
        tabIndex={-1}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || closesOn?.(e)) {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
        data-testid={testId}
      >
        {children}
      </div>
    </div>
  );
}

/** A dialog's title (its id is what the dialog's `labelledBy` names) and its close button. */
export function DialogHeader({ titleId, title, onClose }: { titleId: string; title: string; onClose: () => void }) {
  const t = useT();
  return (
    <header className="dialog__header">
      <h2 id={titleId}>{title}</h2>
      <button type="button" className="icon-button" onClick={onClose} aria-label={t('shortcuts.close')}>
        <CloseIcon size={16} />
      </button>
    </header>
  );
}
