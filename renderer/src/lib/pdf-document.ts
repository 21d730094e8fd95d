/**
 * pdf.js for attachment previews. Only the lazily loaded PdfPreview imports this, so pdf.js
 * is its own chunk, fetched from the app's files when a PDF is first opened.
 * The attachment's bytes are parsed in pdf.js's worker, a file of this bundle (the CSP's
 * `worker-src 'self'`), and pages are drawn to <canvas> on this thread. Nothing of the
 * document runs: no scripting (pdf.sandbox is never loaded), no XFA, no annotation layer
 * (so no link can navigate), no fetch of fonts, CMaps or wasm (none of their URLs is given).
 * pdf.js 6 has no eval path left (`isEvalSupported` is gone), and the CSP has no
 * 'unsafe-eval', so a font program can't become code either.
 */
import { getDocument, GlobalWorkerOptions, PasswordException, VerbosityLevel, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type PdfFailure = 'encrypted' | 'corrupt';

export class PdfOpenError extends Error {
  constructor(readonly reason: PdfFailure) {
    super(`pdf ${reason}`);
  }
}

/** The bytes of a base64 data: URL (fetch() of it would need connect-src). */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  GlobalWorkerOptions.workerSrc = workerUrl;
  const task = getDocument({
    data,
    enableXfa: false,
    useWasm: false,
    useSystemFonts: true,
    stopAtErrors: false,
    disableWorkerRendering: true,
    isOffscreenCanvasSupported: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages < 1) throw new PdfOpenError('corrupt');
    return doc;
  } catch (error) {
    void task.destroy();
    if (error instanceof PdfOpenError) throw error;
    throw new PdfOpenError(error instanceof PasswordException ? 'encrypted' : 'corrupt');
  }
}
