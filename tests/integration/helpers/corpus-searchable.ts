/**
 * Test-only adapter: turns raw corpus .eml files into SearchableMessages with mailparser,
 * standing in for the real mail loader so the search rules can be checked on real mail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { SearchableMessage } from '../../../common/gmail-query/searchable';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');

/** Corpus category per file (index.tsv), used to put the spam collection under SPAM. */
function readCategories(): Map<string, string> {
  const categories = new Map<string, string>();
  for (const line of readFileSync(path.join(CORPUS_DIR, 'index.tsv'), 'utf8').split('\n')) {
    const [file, , category] = line.split('\t');
    if (file && category) categories.set(file, category);
  }
  return categories;
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (value === undefined) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

/** The raw (unfolded) values of every header line with this name. */
function rawHeaderValues(mail: ParsedMail, name: string): string[] {
  return mail.headerLines
    .filter((h) => h.key === name)
    .map((h) =>
      h.line
        .slice(h.line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    );
}

/** The first raw value of a header (List-Id and Date appear once). */
function rawHeader(mail: ParsedMail, name: string): string {
  return rawHeaderValues(mail, name)[0] ?? '';
}

/**
 * The corpus has no receipt times, so the Date header stands in for internalDate. mailparser
 * substitutes the current time for a missing or unreadable Date; use 0 instead so results
 * do not depend on when the test runs.
 */
function receivedAt(mail: ParsedMail): number {
  const t = Date.parse(rawHeader(mail, 'date'));
  return Number.isFinite(t) ? t : 0;
}

export async function loadCorpusMessage(file: string, categories: Map<string, string>): Promise<SearchableMessage> {
  const raw = readFileSync(path.join(CORPUS_DIR, 'mail', file));
  const mail = await simpleParser(raw);
  const spam = categories.get(file) === 'spam';
  return {
    id: file.replace(/\.eml$/, ''),
    threadId: file.replace(/\.eml$/, ''),
    internalDate: receivedAt(mail),
    sizeEstimate: raw.length,
    labelIds: spam ? ['SPAM'] : ['INBOX'],
    from: addressText(mail.from),
    to: addressText(mail.to),
    cc: addressText(mail.cc),
    bcc: addressText(mail.bcc),
    // Mail relayed through lists carries several Delivered-To headers; all of them count.
    deliveredTo: rawHeaderValues(mail, 'delivered-to').join(', '),
    subject: mail.subject ?? '',
    listId: rawHeader(mail, 'list-id'),
    rfc822MessageId: mail.messageId ?? '',
    bodyText: mail.text ?? '',
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? '', mimeType: a.contentType })),
  };
}

export async function loadCorpusMessages(files: readonly string[]): Promise<SearchableMessage[]> {
  const categories = readCategories();
  const out: SearchableMessage[] = [];
  for (const file of files) out.push(await loadCorpusMessage(file, categories));
  return out;
}

/** File names `NNNNN.eml` for an inclusive numeric range. */
export function fileRange(first: number, last: number): string[] {
  const out: string[] = [];
  for (let n = first; n <= last; n++) out.push(`${String(n).padStart(5, '0')}.eml`);
  return out;
}
