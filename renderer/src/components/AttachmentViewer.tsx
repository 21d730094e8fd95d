import { lazy, Suspense } from 'react';
import type { AttachmentPreview } from '../../../common/ipc';
import { CloseIcon, DownloadIcon, ExternalIcon } from './icons';
import { useT } from '../i18n/useLocale';
import { Dialog } from './Dialog';

// pdf.js is a chunk of its own, loaded the first time a PDF is previewed.
const PdfPreview = lazy(() => import('./PdfPreview'));

interface AttachmentViewerProps {
  readonly name: string;
  readonly preview: AttachmentPreview;
  readonly onClose: () => void;
  readonly onSave: () => void;
  readonly onOpen: () => void;
}

/**
 * An attachment shown inside the app. An image is a data: URL drawn by <img>, which runs no
 * code (SVG is never previewed), so it is as inert as a mail's own images; a PDF is drawn on
 * canvases by pdf.js with everything that could run or navigate left out (lib/pdf-document.ts).
 */
export function AttachmentViewer({ name, preview, onClose, onSave, onOpen }: AttachmentViewerProps) {
  const t = useT();
  return (
    <Dialog className={`dialog dialog--viewer dialog--viewer-${preview.kind}`} testId="attachment-viewer" label={name} onClose={onClose}>
      <header className="dialog__header viewer__header">
        <h2 className="viewer__name" title={name}>
          {name}
        </h2>
        <span className="viewer__actions">
          <button type="button" className="icon-button" onClick={onOpen} aria-label={t('attachments.openLabel', { name })} title={t('attachments.openTitle')}>
            <ExternalIcon size={16} />
          </button>
          <button type="button" className="icon-button" onClick={onSave} aria-label={t('attachments.saveLabel', { name })} title={t('attachments.saveTitle')}>
            <DownloadIcon size={16} />
          </button>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('shortcuts.close')}>
            <CloseIcon size={16} />
          </button>
        </span>
      </header>
      {preview.kind === 'pdf' ? (
        <Suspense fallback={<p className="pdf__status">{t('pdf.loading')}</p>}>
          <PdfPreview dataUrl={preview.dataUrl} onSave={onSave} onOpen={onOpen} />
        </Suspense>
      ) : (
        <div className="viewer__body">
          <img src={preview.dataUrl} alt={name} className="viewer__image" />
        </div>
      )}
    </Dialog>
  );
}
