/**
 * What counts as an attachment for the person: the list's paperclip and the reading pane's
 * attachment list both ask this, so they can't disagree. An image the HTML shows in place
 * (Content-Disposition inline with a Content-ID) is part of the body, even when it has a name.
 */
export interface AttachmentPartFacts {
  /** Content-Disposition: inline and a non-empty Content-ID. */
  readonly inline: boolean;
}

export function isListedAttachment(part: AttachmentPartFacts): boolean {
  return !part.inline;
}

export function listedAttachments<T extends AttachmentPartFacts>(parts: readonly T[]): T[] {
  return parts.filter(isListedAttachment);
}

const PREVIEWABLE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/**
 * What the in-app viewer can show: raster images (never SVG, which can carry script) and
 * PDF (also when mail sends it as application/octet-stream with a .pdf name). Main refuses
 * a preview this says null to; the reading pane offers "Preview" only when it is not null.
 */
export function previewKind(att: { readonly filename: string; readonly mimeType: string }): 'image' | 'pdf' | null {
  const type = att.mimeType.toLowerCase().trim();
  if (PREVIEWABLE_IMAGES.has(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'application/octet-stream' && /\.pdf$/i.test(att.filename.trim())) return 'pdf';
  return null;
}
