import type { AttachmentPreview } from '../../../common/ipc';
import { CloseIcon } from './icons';
import { useT } from '../i18n/useLocale';
import { Dialog } from './Dialog';

/**
 * An image attachment shown inside the app. It is a data: URL drawn by <img>, which runs no
 * code (SVG is never previewed), so it is as inert as a mail's own images.
 */
export function AttachmentViewer({ name, image, onClose }: { name: string; image: AttachmentPreview; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog className="dialog dialog--viewer" testId="attachment-viewer" label={name} onClose={onClose}>
      <header className="dialog__header">
        <h2 className="viewer__name">{name}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('shortcuts.close')}>
          <CloseIcon size={16} />
        </button>
      </header>
      <div className="viewer__body">
        <img src={image.dataUrl} alt={name} className="viewer__image" />
      </div>
    </Dialog>
  );
}
