/**
 * Writes the demo mailbox: a Google Takeout-style mbox (X-GM-THRID, X-Gmail-Labels) of
 * invented mail, deterministic for a seed. Run: npx tsx emulator/demo/generate.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCsv, makeDocx, makeIcs, makePdf, makePng } from './attachments';
import { BRANDS, CLIENTS, FRIENDS, ME, PERSONAL_REPLIES, PERSONAL_TOPICS, SPAM, TRAVEL_CITIES, WORK, WORK_REPLIES, WORK_TOPICS, type Person } from './content';
import { encodeEucKr, encodeGb2312, encodeIso2022Jp } from './legacy-encoders';
import { address, attachmentPart, encodeWord, multipart, renderHeaders, textPart, type Part } from './mime-writer';

export const DEMO_SEED = 20261120;
/** The newest demo mail is from this day; the oldest about four years earlier. */
export const DEMO_END = Date.UTC(2026, 10, 20, 18, 0, 0);
const DEMO_START = Date.UTC(2022, 11, 1, 0, 0, 0);
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

class Rng {
  constructor(private state: number) {}
  next(): number {
    // mulberry32
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 16).toString(16);
    return s;
  }
}

interface DemoMessage {
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

interface DemoThread {
  gmId: bigint | undefined;
}

function rfcDate(ms: number, tz: number): string {
  const d = new Date(ms + tz * 60_000);
  const sign = tz < 0 ? '-' : '+';
  const abs = Math.abs(tz);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

function ctime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** "Tue, 3 Mar 2026", in UTC so the output does not depend on the machine's time zone. */
function utcDay(ms: number): string {
  const d = new Date(ms);
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

function firstName(p: Person): string {
  return p.name.split(' ')[0]!;
}

function quote(text: string, who: Person, when: number): string {
  const d = new Date(when);
  return `\n\nOn ${WEEKDAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${who.name} <${who.email}> wrote:\n${text.split('\n').map((l) => `> ${l}`).join('\n')}`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function generateDemoMessages(seed = DEMO_SEED): DemoMessage[] {
  const rng = new Rng(seed);
  const out: DemoMessage[] = [];
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
  const attachmentFor = (kind: string, subject: string, v: Record<string, string | number>, date: number): Part => {
    switch (kind) {
      case 'csv': {
        const rows: (string | number)[][] = [['month', 'region', 'value', 'change_pct']];
        for (let i = 0; i < 12; i++) rows.push([MONTH_NAMES[i]!, rng.pick(['North', 'South', 'East', 'West']), rng.int(1000, 99000), (rng.next() * 20 - 10).toFixed(1)]);
        return attachmentPart(`${subject.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.csv`, 'text/csv', makeCsv(rows));
      }
      case 'pdf':
        return attachmentPart(`${subject.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}.pdf`, 'application/pdf', makePdf([subject, `Prepared ${new Date(date).toISOString().slice(0, 10)}`, `Reference ${rng.hex(8).toUpperCase()}`, `Amount due: $${rng.int(900, 24000)}.00`]));
      case 'docx':
        return attachmentPart(`${subject.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', makeDocx(subject, [`Draft for ${v.client}`, 'Goals, milestones, risks and open questions.']));
      case 'png':
        return attachmentPart(`image-${rng.int(100, 999)}.png`, 'image/png', png(rng.int(0, 255)));
      default: {
        const start = date + rng.int(2, 10) * DAY;
        return attachmentPart('invite.ics', 'text/calendar', makeIcs({ uid: `${rng.hex(16)}@skimmer.example`, start, end: start + 3 * HOUR, summary: subject, location: 'Ridge trailhead', organizer: ME.email, stamp: date }));
      }
    }
  };

  // ---- work threads ----
  const colleagues = Object.values(WORK);
  const clients = Object.values(CLIENTS);
  for (let t = 0; t < 44; t++) {
    const topic = WORK_TOPICS[t % WORK_TOPICS.length]!;
    const v = vars();
    const subject = fill(topic.subject, v);
    const starter = rng.chance(0.25) ? ME : rng.chance(0.2) ? rng.pick(clients) : rng.pick(colleagues);
    const others = [rng.pick(colleagues.filter((c) => c !== starter))];
    const thread: DemoThread = { gmId: undefined };
    const project = rng.chance(0.6);
    const labels = project ? ['Work/Projects'] : ['Work'];
    let date = randomDate();
    const count = rng.int(1, 5);
    let prev: DemoMessage | undefined;
    let speaker = starter;
    for (let i = 0; i < count && date < DEMO_END; i++) {
      const lines = i === 0 ? topic.lines.map((l) => fill(l, v)) : [fill(rng.pick(WORK_REPLIES), v)];
      const to = speaker === ME ? others : [ME];
      let text = `Hi ${speaker === ME ? firstName(others[0]!) : 'Dana'},\n\n${lines.join('\n')}\n\n${speaker === ME ? 'Thanks,\nDana' : `Best,\n${firstName(speaker)}`}`;
      if (prev) text += quote(prev.plain ?? '', prev.from, prev.date);
      const parts = i === 0 && topic.attachment ? [attachmentFor(topic.attachment, subject, v, date)] : [];
      const body = withAttachment(textPart(text, { cte: rng.chance(0.3) ? 'qp' : undefined }), parts);
      const refs = prev ? [...(prev.references ?? []), prev.messageId] : undefined;
      const msg: DemoMessage = {
        date, from: speaker, to, cc: rng.chance(0.3) ? [rng.pick(colleagues)] : undefined,
        subject: i === 0 ? subject : `Re: ${subject}`, messageId: mid(domainOf(speaker)), inReplyTo: prev?.messageId, references: refs,
        thread, labels: speaker === ME ? ['Sent', ...labels] : ['Inbox', 'Category Personal', ...labels, ...(speaker === WORK.priya || clients.includes(speaker) ? ['Important'] : [])],
        body, plain: text, kind: 'work',
      };
      out.push(msg);
      prev = msg;
      speaker = speaker === ME ? (rng.chance(0.7) ? others[0]! : rng.pick(colleagues)) : rng.chance(0.6) ? ME : others[0]!;
      date += rng.int(1, 40) * HOUR + rng.int(0, 3599) * 1000;
    }
  }

  // ---- personal threads ----
  for (let t = 0; t < 24; t++) {
    const topic = PERSONAL_TOPICS[t % PERSONAL_TOPICS.length]!;
    const friend = FRIENDS[topic.from];
    const thread: DemoThread = { gmId: undefined };
    let date = randomDate();
    let prev: DemoMessage | undefined;
    const count = rng.int(1, 4);
    for (let i = 0; i < count && date < DEMO_END; i++) {
      const speaker = i % 2 === 0 ? friend : ME;
      const lines = i === 0 ? topic.lines : [rng.pick(PERSONAL_REPLIES)];
      let text = `${i === 0 ? `Hi ${speaker === ME ? firstName(friend) : 'Dana'}!` : 'Hey,'}\n\n${lines.join('\n')}\n\n${firstName(speaker)}`;
      if (prev) text += quote(prev.plain ?? '', prev.from, prev.date);
      const parts = i === 0 && topic.attachment ? [attachmentFor(topic.attachment, topic.subject, vars(), date)] : [];
      // phones send HTML too
      const html = rng.chance(0.35);
      const textBody = html
        ? multipart('alternative', [textPart(text), textPart(`<div dir="ltr">${escapeHtml(text).replace(/\n/g, '<br>')}</div>`, { subtype: 'html' })], boundary())
        : textPart(text);
      const msg: DemoMessage = {
        date, from: speaker, to: [speaker === ME ? friend : ME], subject: i === 0 ? topic.subject : `Re: ${topic.subject}`,
        messageId: mid(domainOf(speaker)), inReplyTo: prev?.messageId, references: prev ? [...(prev.references ?? []), prev.messageId] : undefined,
        thread, labels: speaker === ME ? ['Sent', ...(topic.label ? [topic.label] : [])] : ['Inbox', 'Category Personal', ...(topic.label ? [topic.label] : [])],
        body: withAttachment(textBody, parts), plain: text, kind: 'personal',
      };
      out.push(msg);
      prev = msg;
      date += rng.int(20, 600) * 60_000;
    }
  }

  // ---- travel: flights, hotels, calendar invites ----
  for (const trip of TRAVEL_CITIES) {
    const date = randomDate();
    const depart = date + rng.int(14, 60) * DAY;
    const conf = rng.hex(6).toUpperCase();
    const airline: Person = { name: 'Tandem Air', email: 'itinerary@tandemair.example', tz: 0 };
    const itinerary = `Your trip to ${trip.city} is confirmed.\n\nConfirmation code: ${conf}\nDeparture: ${new Date(depart).toUTCString()}\nRoute: SFO -> ${trip.code}\nSeat: ${rng.int(8, 38)}${rng.pick(['A', 'C', 'D', 'F'])}\n\nCheck in opens 24 hours before departure.`;
    out.push({
      date, from: airline, to: [ME], subject: `Your Tandem Air itinerary: SFO to ${trip.code} (${conf})`, messageId: mid('tandemair.example'), thread: { gmId: undefined },
      labels: ['Inbox', 'Category Updates', 'Travel', 'Important'],
      body: multipart('mixed', [
        multipart('alternative', [textPart(itinerary), textPart(`<html><body style="font-family:Arial,sans-serif;color:#222"><img src="https://images.example.com/tandemair/logo.png" alt="Tandem Air" width="140"><h2 style="color:#0b5394">Trip to ${trip.city} confirmed</h2><p>Confirmation code: <b>${conf}</b></p><p>${escapeHtml(new Date(depart).toUTCString())}</p></body></html>`, { subtype: 'html' })], boundary()),
        attachmentPart(`e-ticket-${conf}.pdf`, 'application/pdf', makePdf([`Tandem Air e-ticket ${conf}`, `Passenger: DANA WHITFIELD`, `SFO -> ${trip.code}`, new Date(depart).toUTCString()])),
      ], boundary()),
      kind: 'travel',
    });
    out.push({
      date: date + rng.int(1, 48) * HOUR, from: { name: 'Quayside Hotels', email: 'reservations@quayside.example', tz: 0 }, to: [ME],
      subject: `Reservation confirmed: ${trip.hotel}`, messageId: mid('quayside.example'), thread: { gmId: undefined }, labels: ['Inbox', 'Category Updates', 'Travel'],
      body: textPart(`Dear Dana Whitfield,\n\nThank you for choosing ${trip.hotel}.\nCheck-in: ${utcDay(depart + DAY)}\nNights: ${rng.int(2, 6)}\nRate: ${rng.int(120, 340)} per night, breakfast included.\n\nWe look forward to welcoming you.`),
      kind: 'travel',
    });
    const start = depart + 2 * DAY;
    out.push({
      date: date + rng.int(2, 5) * DAY, from: ME, to: [FRIENDS.jordan], subject: `${trip.city} plans`, messageId: mid('skimmer.example'), thread: { gmId: undefined }, labels: ['Sent', 'Travel'],
      body: multipart('mixed', [textPart(`Booked! I land in ${trip.city} on ${utcDay(depart)}. Invite for the walking tour attached.\n\nDana`), attachmentPart('walking-tour.ics', 'text/calendar', makeIcs({ uid: `${rng.hex(16)}@skimmer.example`, start, end: start + 3 * HOUR, summary: `${trip.city} walking tour`, location: `${trip.city} old town`, organizer: ME.email, stamp: date }))], boundary()),
      kind: 'travel',
    });
  }

  // ---- newsletters (Promotions), some with inline images ----
  for (const brand of BRANDS) {
    const sender: Person = { name: brand.name, email: brand.email, tz: -300 };
    for (let i = 0; i < 18; i++) {
      const date = randomDate();
      const item = rng.pick(brand.items);
      const pct = rng.pick([10, 15, 20, 25, 30, 40]);
      const subject = rng.pick([`${pct}% off ${item} this weekend`, `New arrivals: ${item} and more`, `Your ${MONTH_NAMES[new Date(date).getUTCMonth()]} picks from ${brand.name}`, `Last chance: free shipping ends tonight`, `${item} is back in stock`]);
      const cards = [item, rng.pick(brand.items), rng.pick(brand.items)]
        .map((it, k) => `<td style="padding:8px;width:33%;vertical-align:top"><img src="https://images.example.com/${brand.slug}/products/${it.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.jpg" width="160" height="120" alt="${escapeHtml(it)}" style="display:block;border-radius:6px"><p style="font:14px Georgia,serif;margin:6px 0">${escapeHtml(it)}</p><p style="font:bold 14px Arial;color:${brand.color};margin:0">$${rng.int(12, 240)}.${k}9</p></td>`)
        .join('');
      const inline = rng.chance(0.2);
      const logo = inline ? `<img src="cid:logo-${brand.slug}@demo" alt="${escapeHtml(brand.name)}" width="120">` : `<img src="https://images.example.com/${brand.slug}/logo.png" alt="${escapeHtml(brand.name)}" width="120">`;
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title><style>a{color:${brand.color}} .btn{background:${brand.color};color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none}</style></head><body style="margin:0;background:#f4f4f4"><table role="presentation" width="100%" style="max-width:600px;margin:0 auto;background:#ffffff;font-family:Arial,Helvetica,sans-serif"><tr><td style="padding:20px;text-align:center">${logo}</td></tr><tr><td style="padding:0 20px"><img src="https://images.example.com/${brand.slug}/hero-${rng.int(1, 40)}.jpg" width="560" alt="" style="width:100%;height:auto"></td></tr><tr><td style="padding:20px"><h1 style="font:bold 24px Georgia,serif;color:#222">${escapeHtml(subject)}</h1><p style="font-size:15px;line-height:1.5;color:#444">Hi Dana, we picked a few things we think you&rsquo;ll love. Use code <b>SAVE${pct}</b> at checkout &ndash; valid until Sunday.</p><table width="100%"><tr>${cards}</tr></table><p style="text-align:center;padding:16px"><a class="btn" href="https://${brand.slug}.example/shop?utm_source=newsletter">Shop now &rarr;</a></p></td></tr><tr><td style="padding:20px;font-size:11px;color:#888;text-align:center">${escapeHtml(brand.name)} &middot; 100 Market Street &middot; <a href="https://${brand.slug}.example/unsubscribe">Unsubscribe</a></td></tr></table></body></html>`;
      const text = `${subject}\n\nHi Dana, we picked a few things we think you'll love. Use code SAVE${pct} at checkout - valid until Sunday.\n\nShop now: https://${brand.slug}.example/shop\n\nUnsubscribe: https://${brand.slug}.example/unsubscribe`;
      const alt = multipart('alternative', [textPart(text), textPart(html, { subtype: 'html', cte: 'qp' })], boundary());
      const body = inline ? multipart('related', [alt, attachmentPart(`${brand.slug}-logo.png`, 'image/png', png(brand.slug.length * 11), { inline: true, contentId: `logo-${brand.slug}@demo` })], boundary()) : alt;
      out.push({
        date, from: sender, to: [ME], subject, messageId: mid(domainOf(sender)), thread: { gmId: undefined }, labels: ['Inbox', 'Category Promotions'], body, kind: 'promo',
        extraHeaders: [['List-Unsubscribe', `<https://${brand.slug}.example/unsubscribe?u=${rng.hex(10)}>, <mailto:unsubscribe@${domainOf(sender)}>`], ['List-Id', `${brand.name} News <news.${domainOf(sender)}>`], ['Precedence', 'bulk']],
      });
    }
  }

  // ---- social notifications ----
  const socialFriends = [FRIENDS.jordan, FRIENDS.maya, FRIENDS.sam, WORK.hannah, WORK.marcus];
  for (let i = 0; i < 34; i++) {
    const date = randomDate();
    const who = rng.pick(socialFriends);
    const pixel = rng.chance(0.6);
    const subject = pixel
      ? rng.pick([`${who.name} commented on your photo`, `${who.name} tagged you in a post`, `You have ${rng.int(2, 9)} new followers`, `${who.name} shared an album with you`])
      : rng.pick([`${who.name} endorsed you for Data Analysis`, `You appeared in ${rng.int(5, 60)} searches this week`, `New jobs that match your profile`, `Congratulate ${who.name} on a work anniversary`]);
    const site = pixel ? { name: 'Pixelmoth', email: 'notify@pixelmoth.example', slug: 'pixelmoth' } : { name: 'Linkhaven', email: 'updates@linkhaven.example', slug: 'linkhaven' };
    const html = `<html><body style="font-family:Helvetica,Arial,sans-serif;background:#fafafa"><div style="max-width:520px;margin:auto;background:#fff;padding:24px;border:1px solid #eee"><img src="https://images.example.com/${site.slug}/logo.png" width="96" alt="${site.name}"><p style="font-size:16px">${escapeHtml(subject)}.</p><p><a href="https://${site.slug}.example/n/${rng.hex(12)}" style="background:#5b4bdb;color:#fff;padding:10px 16px;text-decoration:none;border-radius:20px">See it on ${site.name}</a></p><p style="color:#999;font-size:11px">You are receiving this because of your notification settings.</p></div></body></html>`;
    out.push({
      date, from: { name: site.name, email: site.email, tz: 0 }, to: [ME], subject, messageId: mid(`${site.slug}.example`), thread: { gmId: undefined }, labels: ['Inbox', 'Category Social'],
      body: multipart('alternative', [textPart(`${subject}.\n\nSee it on ${site.name}: https://${site.slug}.example/`), textPart(html, { subtype: 'html', cte: 'qp' })], boundary()),
      kind: 'social',
    });
  }

  // ---- updates and receipts ----
  for (let i = 0; i < 24; i++) {
    const date = DEMO_START + i * 61 * DAY + rng.int(0, 5) * DAY;
    if (date > DEMO_END) break;
    const month = MONTH_NAMES[new Date(date).getUTCMonth()]!;
    const attach = rng.chance(0.5);
    const text = textPart(`Hello Dana,\n\nYour ${month} statement for the account ending in 4821 is ready.\nClosing balance: $${rng.int(1200, 9800)}.${rng.int(10, 99)}\n\nSign in to online banking to view it.\n\nCopperleaf Bank`);
    out.push({
      date, from: { name: 'Copperleaf Bank', email: 'statements@copperleaf.example', tz: -300 }, to: [ME], subject: `Your ${month} statement is ready`, messageId: mid('copperleaf.example'), thread: { gmId: undefined },
      labels: ['Inbox', 'Category Updates', 'Important'], body: attach ? multipart('mixed', [text, attachmentPart(`statement-${month.toLowerCase()}.pdf`, 'application/pdf', makePdf([`Copperleaf Bank statement: ${month}`, 'Account ending 4821', `Opening balance $${rng.int(1000, 5000)}.00`]))], boundary()) : text, kind: 'update',
    });
  }
  for (let i = 0; i < 16; i++) {
    const date = DEMO_START + i * 91 * DAY + rng.int(0, 20) * DAY;
    if (date > DEMO_END) break;
    const inv = `CN-${2023 + Math.floor(i / 4)}-${String(rng.int(1000, 9999))}`;
    out.push({
      date, from: { name: 'Cloudnest Billing', email: 'billing@cloudnest.example', tz: 0 }, to: [ME], subject: `Invoice ${inv} for your Cloudnest subscription`, messageId: mid('cloudnest.example'), thread: { gmId: undefined },
      labels: ['Inbox', 'Category Updates', 'Receipts'],
      body: multipart('mixed', [textPart(`Thanks for your payment.\n\nInvoice: ${inv}\nPlan: Team (5 seats)\nTotal: $${rng.int(40, 90)}.00\n\nThe invoice PDF is attached.`), attachmentPart(`${inv}.pdf`, 'application/pdf', makePdf([`Cloudnest invoice ${inv}`, 'Plan: Team (5 seats)', 'Paid by card ending 0092']))], boundary()),
      kind: 'update',
    });
  }
  for (let i = 0; i < 14; i++) {
    const date = randomDate();
    const order = `FW${rng.int(100000, 999999)}`;
    const book = rng.pick(BRANDS[1]!.items);
    const price = `${rng.int(9, 39)}.${rng.int(10, 99)}`;
    out.push({
      date, from: { name: 'Fernway Books', email: 'orders@fernway.example', tz: -300 }, to: [ME], subject: `Your Fernway Books order ${order}`, messageId: mid('fernway.example'), thread: { gmId: undefined },
      labels: ['Inbox', 'Category Updates', 'Receipts'],
      body: multipart('alternative', [
        textPart(`Order ${order}\n\n1 x ${book}  $${price}\nShipping: free\n\nWe will email you when it ships.`),
        textPart(`<html><body style="font-family:Georgia,serif"><img src="https://images.example.com/fernway/logo.png" width="120" alt="Fernway Books"><h2>Thanks for your order!</h2><table style="border-collapse:collapse"><tr><td style="padding:4px 12px;border-bottom:1px solid #ddd">${escapeHtml(book)}</td><td style="padding:4px 12px;border-bottom:1px solid #ddd">$${price}</td></tr><tr><td style="padding:4px 12px">Shipping</td><td style="padding:4px 12px">free</td></tr></table><p>Order number: <b>${order}</b></p></body></html>`, { subtype: 'html' }),
      ], boundary()),
      kind: 'update',
    });
    const shipThread: DemoThread = { gmId: undefined };
    let prev: string | undefined;
    for (const [k, status] of ['shipped', 'out for delivery', 'delivered'].entries()) {
      const m = mid('parcelpeak.example');
      out.push({
        date: date + (k + 1) * rng.int(20, 40) * HOUR, from: { name: 'ParcelPeak', email: 'tracking@parcelpeak.example', tz: -300 }, to: [ME], subject: `Your package is ${status}`, messageId: m,
        inReplyTo: prev, references: prev ? [prev] : undefined, thread: shipThread, labels: ['Inbox', 'Category Updates'],
        body: textPart(`Tracking number PP${rng.int(10000000, 99999999)}: your Fernway Books package is ${status}.\n\nTrack it at https://parcelpeak.example/t/${rng.hex(10)}`), kind: 'update',
      });
      prev = m;
      if (!rng.chance(0.5)) break;
    }
  }

  // ---- mailing lists (Forums) ----
  const member = (name: string, email: string): Person => ({ name, email, tz: 0 });
  const lists = [
    { id: 'gardening.lists.greenthumb.example', post: 'gardening@lists.greenthumb.example', prefix: '[Greenthumb]', label: 'Lists/Gardening', members: [member('Ruth Okafor', 'ruth.okafor@mailbox.example'), member('Gus Halvorsen', 'gus@halvorsen.example'), member('Imani Brooks', 'imani.b@fastmail.example'), FRIENDS.maya],
      topics: ['Tomato blight again?', 'Seed swap on Saturday', 'Best mulch for raised beds', 'Garlic planting dates', 'Community plot waiting list', 'Aphids on the roses', 'Composting in winter', 'Volunteer day recap'] },
    { id: 'tidepool-dev.lists.tidepool.example', post: 'tidepool-dev@lists.tidepool.example', prefix: '[tidepool-dev]', label: 'Lists/Tidepool', members: [member('Anders Vik', 'anders@vik.example'), member('Chidi Nwosu', 'chidi.nwosu@devmail.example'), member('Lena Park', 'lena.park@devmail.example'), WORK.marcus],
      topics: ['RFC: streaming parser API', 'Release 2.4.0 candidate', 'Flaky test in the scheduler suite', 'Dropping Node 18 support', 'Docs site redesign', 'Benchmark results on ARM', 'Proposal: plugin registry'] },
  ];
  const LIST_LINES = ['I have seen the same thing on my side.', 'Has anyone tried the approach from last year?', 'Attaching my notes from the meeting below.', '+1, this would help a lot.', 'I can help with this next weekend.', 'Thanks everyone for the quick answers!', 'See the archive thread from March for background.'];
  for (const list of lists) {
    for (const topic of list.topics) {
      const thread: DemoThread = { gmId: undefined };
      let date = randomDate();
      let prev: DemoMessage | undefined;
      const count = rng.int(1, 5);
      for (let i = 0; i < count && date < DEMO_END; i++) {
        const speaker = i > 0 && rng.chance(0.2) ? ME : rng.pick(list.members);
        const text = `${i === 0 ? `Hi all,\n\n${topic}: ${rng.pick(LIST_LINES)}` : rng.pick(LIST_LINES)}\n\n-- \n${speaker.name}${prev ? quote((prev.plain ?? '').split('\n\n-- ')[0]!, prev.from, prev.date) : ''}\n\n_______________________________________________\n${list.prefix.slice(1, -1)} mailing list\nhttps://lists.example/listinfo/${list.id}`;
        const subject = `${i === 0 ? '' : 'Re: '}${list.prefix} ${topic}`;
        const msg: DemoMessage = {
          date, from: speaker, to: [{ name: '', email: list.post, tz: 0 }], subject, messageId: mid(domainOf(speaker)), inReplyTo: prev?.messageId,
          references: prev ? [...(prev.references ?? []), prev.messageId] : undefined, thread,
          labels: speaker === ME ? ['Sent', list.label] : ['Inbox', 'Category Forums', list.label],
          body: textPart(text), plain: text, kind: 'forum',
          extraHeaders: [['List-Id', `${list.prefix.slice(1, -1)} <${list.id}>`], ['List-Post', `<mailto:${list.post}>`], ['List-Unsubscribe', `<https://lists.example/options/${list.id}>`], ['Precedence', 'list']],
        };
        out.push(msg);
        prev = msg;
        date += rng.int(2, 30) * HOUR;
      }
    }
  }

  // ---- Korean, Japanese and Chinese mail, in legacy charsets and UTF-8 ----
  const jp = { charset: 'ISO-2022-JP', encode: encodeIso2022Jp };
  const kr = { charset: 'EUC-KR', encode: encodeEucKr };
  const cn = { charset: 'GB2312', encode: encodeGb2312 };
  const cjk: { from: Person; subject: string; text: string; enc?: { charset: string; encode: (s: string) => Buffer }; reply?: string; attach?: boolean }[] = [
    { from: FRIENDS.aiko, subject: '来週の京都旅行について', enc: jp, text: 'ダナさん\n\nこんにちは。来週の京都旅行の件です。\n金曜日の朝に京都駅で待ち合わせはいかがですか。\n嵐山と清水寺に行きたいと思っています。\n\n愛子', reply: '愛子さん\n\n金曜日の朝で大丈夫です。楽しみにしています！\n\nダナ' },
    { from: FRIENDS.aiko, subject: '写真を送ります', text: 'ダナさん\n\n旅行の写真を送ります。とても楽しかったです。\nまた一緒に行きましょう。\n\n愛子', attach: true },
    { from: FRIENDS.minjun, subject: '서울 방문 일정', enc: kr, text: '다나 씨, 안녕하세요!\n\n다음 달 서울 방문 일정을 보내 드립니다.\n첫날은 경복궁과 북촌 한옥마을을 구경하고, 저녁에는 광장시장에서 식사를 해요.\n\n민준 드림', reply: '민준 씨, 고마워요! 정말 기대돼요.\n\n다나' },
    { from: FRIENDS.minjun, subject: '생일 축하해요!', text: '다나 씨, 생일 축하해요!\n행복한 하루 보내세요.\n\n민준' },
    { from: WORK.liwei, subject: '周报：数据平台进展', text: '大家好，\n\n本周数据平台进展如下：\n1. 完成了新调度系统的测试\n2. 客户报表的延迟问题已经解决\n3. 下周开始迁移历史数据\n\n谢谢，\n李伟' },
    { from: FRIENDS.chenjing, subject: '中秋节快乐', enc: cn, text: '达娜，你好！\n\n中秋节快乐！祝你和家人身体健康，万事如意。\n我们下个月在上海见面吧。\n\n陈静' },
  ];
  for (const c of cjk) {
    const thread: DemoThread = { gmId: undefined };
    const date = randomDate(DEMO_END - 400 * DAY);
    const messageId = mid(domainOf(c.from));
    const body = c.enc ? textPart(c.text, { charset: c.enc.charset, encode: c.enc.encode, cte: c.enc.charset === 'ISO-2022-JP' ? '7bit' : 'base64' }) : textPart(c.text, { cte: 'base64' });
    out.push({
      date, from: c.from, to: [ME], subject: c.subject, subjectCharset: c.enc, messageId, thread, labels: ['Inbox', 'Category Personal'],
      body: c.attach ? multipart('mixed', [body, attachmentPart('kyoto.png', 'image/png', png(201))], boundary()) : body, kind: 'cjk',
    });
    if (c.reply) {
      out.push({
        date: date + rng.int(2, 20) * HOUR, from: ME, to: [c.from], subject: `Re: ${c.subject}`, messageId: mid('skimmer.example'), inReplyTo: messageId, references: [messageId], thread,
        labels: ['Sent'], body: textPart(c.reply, { cte: 'base64' }), kind: 'cjk',
      });
    }
  }

  // ---- spam and drafts ----
  for (let i = 0; i < 16; i++) {
    const s = SPAM[i % SPAM.length]!;
    const [, name, email] = /^(.*) <(.*)>$/.exec(s.from)!;
    const html = rng.chance(0.5);
    out.push({
      date: randomDate(DEMO_END - 60 * DAY, DEMO_END), from: { name: name!, email: email!, tz: rng.pick([-600, 120, 480]) }, to: [ME], subject: s.subject, messageId: mid(email!.split('@')[1]!), thread: { gmId: undefined }, labels: ['Spam'],
      body: html ? textPart(`<html><body><h1 style="color:red">${escapeHtml(s.subject)}</h1><p>${escapeHtml(s.body)}</p><a href="http://${email!.split('@')[1]}/claim">CLICK HERE</a><img src="https://images.example.com/track/${rng.hex(16)}.gif" width="1" height="1"></body></html>`, { subtype: 'html' }) : textPart(s.body),
      kind: 'spam',
    });
  }
  for (const [to, subject, text] of [
    [WORK.priya, 'Draft: thoughts on the reorg', 'Priya,\n\nI wanted to share a few thoughts before Monday'],
    [FRIENDS.sam, 'Gift ideas', 'Sam, what about a pottery class plus'],
    [CLIENTS.olivia, 'Follow-up on the renewal', 'Hi Olivia,\n\nFollowing up on our call,'],
  ] as const) {
    out.push({ date: randomDate(DEMO_END - 20 * DAY, DEMO_END), from: ME, to: [to], subject, messageId: mid('skimmer.example'), thread: { gmId: undefined }, labels: ['Draft'], body: textPart(text), kind: 'draft' });
  }

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
