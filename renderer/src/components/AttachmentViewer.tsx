import { useEffect, useRef } from 'react';
import type { AttachmentPreview } from '../../../common/ipc';
import { CloseIcon } from './icons';
import { useT } from '../i18n/useLocale';

/**
 * An image attachment shown inside the app. It is a data: URL drawn by <img>, which runs no
 * code (SVG is never previewed), so it is as inert as a mail's own images.
 */
export function AttachmentViewer({ name, image, onClose }: { name: string; image: AttachmentPreview; onClose: () => void }) {
  const t = useT();
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
        className="dialog dialog--viewer"
        role="dialog"
        aria-modal="true"
        aria-label={name}
        tabIndex={-1}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
        data-testid="attachment-viewer"
      >
        <header className="dialog__header">
          <h2 className="viewer__name">{name}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('shortcuts.close')}>
            <CloseIcon size={16} />
          </button>
        </header>
        <div className="viewer__body">
          <img src={image.dataUrl} alt={name} className="viewer__image" />
        </div>
      </div>
    </div>
  );
}
