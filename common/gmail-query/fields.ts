/**
 * Which parts of a message each kind of term looks at, so that every back end indexes the
 * same text (decision table rules 1a, 5a, 6a).
 */
import type { SearchableMessage } from './searchable';
import { parseAddressList, type ParsedAddress } from './text';

/**
 * The separate texts free-text words are matched in (rule 5a): subject, body, each display
 * name and address of From/To/Cc/Bcc, each attachment name. Phrases never span two of them.
 */
export function freeTextFields(m: SearchableMessage): string[] {
  const addresses = [m.from, m.to, m.cc, m.bcc].flatMap(parseAddressList);
  const texts = [m.subject, m.bodyText, ...addresses.flatMap((a) => [a.name, a.address]), ...attachmentNames(m)];
  return texts.filter((t) => t.trim() !== '');
}

/** Attachment names that count for has:attachment and filename: (rule 6a: a name is what makes an attachment). */
export function attachmentNames(m: SearchableMessage): string[] {
  return m.attachments.map((a) => a.filename).filter((name) => name.trim() !== '');
}

/** The mailboxes `to:` searches: To, Cc and Bcc (rule 1a). */
export function toRecipients(m: SearchableMessage): ParsedAddress[] {
  return [m.to, m.cc, m.bcc].flatMap(parseAddressList);
}

/** rfc822msgid: compares Message-IDs whole, without angle brackets, case-insensitively. */
export function messageIdKey(id: string): string {
  return id
    .trim()
    .replace(/^<+|>+$/g, '')
    .trim()
    .toLowerCase();
}
