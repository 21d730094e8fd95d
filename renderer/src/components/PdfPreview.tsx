import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { dataUrlBytes, openPdf, PdfOpenError, type PdfFailure } from '../lib/pdf-document';
import { useT } from '../i18n/useLocale';
import { PdfPages } from './PdfPages';

interface PdfPreviewProps {
  readonly dataUrl: string;
  readonly onSave: () => void;
  readonly onOpen: () => void;
}

/**
 * Loads the document, then shows its pages; a broken or locked file says so (never a blank
 * dialog) with Save and Open right under the message, the ways left to read it.
 */
export default function PdfPreview({ dataUrl, onSave, onOpen }: PdfPreviewProps) {
  const t = useT();
  const [state, setState] = useState<{ doc: PDFDocumentProxy } | { failure: PdfFailure } | null>(null);

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(dataUrlBytes(dataUrl)).then(
      (doc) => {
        opened = doc;
        if (live) setState({ doc });
        else void doc.loadingTask.destroy();
      },
      (error: unknown) => live && setState({ failure: error instanceof PdfOpenError ? error.reason : 'corrupt' }),
    );
    return () => {
      live = false;
      void opened?.loadingTask.destroy();
    };
  }, [dataUrl]);

  if (!state) {
    return (
      <p className="pdf__status" role="status">
        {t('pdf.loading')}
      </p>
    );
  }
  if ('failure' in state) {
    return (
      <div className="pdf__failure" role="alert" data-testid="pdf-error">
        <p className="pdf__status">{t(state.failure === 'encrypted' ? 'pdf.encrypted' : 'pdf.corrupt')}</p>
        <div className="pdf__failure-actions">
          <button type="button" className="button button--secondary button--small" onClick={onSave}>
            {t('attachments.saveTitle')}
          </button>
          <button type="button" className="button button--primary button--small" onClick={onOpen}>
            {t('attachments.openTitle')}
          </button>
        </div>
      </div>
    );
  }
  return <PdfPages doc={state.doc} />;
}
