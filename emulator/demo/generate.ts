/**
 * Writes the demo mailbox: a Google Takeout-style mbox (X-GM-THRID, X-Gmail-Labels) of
 * invented mail, deterministic for a seed. Run: npx tsx emulator/demo/generate.ts
 * The mail itself comes from conversations.ts, bulk-mail.ts and notices.ts; this file orders it, decides
 * read/starred/archived state and renders the mbox.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addNewsletters, addSocialNotifications, addTravel } from './bulk-mail';
import { ME } from './content';
import { addCjkMail, addMailingLists, addPersonalThreads, addWorkThreads } from './conversations';
import { addSpamAndDrafts, addUpdatesAndReceipts } from './notices';
import { createDemoContext, DAY, DEMO_END, type DemoMessage } from './demo-context';
import { ctime, rfcDate } from './formatting';
import { address, encodeWord, renderHeaders } from './mime-writer';
import { Rng } from './rng';

export const DEMO_SEED = 20261120;

export function generateDemoMessages(seed = DEMO_SEED): DemoMessage[] {
  const rng = new Rng(seed);
  const out: DemoMessage[] = [];
  const context = createDemoContext(rng, out);
  // The order is part of the output: every section draws from the same rng.
  addWorkThreads(context);
  addPersonalThreads(context);
  addTravel(context);
  addNewsletters(context);
  addSocialNotifications(context);
  addUpdatesAndReceipts(context);
  addMailingLists(context);
  addCjkMail(context);
  addSpamAndDrafts(context);

  // ---- state: ids, read/unread, stars, archive, trash ----
  out.sort((a, b) => a.date - b.date);
  for (const m of out) {
    const gmId = (BigInt(m.date) << 20n) | BigInt(rng.int(0, 0xfffff));
    if (m.thread.gmId === undefined) m.thread.gmId = gmId;
    (m as DemoMessage & { gmId: bigint }).gmId = gmId;
    const received = m.labels.includes('Inbox');
    const age = DEMO_END - m.date;
    if (received) {
      const unreadP = m.kind === 'promo' ? (age < 90 * DAY ? 0.7 : 0.3) : m.kind === 'social' ? 0.4 : age < 30 * DAY ? 0.45 : 0.03;
      m.labels.push(rng.chance(unreadP) ? 'Unread' : 'Opened');
      if ((m.kind === 'work' || m.kind === 'personal' || m.kind === 'cjk' || m.kind === 'travel') && rng.chance(0.08)) m.labels.push('Starred');
      if ((m.kind === 'promo' || m.kind === 'social') && age > 200 * DAY && rng.chance(0.12)) {
        m.labels.splice(m.labels.indexOf('Inbox'), 1, 'Trash');
      } else if (age > 180 * DAY && m.kind !== 'cjk' && rng.chance(0.45)) {
        m.labels.splice(m.labels.indexOf('Inbox'), 1); // archived
        m.labels.push('Archived');
      }
    } else if (m.kind === 'spam') {
      m.labels.push(rng.chance(0.8) ? 'Unread' : 'Opened');
    } else {
      m.labels.push('Opened');
      if (m.kind === 'work' && rng.chance(0.05)) m.labels.push('Starred');
    }
  }
  return out;
}

function renderMessage(m: DemoMessage & { gmId?: bigint }): string {
  const h: [string, string][] = [
    ['X-GM-THRID', String(m.thread.gmId)],
    ['X-Gmail-Labels', m.labels.map((l) => (l.includes(',') ? `"${l}"` : l)).join(',')],
  ];
  if (m.from !== ME) h.push(['Delivered-To', ME.email]);
  h.push(['MIME-Version', '1.0'], ['Date', rfcDate(m.date, m.from.tz)]);
  if (m.references?.length) h.push(['References', m.references.join('\n ')]);
  if (m.inReplyTo) h.push(['In-Reply-To', m.inReplyTo]);
  h.push(['Message-ID', m.messageId]);
  h.push(['Subject', m.subjectCharset ? encodeWord(m.subject, m.subjectCharset.charset, m.subjectCharset.encode) : encodeWord(m.subject)]);
  h.push(['From', address(m.from.name, m.from.email)]);
  h.push(['To', m.to.map((t) => address(t.name, t.email)).join(', ')]);
  if (m.cc?.length) h.push(['Cc', m.cc.map((t) => address(t.name, t.email)).join(', ')]);
  for (const x of m.extraHeaders ?? []) h.push(x);
  h.push(...m.body.headers);
  const text = `${renderHeaders(h)}\n\n${m.body.body}\n`;
  // mboxrd: a body line starting with (">"*)"From " gets one more ">"
  return `From ${m.gmId}@xxx ${ctime(m.date)}\n${text.replace(/^(>*From )/gm, '>$1')}\n`;
}

/** The whole demo mbox, bytes identical for the same seed. */
export function generateDemoMbox(seed = DEMO_SEED): Buffer {
  return Buffer.from(generateDemoMessages(seed).map(renderMessage).join(''), 'latin1');
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const target = fileURLToPath(new URL('./demo-mailbox.mbox', import.meta.url));
  const mbox = generateDemoMbox();
  writeFileSync(target, mbox);
  console.log(`wrote ${target}: ${mbox.length} bytes`);
}
