/**
 * The shared corpus loaded once into an emulator mailbox, and the evaluator's view of it
 * (the "server" side of the differential tests).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedQuery } from '../../../../common/gmail-query/ast';
import type { LabelInfo } from '../../../../common/gmail-query/labels';
import { loadMailbox, type Mailbox } from '../../../../emulator/mailbox';
import { formatMessage } from '../../../../emulator/server/gmail/format';
import { prepareMessage, searchMessages, type PreparedMessage } from '../../../../emulator/search/evaluate';
import type { gmail_v1 } from '@googleapis/gmail';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const CORPUS_MAIL = path.resolve(repoRoot, '../shared/corpus/mail');
export const HAVE_CORPUS = existsSync(CORPUS_MAIL);
export const CORPUS_ACCOUNT = 'phillip.allen@enron.com';

export async function loadCorpusMailbox(email = CORPUS_ACCOUNT): Promise<Mailbox> {
  return loadMailbox({ email, paths: [CORPUS_MAIL] });
}

/** The message as messages.get?format=full returns it. */
export function gmailMessageOf(mailbox: Mailbox, id: string): gmail_v1.Schema$Message {
  const m = mailbox.get(id);
  if (!m) throw new Error(`no message ${id}`);
  return formatMessage(m, { format: 'full' }) as gmail_v1.Schema$Message;
}

export function labelInfosOf(mailbox: Mailbox): LabelInfo[] {
  return mailbox.labels().map((l) => ({ id: l.id, name: l.name, type: l.type as 'system' | 'user' }));
}

/** The evaluator over the mailbox as it is now. */
export class ServerSearch {
  private prepared: PreparedMessage[];

  constructor(private readonly mailbox: Mailbox) {
    this.prepared = mailbox.list().map((m) => prepareMessage(m.searchable));
  }

  refresh(): void {
    this.prepared = this.mailbox.list().map((m) => prepareMessage(m.searchable));
  }

  ids(parsed: ParsedQuery, now: Date, includeSpamTrash = false): string[] {
    return searchMessages(parsed, this.prepared, {
      now,
      labels: labelInfosOf(this.mailbox),
      includeSpamTrash,
      accountEmail: this.mailbox.email,
    }).map((p) => p.message.id);
  }
}
