/**
 * Turns Gmail's message resources into the shapes the renderer shows: address lists
 * parsed, bodies decoded (base64url + charset), attachments listed with their ids.
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { decodeBytes } from '../../common/charset';
import { parseAddressList as parseAddresses } from '../../common/gmail-query/text';
import { decodeEntitiesStrict } from '../../common/html-text';
import { isListedAttachment } from '../../common/attachment-rule';
import type { AttachmentInfo, MailAddress, MessageDetail, MessageSummary } from '../../common/mail-types';

export const LIST_METADATA_HEADERS = ['From', 'To', 'Subject', 'Date'] as const;

export function headerValue(headers: readonly gmail_v1.Schema$MessagePartHeader[] | undefined, name: string): string {
  const wanted = name.toLowerCase();
  return headers?.find((h) => h.name?.toLowerCase() === wanted)?.value ?? '';
}

/** An address header as the renderer shows it: common/'s lenient parser, names unescaped. */
export function parseAddressList(value: string): MailAddress[] {
  return parseAddresses(value).map(({ name, address }) => ({ name: name.replace(/\\(.)/g, '$1').trim(), email: address }));
}

function collectParts(part: gmail_v1.Schema$MessagePart | undefined, into: gmail_v1.Schema$MessagePart[] = []): gmail_v1.Schema$MessagePart[] {
  if (!part) return into;
  into.push(part);
  for (const child of part.parts ?? []) collectParts(child, into);
  return into;
}

function isAttachmentPart(part: gmail_v1.Schema$MessagePart): boolean {
  return Boolean(part.filename) || (Boolean(part.body?.attachmentId) && !part.mimeType?.startsWith('text/'));
}

/** An image the HTML shows in place (inline, with a Content-ID) is part of the body, not an attachment. */
function isInlineBodyPart(part: gmail_v1.Schema$MessagePart): boolean {
  const headers = part.headers ?? [];
  return headerValue(headers, 'Content-Disposition').toLowerCase().startsWith('inline') && headerValue(headers, 'Content-ID').replace(/^<|>$/g, '') !== '';
}

export function summarizeMessage(message: gmail_v1.Schema$Message): MessageSummary {
  const headers = message.payload?.headers ?? [];
  const labelIds = message.labelIds ?? [];
  const parts = collectParts(message.payload);
  const fromList = parseAddressList(headerValue(headers, 'From'));
  return {
    id: message.id ?? '',
    threadId: message.threadId ?? message.id ?? '',
    internalDate: Number(message.internalDate ?? 0),
    from: fromList[0] ?? { name: '', email: '' },
    to: parseAddressList(headerValue(headers, 'To')),
    subject: headerValue(headers, 'Subject'),
    snippet: decodeEntitiesStrict(message.snippet ?? ''),
    labelIds,
    unread: labelIds.includes('UNREAD'),
    starred: labelIds.includes('STARRED'),
    // format=metadata has no part tree: a multipart/mixed top level is the best sign there.
    // The paperclip means what the reading pane lists (common/attachment-rule.ts).
    hasAttachment: message.payload?.parts
      ? parts.some((p) => isAttachmentPart(p) && isListedAttachment({ inline: isInlineBodyPart(p) }))
      : /multipart\/mixed/i.test(message.payload?.mimeType ?? headerValue(headers, 'Content-Type')),
    sizeEstimate: message.sizeEstimate ?? 0,
  };
}

/** Gmail sends text bodies in their original charset (base64url): decode by the part's label. */
export function decodePartText(part: gmail_v1.Schema$MessagePart): string {
  const data = part.body?.data;
  if (!data) return '';
  const contentType = headerValue(part.headers ?? [], 'Content-Type');
  const charset = /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1];
  return decodeBytes(Buffer.from(data, 'base64url'), charset);
}

export function detailMessage(message: gmail_v1.Schema$Message): MessageDetail {
  const summary = summarizeMessage(message);
  const headers = message.payload?.headers ?? [];
  const parts = collectParts(message.payload);
  let html: string | null = null;
  let text: string | null = null;
  const attachments: AttachmentInfo[] = [];
  for (const part of parts) {
    const mime = (part.mimeType ?? '').toLowerCase();
    if (isAttachmentPart(part)) {
      const partHeaders = part.headers ?? [];
      const contentId = headerValue(partHeaders, 'Content-ID').replace(/^<|>$/g, '') || null;
      attachments.push({
        attachmentId: part.body?.attachmentId ?? '',
        partId: part.partId ?? '',
        filename: part.filename || (contentId ? `${contentId}` : 'attachment'),
        mimeType: part.mimeType ?? 'application/octet-stream',
        size: part.body?.size ?? 0,
        contentId,
        inline: isInlineBodyPart(part),
      });
      continue;
    }
    if (mime === 'text/html' && html === null && part.body?.data) html = decodePartText(part);
    else if (mime === 'text/plain' && text === null && part.body?.data) text = decodePartText(part);
  }
  return {
    ...summary,
    cc: parseAddressList(headerValue(headers, 'Cc')),
    bcc: parseAddressList(headerValue(headers, 'Bcc')),
    replyTo: parseAddressList(headerValue(headers, 'Reply-To')),
    date: headerValue(headers, 'Date'),
    messageIdHeader: headerValue(headers, 'Message-ID'),
    listId: headerValue(headers, 'List-Id'),
    html,
    text,
    attachments,
  };
}
