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
