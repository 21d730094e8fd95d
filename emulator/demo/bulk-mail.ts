/** The demo mailbox's machine-sent mail, part one: travel bookings, newsletters, social notifications (part two: notices.ts). */
import { BRANDS, FRIENDS, ME, TRAVEL_CITIES, WORK, type Person } from './content';
import { DAY, HOUR, type DemoContext } from './demo-context';
import { escapeHtml, MONTH_NAMES, utcDay } from './formatting';
import { makePdf } from './attachments';
import { attachmentPart, multipart, textPart } from './mime-writer';

/** Travel: flights, hotels, calendar invites. */
export function addTravel(c: DemoContext): void {
  const { rng, out, mid, randomDate, boundary, invite } = c;
  for (const trip of TRAVEL_CITIES) {
    const date = randomDate();
    const depart = date + rng.int(14, 60) * DAY;
    const conf = rng.hex(6).toUpperCase();
    const airline: Person = { name: 'Tandem Air', email: 'itinerary@tandemair.example', tz: 0 };
    const itinerary = [
      `Your trip to ${trip.city} is confirmed.`,
      '',
      `Confirmation code: ${conf}`,
      `Departure: ${new Date(depart).toUTCString()}`,
      `Route: SFO -> ${trip.code}`,
      `Seat: ${rng.int(8, 38)}${rng.pick(['A', 'C', 'D', 'F'])}`,
      '',
      'Check in opens 24 hours before departure.',
    ].join('\n');
    out.push({
      date,
      from: airline,
      to: [ME],
      subject: `Your Tandem Air itinerary: SFO to ${trip.code} (${conf})`,
      messageId: mid('tandemair.example'),
      thread: { gmId: undefined },
      labels: ['Inbox', 'Category Updates', 'Travel', 'Important'],
      body: multipart(
        'mixed',
        [
          multipart(
            'alternative',
            [
              textPart(itinerary),
              textPart(
                `<html><body style="font-family:Arial,sans-serif;color:#222"><img src="https://images.example.com/tandemair/logo.png" alt="Tandem Air" width="140"><h2 style="color:#0b5394">Trip to ${trip.city} confirmed</h2><p>Confirmation code: <b>${conf}</b></p><p>${escapeHtml(new Date(depart).toUTCString())}</p></body></html>`,
                { subtype: 'html' },
              ),
            ],
            boundary(),
          ),
          attachmentPart(
            `e-ticket-${conf}.pdf`,
            'application/pdf',
            makePdf([`Tandem Air e-ticket ${conf}`, `Passenger: DANA WHITFIELD`, `SFO -> ${trip.code}`, new Date(depart).toUTCString()]),
          ),
        ],
        boundary(),
      ),
      kind: 'travel',
    });
    out.push({
      date: date + rng.int(1, 48) * HOUR,
      from: { name: 'Quayside Hotels', email: 'reservations@quayside.example', tz: 0 },
      to: [ME],
      subject: `Reservation confirmed: ${trip.hotel}`,
      messageId: mid('quayside.example'),
      thread: { gmId: undefined },
      labels: ['Inbox', 'Category Updates', 'Travel'],
      body: textPart(
        [
          'Dear Dana Whitfield,',
          '',
          `Thank you for choosing ${trip.hotel}.`,
          `Check-in: ${utcDay(depart + DAY)}`,
          `Nights: ${rng.int(2, 6)}`,
          `Rate: ${rng.int(120, 340)} per night, breakfast included.`,
          '',
          'We look forward to welcoming you.',
        ].join('\n'),
      ),
      kind: 'travel',
    });
    const start = depart + 2 * DAY;
    out.push({
      date: date + rng.int(2, 5) * DAY,
      from: ME,
      to: [FRIENDS.jordan],
      subject: `${trip.city} plans`,
      messageId: mid('skimmer.example'),
      thread: { gmId: undefined },
      labels: ['Sent', 'Travel'],
      body: multipart(
        'mixed',
        [
          textPart(`Booked! I land in ${trip.city} on ${utcDay(depart)}. Invite for the walking tour attached.\n\nDana`),
          invite('walking-tour.ics', start, `${trip.city} walking tour`, `${trip.city} old town`, date),
        ],
        boundary(),
      ),
      kind: 'travel',
    });
  }
}

/** Newsletters (Promotions), some with inline images. */
export function addNewsletters(c: DemoContext): void {
  const { rng, out, mid, domainOf, randomDate, boundary, png } = c;
  for (const brand of BRANDS) {
    const sender: Person = { name: brand.name, email: brand.email, tz: -300 };
    for (let i = 0; i < 18; i++) {
      const date = randomDate();
      const item = rng.pick(brand.items);
      const pct = rng.pick([10, 15, 20, 25, 30, 40]);
      const subject = rng.pick([
        `${pct}% off ${item} this weekend`,
        `New arrivals: ${item} and more`,
        `Your ${MONTH_NAMES[new Date(date).getUTCMonth()]} picks from ${brand.name}`,
        `Last chance: free shipping ends tonight`,
        `${item} is back in stock`,
      ]);
      const cards = [item, rng.pick(brand.items), rng.pick(brand.items)]
        .map(
          (it, k) =>
            `<td style="padding:8px;width:33%;vertical-align:top"><img src="https://images.example.com/${brand.slug}/products/${it.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.jpg" width="160" height="120" alt="${escapeHtml(it)}" style="display:block;border-radius:6px"><p style="font:14px Georgia,serif;margin:6px 0">${escapeHtml(it)}</p><p style="font:bold 14px Arial;color:${brand.color};margin:0">$${rng.int(12, 240)}.${k}9</p></td>`,
        )
        .join('');
      const inline = rng.chance(0.2);
      const logo = inline
        ? `<img src="cid:logo-${brand.slug}@demo" alt="${escapeHtml(brand.name)}" width="120">`
        : `<img src="https://images.example.com/${brand.slug}/logo.png" alt="${escapeHtml(brand.name)}" width="120">`;
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title><style>a{color:${brand.color}} .btn{background:${brand.color};color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none}</style></head><body style="margin:0;background:#f4f4f4"><table role="presentation" width="100%" style="max-width:600px;margin:0 auto;background:#ffffff;font-family:Arial,Helvetica,sans-serif"><tr><td style="padding:20px;text-align:center">${logo}</td></tr><tr><td style="padding:0 20px"><img src="https://images.example.com/${brand.slug}/hero-${rng.int(1, 40)}.jpg" width="560" alt="" style="width:100%;height:auto"></td></tr><tr><td style="padding:20px"><h1 style="font:bold 24px Georgia,serif;color:#222">${escapeHtml(subject)}</h1><p style="font-size:15px;line-height:1.5;color:#444">Hi Dana, we picked a few things we think you&rsquo;ll love. Use code <b>SAVE${pct}</b> at checkout &ndash; valid until Sunday.</p><table width="100%"><tr>${cards}</tr></table><p style="text-align:center;padding:16px"><a class="btn" href="https://${brand.slug}.example/shop?utm_source=newsletter">Shop now &rarr;</a></p></td></tr><tr><td style="padding:20px;font-size:11px;color:#888;text-align:center">${escapeHtml(brand.name)} &middot; 100 Market Street &middot; <a href="https://${brand.slug}.example/unsubscribe">Unsubscribe</a></td></tr></table></body></html>`;
      const text = `${subject}\n\nHi Dana, we picked a few things we think you'll love. Use code SAVE${pct} at checkout - valid until Sunday.\n\nShop now: https://${brand.slug}.example/shop\n\nUnsubscribe: https://${brand.slug}.example/unsubscribe`;
      const alt = multipart('alternative', [textPart(text), textPart(html, { subtype: 'html', cte: 'qp' })], boundary());
      const body = inline
        ? multipart(
            'related',
            [alt, attachmentPart(`${brand.slug}-logo.png`, 'image/png', png(brand.slug.length * 11), { inline: true, contentId: `logo-${brand.slug}@demo` })],
            boundary(),
          )
        : alt;
      out.push({
        date,
        from: sender,
        to: [ME],
        subject,
        messageId: mid(domainOf(sender)),
        thread: { gmId: undefined },
        labels: ['Inbox', 'Category Promotions'],
        body,
        kind: 'promo',
        extraHeaders: [
          ['List-Unsubscribe', `<https://${brand.slug}.example/unsubscribe?u=${rng.hex(10)}>, <mailto:unsubscribe@${domainOf(sender)}>`],
          ['List-Id', `${brand.name} News <news.${domainOf(sender)}>`],
          ['Precedence', 'bulk'],
        ],
      });
    }
  }
}

/** Social-network notifications. */
export function addSocialNotifications(c: DemoContext): void {
  const { rng, out, mid, randomDate, boundary } = c;
  const socialFriends = [FRIENDS.jordan, FRIENDS.maya, FRIENDS.sam, WORK.hannah, WORK.marcus];
  for (let i = 0; i < 34; i++) {
    const date = randomDate();
    const who = rng.pick(socialFriends);
    const pixel = rng.chance(0.6);
    const subject = pixel
      ? rng.pick([
          `${who.name} commented on your photo`,
          `${who.name} tagged you in a post`,
          `You have ${rng.int(2, 9)} new followers`,
          `${who.name} shared an album with you`,
        ])
      : rng.pick([
          `${who.name} endorsed you for Data Analysis`,
          `You appeared in ${rng.int(5, 60)} searches this week`,
          `New jobs that match your profile`,
          `Congratulate ${who.name} on a work anniversary`,
        ]);
    const site = pixel
      ? { name: 'Pixelmoth', email: 'notify@pixelmoth.example', slug: 'pixelmoth' }
      : { name: 'Linkhaven', email: 'updates@linkhaven.example', slug: 'linkhaven' };
    const html = `<html><body style="font-family:Helvetica,Arial,sans-serif;background:#fafafa"><div style="max-width:520px;margin:auto;background:#fff;padding:24px;border:1px solid #eee"><img src="https://images.example.com/${site.slug}/logo.png" width="96" alt="${site.name}"><p style="font-size:16px">${escapeHtml(subject)}.</p><p><a href="https://${site.slug}.example/n/${rng.hex(12)}" style="background:#5b4bdb;color:#fff;padding:10px 16px;text-decoration:none;border-radius:20px">See it on ${site.name}</a></p><p style="color:#999;font-size:11px">You are receiving this because of your notification settings.</p></div></body></html>`;
    out.push({
      date,
      from: { name: site.name, email: site.email, tz: 0 },
      to: [ME],
      subject,
      messageId: mid(`${site.slug}.example`),
      thread: { gmId: undefined },
      labels: ['Inbox', 'Category Social'],
      body: multipart(
        'alternative',
        [textPart(`${subject}.\n\nSee it on ${site.name}: https://${site.slug}.example/`), textPart(html, { subtype: 'html', cte: 'qp' })],
        boundary(),
      ),
      kind: 'social',
    });
  }
}
