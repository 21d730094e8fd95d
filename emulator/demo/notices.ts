/** The demo mailbox's machine-sent mail, part two: updates and receipts, spam, unsent drafts. */
import { BRANDS, CLIENTS, FRIENDS, ME, SPAM, WORK } from './content';
import { DEMO_END, DEMO_START, DAY, HOUR, type DemoContext, type DemoThread } from './demo-context';
import { escapeHtml, MONTH_NAMES } from './formatting';
import { makePdf } from './attachments';
import { attachmentPart, multipart, textPart } from './mime-writer';
/** Bank statements, invoices, orders and their shipping threads. */
export function addUpdatesAndReceipts(c: DemoContext): void {
  const { rng, out, mid, randomDate, boundary } = c;
  for (let i = 0; i < 24; i++) {
    const date = DEMO_START + i * 61 * DAY + rng.int(0, 5) * DAY;
    if (date > DEMO_END) break;
    const month = MONTH_NAMES[new Date(date).getUTCMonth()]!;
    const attach = rng.chance(0.5);
    const text = textPart(
      [
        'Hello Dana,',
        '',
        `Your ${month} statement for the account ending in 4821 is ready.`,
        `Closing balance: $${rng.int(1200, 9800)}.${rng.int(10, 99)}`,
        '',
        'Sign in to online banking to view it.',
        '',
        'Copperleaf Bank',
      ].join('\n'),
    );
    out.push({
      date,
      from: { name: 'Copperleaf Bank', email: 'statements@copperleaf.example', tz: -300 },
      to: [ME],
      subject: `Your ${month} statement is ready`,
      messageId: mid('copperleaf.example'),
      thread: { gmId: undefined },
      labels: ['Inbox', 'Category Updates', 'Important'],
      body: attach
        ? multipart(
            'mixed',
            [
              text,
              attachmentPart(
                `statement-${month.toLowerCase()}.pdf`,
                'application/pdf',
                makePdf([`Copperleaf Bank statement: ${month}`, 'Account ending 4821', `Opening balance $${rng.int(1000, 5000)}.00`]),
              ),
            ],
            boundary(),
          )
        : text,
      kind: 'update',
    });
  }
  for (let i = 0; i < 16; i++) {
    const date = DEMO_START + i * 91 * DAY + rng.int(0, 20) * DAY;
    if (date > DEMO_END) break;
    const inv = `CN-${2023 + Math.floor(i / 4)}-${String(rng.int(1000, 9999))}`;
    out.push({
      date,
      from: { name: 'Cloudnest Billing', email: 'billing@cloudnest.example', tz: 0 },
      to: [ME],
      subject: `Invoice ${inv} for your Cloudnest subscription`,
      messageId: mid('cloudnest.example'),
      thread: { gmId: undefined },
      labels: ['Inbox', 'Category Updates', 'Receipts'],
      body: multipart(
        'mixed',
        [
          textPart(`Thanks for your payment.\n\nInvoice: ${inv}\nPlan: Team (5 seats)\nTotal: $${rng.int(40, 90)}.00\n\nThe invoice PDF is attached.`),
          attachmentPart(`${inv}.pdf`, 'application/pdf', makePdf([`Cloudnest invoice ${inv}`, 'Plan: Team (5 seats)', 'Paid by card ending 0092'])),
        ],
        boundary(),
      ),
      kind: 'update',
    });
  }
  for (let i = 0; i < 14; i++) {
    const date = randomDate();
    const order = `FW${rng.int(100000, 999999)}`;
    const book = rng.pick(BRANDS[1]!.items);
    const price = `${rng.int(9, 39)}.${rng.int(10, 99)}`;
    out.push({
      date,
      from: { name: 'Fernway Books', email: 'orders@fernway.example', tz: -300 },
      to: [ME],
      subject: `Your Fernway Books order ${order}`,
      messageId: mid('fernway.example'),
      thread: { gmId: undefined },
      labels: ['Inbox', 'Category Updates', 'Receipts'],
      body: multipart(
        'alternative',
        [
          textPart(`Order ${order}\n\n1 x ${book}  $${price}\nShipping: free\n\nWe will email you when it ships.`),
          textPart(
            `<html><body style="font-family:Georgia,serif"><img src="https://images.example.com/fernway/logo.png" width="120" alt="Fernway Books"><h2>Thanks for your order!</h2><table style="border-collapse:collapse"><tr><td style="padding:4px 12px;border-bottom:1px solid #ddd">${escapeHtml(book)}</td><td style="padding:4px 12px;border-bottom:1px solid #ddd">$${price}</td></tr><tr><td style="padding:4px 12px">Shipping</td><td style="padding:4px 12px">free</td></tr></table><p>Order number: <b>${order}</b></p></body></html>`,
            { subtype: 'html' },
          ),
        ],
        boundary(),
      ),
      kind: 'update',
    });
    const shipThread: DemoThread = { gmId: undefined };
    let prev: string | undefined;
    for (const [k, status] of ['shipped', 'out for delivery', 'delivered'].entries()) {
      const m = mid('parcelpeak.example');
      out.push({
        date: date + (k + 1) * rng.int(20, 40) * HOUR,
        from: { name: 'ParcelPeak', email: 'tracking@parcelpeak.example', tz: -300 },
        to: [ME],
        subject: `Your package is ${status}`,
        messageId: m,
        inReplyTo: prev,
        references: prev ? [prev] : undefined,
        thread: shipThread,
        labels: ['Inbox', 'Category Updates'],
        body: textPart(
          `Tracking number PP${rng.int(10000000, 99999999)}: your Fernway Books package is ${status}.\n\nTrack it at https://parcelpeak.example/t/${rng.hex(10)}`,
        ),
        kind: 'update',
      });
      prev = m;
      if (!rng.chance(0.5)) break;
    }
  }
}

/** Spam, and a few unsent drafts. */
export function addSpamAndDrafts(c: DemoContext): void {
  const { rng, out, mid, randomDate } = c;
  for (let i = 0; i < 16; i++) {
    const s = SPAM[i % SPAM.length]!;
    const [, name, email] = /^(.*) <(.*)>$/.exec(s.from)!;
    const html = rng.chance(0.5);
    out.push({
      date: randomDate(DEMO_END - 60 * DAY, DEMO_END),
      from: { name: name!, email: email!, tz: rng.pick([-600, 120, 480]) },
      to: [ME],
      subject: s.subject,
      messageId: mid(email!.split('@')[1]!),
      thread: { gmId: undefined },
      labels: ['Spam'],
      body: html
        ? textPart(
            `<html><body><h1 style="color:red">${escapeHtml(s.subject)}</h1><p>${escapeHtml(s.body)}</p><a href="http://${email!.split('@')[1]}/claim">CLICK HERE</a><img src="https://images.example.com/track/${rng.hex(16)}.gif" width="1" height="1"></body></html>`,
            { subtype: 'html' },
          )
        : textPart(s.body),
      kind: 'spam',
    });
  }
  for (const [to, subject, text] of [
    [WORK.priya, 'Draft: thoughts on the reorg', 'Priya,\n\nI wanted to share a few thoughts before Monday'],
    [FRIENDS.sam, 'Gift ideas', 'Sam, what about a pottery class plus'],
    [CLIENTS.olivia, 'Follow-up on the renewal', 'Hi Olivia,\n\nFollowing up on our call,'],
  ] as const) {
    out.push({
      date: randomDate(DEMO_END - 20 * DAY, DEMO_END),
      from: ME,
      to: [to],
      subject,
      messageId: mid('skimmer.example'),
      thread: { gmId: undefined },
      labels: ['Draft'],
      body: textPart(text),
      kind: 'draft',
    });
  }
}
