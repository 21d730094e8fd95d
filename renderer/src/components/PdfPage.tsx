import { useEffect, useRef, useState, type RefObject } from 'react';
import { AnnotationMode, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { useT } from '../i18n/useLocale';

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

interface PdfPageProps {
  readonly doc: PDFDocumentProxy;
  readonly number: number;
  readonly scale: number;
  /** The first page's size, for the placeholder until this page's own is known. */
  readonly guess: PageSize;
  readonly root: RefObject<HTMLDivElement | null>;
}

/** One page: a placeholder of the right size, drawn on a canvas once it is near the view. */
export function PdfPage({ doc, number, scale, guess, root }: PdfPageProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(number === 1);
  const [size, setSize] = useState<PageSize>(guess);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el || near) return undefined;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      root: root.current,
      rootMargin: '100% 0px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near, root]);

  useEffect(() => {
    if (!near) return undefined;
    let task: RenderTask | null = null;
    let live = true;
    void (async () => {
      try {
        const page = await doc.getPage(number);
        const base = page.getViewport({ scale: 1 });
        if (!live) return;
        setSize({ width: base.width, height: base.height });
        const viewport = page.getViewport({ scale: scale * window.devicePixelRatio });
        const el = canvas.current;
        if (!el) return;
        delete el.dataset.rendered;
        el.width = Math.floor(viewport.width);
        el.height = Math.floor(viewport.height);
        // Appearance streams are painted; no annotation layer, so links and forms stay inert.
        task = page.render({ canvas: el, viewport, annotationMode: AnnotationMode.ENABLE, background: '#ffffff' });
        await task.promise;
        if (live) el.dataset.rendered = 'true';
      } catch (error) {
        if (live && (error as Error)?.name !== 'RenderingCancelledException') setFailed(true);
      }
    })();
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, number, scale, near]);

  const width = Math.floor(size.width * scale);
  const height = Math.floor(size.height * scale);
  return (
    <div
      ref={box}
      className="pdf__page"
      data-page={number}
      style={{ width, height }}
      role="img"
      aria-label={failed ? t('pdf.pageFailed') : t('pdf.page', { page: number })}
    >
      <canvas ref={canvas} className="pdf__canvas" style={{ width, height }} data-testid="pdf-canvas" />
      {failed ? <p className="pdf__page-error">{t('pdf.pageFailed')}</p> : null}
    </div>
  );
}
