import { statSync } from 'node:fs';
import { Mailbox } from './mailbox';
import type { LoadEntry } from './types';
import { takeoutSystemLabel } from './labels';
import { parseMessage } from './message';
import { discover, readSource, type SourceMessage } from './sources';

export interface LoadOptions {
  /** The account's address: mail from it is SENT. */
  email: string;
  /** .eml files, mbox files, Maildirs, or folders holding any of them (walked recursively). */
  paths: string[];
  /** Files read at once (default 32). */
  concurrency?: number;
  onWarning?: (message: string) => void;
}

/**
 * Labels for a loaded message. Takeout's X-Gmail-Labels, when present, decide everything
 * (UNREAD only when it lists "Unread"). Otherwise: SENT for mail from the account, else INBOX;
 * folder names add user labels (or a system label for "Sent", "Spam", "Trash", ...); Maildir
 * flags S = read, F = STARRED, T = TRASH, D = DRAFT; "Status: R" = read, "X-Status: F" = starred.
 * Everything not marked read is UNREAD, except SENT and DRAFT mail, which is never unread.
 */
function labelsFor(mailbox: Mailbox, src: SourceMessage, parsed: ReturnType<typeof parseMessage>, warn: (msg: string) => void): string[] {
  const labels = new Set<string>();
  const userLabel = (name: string): void => {
    try {
      labels.add(mailbox.ensureUserLabel(name));
    } catch (e) {
      warn(`${src.source}: label ${JSON.stringify(name)} ignored (${e instanceof Error ? e.message : String(e)})`);
    }
  };
  if (parsed.gmailLabels) {
    for (const name of parsed.gmailLabels) {
      const sys = takeoutSystemLabel(name);
      if (sys) labels.add(sys);
      else if (sys === undefined) userLabel(name);
    }
  } else {
    const own = mailbox.defaultLabels(parsed).includes('SENT');
    const folderSystem = src.folderSystemLabels;
    const placement = folderSystem.find((l) => ['SENT', 'SPAM', 'TRASH', 'DRAFT', 'INBOX'].includes(l));
    labels.add(placement ?? (own ? 'SENT' : 'INBOX'));
    for (const l of folderSystem) if (l === 'STARRED' || l === 'IMPORTANT') labels.add(l);
    const flags = src.maildirFlags ?? '';
    let read = parsed.statusRead || flags.includes('S');
    if (flags.includes('F') || parsed.statusFlagged) labels.add('STARRED');
    if (flags.includes('T')) {
      labels.delete('INBOX');
      labels.add('TRASH');
    }
    if (flags.includes('D')) {
      labels.delete('INBOX');
      labels.add('DRAFT');
    }
    if (labels.has('SENT') || labels.has('DRAFT')) read = true;
    if (!read) labels.add('UNREAD');
  }
  for (const name of src.folderLabels) userLabel(name);
  return [...labels];
}

/** Loads mail from disk into a new Mailbox. Unreadable files are skipped with a counted warning. */
export async function loadMailbox(opts: LoadOptions): Promise<Mailbox> {
  const started = performance.now();
  const mailbox = new Mailbox(opts.email);
  const stats = mailbox.loadStats;
  const warn = (msg: string): void => {
    stats.warnings.push(msg);
    opts.onWarning?.(msg);
  };
  const files = await discover(opts.paths);
  stats.files = files.length;
  const entries: LoadEntry[] = [];
  const concurrency = opts.concurrency ?? 32;
  const results: (SourceMessage[] | Error)[] = new Array(files.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, files.length) }, async () => {
      while (next < files.length) {
        const i = next++;
        results[i] = await readSource(files[i]!).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      }
    }),
  );
  const seen = new Set<string>();
  files.forEach((f, i) => {
    const r = results[i]!;
    if (r instanceof Error) {
      stats.skipped++;
      warn(`${f.file}: unreadable (${r.message})`);
      return;
    }
    if (r.length === 0) {
      stats.skipped++;
      warn(`${f.file}: not a mail message`);
      return;
    }
    for (const src of r) {
      if (src.raw.length === 0 || /^\s*$/.test(src.raw.toString('latin1', 0, Math.min(src.raw.length, 4096)))) {
        stats.skipped++;
        warn(`${src.source}: empty message`);
        continue;
      }
      try {
        const parsed = parseMessage(src.raw, { source: src.source });
        if (seen.has(parsed.id)) {
          stats.skipped++;
          warn(`${src.source}: duplicate of an already loaded message`);
          continue;
        }
        seen.add(parsed.id);
        const internalDate = parsed.date ?? src.envelopeDate ?? Math.round(statSync(src.file).mtimeMs);
        entries.push({ parsed, labelIds: labelsFor(mailbox, src, parsed, warn), internalDate });
      } catch (e) {
        stats.skipped++;
        warn(`${src.source}: unparseable (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  });
  mailbox.populate(entries);
  stats.messages = mailbox.profile().messagesTotal;
  stats.ms = Math.round(performance.now() - started);
  return mailbox;
}
