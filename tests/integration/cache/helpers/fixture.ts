/** A smaller corpus mailbox for the fault tests, and the "cache equals server" check. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorHandle } from '../../../../emulator/index';
import { scalar } from '../../../../main/cache/database';
import type { MailStore } from '../../../../main/cache/mail-store';
import { CORPUS_MAIL } from './corpus';

/** Every `step`-th corpus file, up to `count` of them (a spread of senders, dates and MIME shapes). */
export function corpusSample(count: number, step = 7): string[] {
  const files = readdirSync(CORPUS_MAIL)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  const out: string[] = [];
  for (let i = 0; i < files.length && out.length < count; i += step) out.push(join(CORPUS_MAIL, files[i]!));
  return out;
}

export interface Comparison {
  readonly missing: string[];
  readonly extra: string[];
  readonly wrongLabels: string[];
  readonly ftsRows: number;
  readonly messages: number;
}

export function compareWithServer(store: MailStore, emu: EmulatorHandle, email?: string): Comparison {
  const local = store.allIdsWithLabels();
  const remote = new Map(
    emu
      .mailbox(email)
      .list()
      .map((m) => [m.id, [...m.labelIds].sort()]),
  );
  const missing = [...remote.keys()].filter((id) => !local.has(id));
  const extra = [...local.keys()].filter((id) => !remote.has(id));
  const wrongLabels = [...remote.entries()]
    .filter(([id, labels]) => local.has(id) && JSON.stringify([...local.get(id)!].sort()) !== JSON.stringify(labels))
    .map(([id]) => id);
  const ftsRows = Number(scalar<number>(store.db.prepare('SELECT count(*) FROM message_fts_docsize')) ?? 0);
  return { missing, extra, wrongLabels, ftsRows, messages: store.messageCount() };
}
