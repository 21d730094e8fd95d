/**
 * Seeded random Gmail queries over a mailbox's own vocabulary: words, phrases, senders,
 * labels, dates and sizes, combined with OR, negation, grouping and field operators.
 */
import type { Mailbox } from '../../../../emulator/mailbox';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Vocabulary {
  words: string[];
  phrases: string[];
  subjectWords: string[];
  senders: string[];
  recipients: string[];
  filenames: string[];
  lists: string[];
  labels: string[];
  dates: string[];
}

const WORD = /[\p{L}\p{N}_]{3,}/gu;

export function vocabularyOf(mailbox: Mailbox, rand: () => number): Vocabulary {
  const v: Vocabulary = { words: [], phrases: [], subjectWords: [], senders: [], recipients: [], filenames: [], lists: [], labels: [], dates: [] };
  const messages = mailbox.list();
  for (let i = 0; i < 400; i++) {
    const m = messages[Math.floor(rand() * messages.length)]!.searchable;
    const body = m.bodyText.match(WORD) ?? [];
    if (body.length > 3) {
      const at = Math.floor(rand() * (body.length - 2));
      v.words.push(body[at]!);
      v.phrases.push(`${body[at]} ${body[at + 1]}`);
    }
    const subject = m.subject.match(WORD) ?? [];
    if (subject.length) v.subjectWords.push(subject[Math.floor(rand() * subject.length)]!);
    const from = /[\w.+-]+@[\w.-]+/.exec(m.from)?.[0];
    if (from) {
      v.senders.push(from, from.split('@')[0]!, from.split('@')[1]!);
      const name = m.from.match(WORD)?.[0];
      if (name) v.senders.push(name);
    }
    const to = /[\w.+-]+@[\w.-]+/.exec(m.to)?.[0];
    if (to) v.recipients.push(to, to.split('@')[0]!.split('.')[0]!);
    for (const a of m.attachments) if (a.filename) v.filenames.push(a.filename.split('.').pop()!, a.filename);
    if (m.listId) v.lists.push(m.listId.replace(/[<>"]/g, '').trim().split(/\s+/).pop()!);
    const d = new Date(m.internalDate);
    if (d.getUTCFullYear() > 1990) v.dates.push(`${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`);
  }
  v.labels = mailbox.labels().map((l) => l.name);
  for (const key of Object.keys(v) as (keyof Vocabulary)[]) v[key] = [...new Set(v[key])].filter((x) => x.length > 0);
  return v;
}

export function randomQuery(v: Vocabulary, rand: () => number, depth = 0): string {
  const pick = <T>(xs: readonly T[], fallback: T): T => (xs.length ? xs[Math.floor(rand() * xs.length)]! : fallback);
  const leaf = (): string => {
    const r = rand();
    if (r < 0.2) return pick(v.words, 'gas');
    if (r < 0.27) return `"${pick(v.phrases, 'natural gas')}"`;
    if (r < 0.32) return `+${pick(v.words, 'meeting')}`;
    if (r < 0.42) return `from:${pick(v.senders, 'enron')}`;
    if (r < 0.48) return `to:${pick(v.recipients, 'phillip')}`;
    if (r < 0.5) return `cc:${pick(v.recipients, 'john')}`;
    if (r < 0.57) return `subject:${pick(v.subjectWords, 're')}`;
    if (r < 0.6) return `subject:"${pick(v.phrases, 'gas price')}"`;
    if (r < 0.63) return `filename:${pick(v.filenames, 'doc')}`;
    if (r < 0.65) return `list:${pick(v.lists, 'info')}`;
    if (r < 0.71) return `${pick(['label', 'in', 'is'], 'label')}:${pick(v.labels, 'inbox').toLowerCase().replace(/\s+/g, '-')}`;
    if (r < 0.75)
      return pick(
        [
          'is:unread',
          'is:read',
          'is:starred',
          'is:important',
          'in:anywhere',
          'in:archive',
          'in:trash',
          'in:spam',
          'has:attachment',
          'has:userlabels',
          'has:nouserlabels',
          'category:social',
          'has:youtube',
        ],
        'is:unread',
      );
    if (r < 0.82) return `${pick(['after', 'before', 'older', 'newer'], 'after')}:${pick(v.dates, '2001/1/1')}`;
    if (r < 0.85) return `${pick(['older_than', 'newer_than'], 'older_than')}:${1 + Math.floor(rand() * 30)}${pick(['d', 'm', 'y', 'w'], 'y')}`;
    if (r < 0.89) return `${pick(['larger', 'smaller', 'size'], 'larger')}:${1 + Math.floor(rand() * 40)}${pick(['k', 'K', '', 'm'], 'k')}`;
    if (r < 0.92) return `${pick(v.words, 'gas')} AROUND ${Math.floor(rand() * 6)} ${pick(v.words, 'price')}`;
    if (r < 0.95) return `${pick(v.words, 'gas')}-${pick(v.words, 'price')}`;
    if (r < 0.97) return `foo:${pick(v.words, 'bar')}`;
    return pick(v.words, 'gas').toUpperCase();
  };
  const term = (): string => {
    const r = rand();
    let t: string;
    if (depth < 2 && r < 0.15) t = `(${randomQuery(v, rand, depth + 1)})`;
    else if (depth < 2 && r < 0.25) t = `{${randomQuery(v, rand, depth + 1)}}`;
    else t = leaf();
    if (rand() < 0.18) t = rand() < 0.8 ? `-${t}` : `NOT ${t}`;
    return t;
  };
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    parts.push(term());
    if (i < n - 1) parts.push(rand() < 0.3 ? 'OR' : rand() < 0.1 ? 'AND' : '');
  }
  return parts.filter(Boolean).join(' ');
}
