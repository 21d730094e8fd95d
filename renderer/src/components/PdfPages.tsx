import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useT } from '../i18n/useLocale';
import { PdfPage, type PageSize } from './PdfPage';

const ZOOM_STEP = 1.25;
const MIN_SCALE = 0.25;
const MAX_SCALE = 4;
/** Room left and right of the page inside the scroller (CSS padding plus a scrollbar). */
const SIDE_ROOM = 48;

/**
 * A PDF's pages as a scrolling column of canvases, fitted to the width unless zoomed; a page
 * is drawn when it comes near the view, so a long document costs only what is looked at.
 */
export function PdfPages({ doc }: { doc: PDFDocumentProxy }) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [firstSize, setFirstSize] = useState<PageSize | null>(null);
  const [fitWidth, setFitWidth] = useState(0);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [current, setCurrent] = useState(1);
  const pages = doc.numPages;

  useEffect(() => {
    let live = true;
    void doc.getPage(1).then((page) => {
      const viewport = page.getViewport({ scale: 1 });
      if (live) setFirstSize({ width: viewport.width, height: viewport.height });
    });
    return () => {
      live = false;
    };
  }, [doc]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    el.focus();
    const observer = new ResizeObserver(() => setFitWidth(el.clientWidth));
    observer.observe(el);
    setFitWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const fitScale = firstSize && fitWidth > 0 ? Math.max(MIN_SCALE, (fitWidth - SIDE_ROOM) / firstSize.width) : 1;
  const scale = zoom === 'fit' ? fitScale : zoom;

  const goTo = useCallback(
    (page: number) => {
      const target = Math.min(pages, Math.max(1, page));
      scroller.current?.querySelector<HTMLElement>(`[data-page="${target}"]`)?.scrollIntoView({ block: 'start' });
      setCurrent(target);
    },
    [pages],
  );

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    // The page that holds the line a third of the way down the view.
    const line = el.scrollTop + el.clientHeight / 3;
    let seen = 1;
    for (const node of el.querySelectorAll<HTMLElement>('[data-page]')) {
      if (node.offsetTop <= line) seen = Number(node.dataset.page);
      else break;
    }
    setCurrent(seen);
  };

  const zoomBy = (factor: number) => setZoom(Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor)));

  const onKeyDown = (event: KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      PageDown: () => goTo(current + 1),
      PageUp: () => goTo(current - 1),
      Home: () => goTo(1),
      End: () => goTo(pages),
      '+': () => zoomBy(ZOOM_STEP),
      '=': () => zoomBy(ZOOM_STEP),
      '-': () => zoomBy(1 / ZOOM_STEP),
      '0': () => setZoom('fit'),
    };
    const action = event.ctrlKey || event.metaKey || event.altKey ? undefined : actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  // aria-disabled, not disabled: a button that turns disabled drops the focus out of the dialog.
  return (
    <div className="pdf" onKeyDown={onKeyDown}>
      <div className="pdf__toolbar" role="toolbar" aria-label={t('pdf.toolbar')}>
        <button type="button" className="button button--secondary button--small" onClick={() => goTo(current - 1)} aria-disabled={current <= 1}>
          {t('pdf.previous')}
        </button>
        <span className="pdf__counter" data-testid="pdf-page-counter" aria-live="polite">
          {t('pdf.pageOf', { page: current, pages })}
        </span>
        <button type="button" className="button button--secondary button--small" onClick={() => goTo(current + 1)} aria-disabled={current >= pages}>
          {t('pdf.next')}
        </button>
        <span className="pdf__spacer" />
        <button type="button" className="button button--secondary button--small" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label={t('pdf.zoomOut')}>
          −
        </button>
        <span className="pdf__zoom">{Math.round(scale * 100)}%</span>
        <button type="button" className="button button--secondary button--small" onClick={() => zoomBy(ZOOM_STEP)} aria-label={t('pdf.zoomIn')}>
          +
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
          {t('pdf.fitWidth')}
        </button>
      </div>
      <div ref={scroller} className="pdf__pages" tabIndex={0} onScroll={onScroll} data-testid="pdf-pages" aria-label={t('pdf.pages')}>
        {firstSize
          ? Array.from({ length: pages }, (_, i) => <PdfPage key={i + 1} doc={doc} number={i + 1} scale={scale} guess={firstSize} root={scroller} />)
          : null}
      </div>
    </div>
  );
}
