/** The shared state of one demo-mailbox run: the message type, the seeded helpers every mail section draws from. */
import { makeCsv, makeDocx, makeIcs, makePdf, makePng } from './attachments';
import { ME, type Person } from './content';
import { MONTH_NAMES } from './formatting';
import { attachmentPart, multipart, type Part } from './mime-writer';
import type { Rng } from './rng';

/** The newest demo mail is from this day; the oldest about four years earlier. */
export const DEMO_END = Date.UTC(2026, 10, 20, 18, 0, 0);
export const DEMO_START = Date.UTC(2022, 11, 1, 0, 0, 0);
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

export interface DemoMessage {
  date: number;
  from: Person;
  to: Person[];
  cc?: Person[];
  subject: string;
  subjectCharset?: { charset: string; encode: (s: string) => Buffer };
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  thread: DemoThread;
  /** Takeout label names, before read/archive state is decided. */
  labels: string[];
  body: Part;
  /** The plain text, for quoting in replies. */
  plain?: string;
  extraHeaders?: [string, string][];
  kind: 'work' | 'personal' | 'travel' | 'promo' | 'social' | 'update' | 'forum' | 'cjk' | 'spam' | 'draft';
}

export interface DemoThread {
  gmId: bigint | undefined;
}

/** Draws from rng in the order sections call it: reordering calls changes the committed mbox. */
export function createDemoContext(rng: Rng, out: DemoMessage[]) {
  const mid = (domain: string): string => `<${rng.hex(8)}.${rng.hex(12)}@${domain}>`;
  const domainOf = (p: Person): string => p.email.split('@')[1]!;
  const randomDate = (from = DEMO_START, to = DEMO_END - 5 * DAY): number => {
    const t = from + Math.floor(rng.next() * (to - from));
    // working hours in the sender's day, rounded to the second
    return Math.floor(t / 1000) * 1000;
  };
  const boundary = (): string => `----=_Part_${rng.hex(6)}_${rng.hex(10)}`;
  const withAttachment = (text: Part, parts: Part[]): Part => (parts.length ? multipart('mixed', [text, ...parts], boundary()) : text);
  const vars = (): Record<string, string | number> => ({
    q: rng.int(1, 4),
    n: rng.int(2, 9),
    client: rng.pick(['Harbor & Finch', 'Meridian Freight', 'Nordvik Design']),
    month: rng.pick(MONTH_NAMES),
    day: rng.int(1, 28),
  });
  const png = (seedColor: number): Buffer =>
    makePng(48, 32, (x, y) => [(seedColor * 37 + x * 5) % 256, (seedColor * 91 + y * 7) % 256, (x * y + seedColor * 13) % 256]);
  /** A three-hour calendar invite from Dana, sent at `stamp`. */
  const invite = (fileName: string, start: number, summary: string, location: string, stamp: number): Part =>
    attachmentPart(
      fileName,
      'text/calendar',
      makeIcs({ uid: `${rng.hex(16)}@skimmer.example`, start, end: start + 3 * HOUR, summary, location, organizer: ME.email, stamp }),
    );
  const attachmentFor = (kind: string, subject: string, v: Record<string, string | number>, date: number): Part => {
    switch (kind) {
      case 'csv': {
        const rows: (string | number)[][] = [['month', 'region', 'value', 'change_pct']];
        for (let i = 0; i < 12; i++)
          rows.push([MONTH_NAMES[i]!, rng.pick(['North', 'South', 'East', 'West']), rng.int(1000, 99000), (rng.next() * 20 - 10).toFixed(1)]);
        return attachmentPart(
          `${subject
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')}.csv`,
          'text/csv',
          makeCsv(rows),
        );
      }
      case 'pdf':
        return attachmentPart(
          `${subject.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}.pdf`,
          'application/pdf',
          makePdf([
            subject,
            `Prepared ${new Date(date).toISOString().slice(0, 10)}`,
            `Reference ${rng.hex(8).toUpperCase()}`,
            `Amount due: $${rng.int(900, 24000)}.00`,
          ]),
        );
      case 'docx':
        return attachmentPart(
          `${subject.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}.docx`,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          makeDocx(subject, [`Draft for ${v.client}`, 'Goals, milestones, risks and open questions.']),
        );
      case 'png':
        return attachmentPart(`image-${rng.int(100, 999)}.png`, 'image/png', png(rng.int(0, 255)));
      default: {
        const start = date + rng.int(2, 10) * DAY;
        return invite('invite.ics', start, subject, 'Ridge trailhead', date);
      }
    }
  };
  return { rng, out, mid, domainOf, randomDate, boundary, withAttachment, vars, png, invite, attachmentFor };
}

export type DemoContext = ReturnType<typeof createDemoContext>;
