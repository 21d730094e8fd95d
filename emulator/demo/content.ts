/** The invented cast and text of the demo mailbox. Every name, company and domain is made up (.example). */

export interface Person {
  name: string;
  email: string;
  /** UTC offset in minutes, for the Date header. */
  tz: number;
}

const p = (name: string, email: string, tz: number): Person => ({ name, email, tz });

export const ME = p('Dana Whitfield', 'demo@skimmer.example', -480);

export const WORK = {
  priya: p('Priya Raman', 'priya.raman@larkspur.example', -480),
  marcus: p('Marcus Oyelaran', 'marcus.o@larkspur.example', -300),
  elena: p('Elena Sokolova', 'elena.sokolova@larkspur.example', 60),
  tomas: p('Tomás Ferreira', 'tomas.ferreira@larkspur.example', 0),
  hannah: p('Hannah Cho', 'hannah.cho@larkspur.example', -480),
  ravi: p('Ravi Deshmukh', 'ravi.d@larkspur.example', 330),
  liwei: p('Li Wei', 'li.wei@larkspur.example', 480),
};
export const CLIENTS = {
  olivia: p('Olivia Brandt', 'olivia.brandt@harborfinch.example', -300),
  kenji: p('Kenji Watanabe', 'k.watanabe@meridianfreight.example', 540),
  zoe: p('Zoë Lindqvist', 'zoe@nordvik-design.example', 60),
};
export const FRIENDS = {
  sam: p('Sam Whitfield', 'sam.whitfield@mailbox.example', -360),
  linda: p('Linda Whitfield', 'linda.w@mailbox.example', -360),
  jordan: p('Jordan Ellis', 'jordan.ellis@fastmail.example', -300),
  maya: p('Maya Goldberg', 'maya.goldberg@mailbox.example', -480),
  aiko: p('田中 愛子', 'aiko.tanaka@kumo.example', 540),
  minjun: p('박민준', 'minjun.park@hanul.example', 540),
  chenjing: p('陈静', 'chen.jing@qingshan.example', 480),
};

export const WORK_TOPICS: { subject: string; lines: string[]; attachment?: 'csv' | 'pdf' | 'docx' | 'png' }[] = [
  { subject: 'Q{q} roadmap review', attachment: 'docx', lines: ['I put the draft roadmap for Q{q} in the attached doc.', 'The big open question is whether the ingestion rewrite fits before the {client} launch.', 'Could you look at the sequencing in section 3 before Thursday?'] },
  { subject: '{client} dashboard feedback', lines: ['{client} came back with feedback on the dashboard prototype.', 'They love the cohort view but find the filters confusing on small screens.', 'Let us pick three changes we can ship this sprint.'] },
  { subject: 'Churn model v{n} results', attachment: 'csv', lines: ['The v{n} churn model finished training overnight.', 'AUC went from 0.81 to 0.84 on the holdout set; the per-segment numbers are in the CSV.', 'The enterprise segment still looks noisy, probably too few samples.'] },
  { subject: 'Data pipeline migration plan', lines: ['Here is the plan for moving the nightly jobs to the new scheduler.', 'We would run both systems side by side for two weeks and compare row counts.', 'The risky part is the backfill for {client}; it touches four years of events.'] },
  { subject: 'Offsite planning: {month}', lines: ['We are planning the team offsite for {month}.', 'Two venue options so far: a lodge near the lake or the co-working space downtown.', 'Please add your date constraints to the poll by Friday.'] },
  { subject: 'Hiring: senior analyst loop', lines: ['We have four candidates in the senior analyst loop next week.', 'I need two more interviewers for the case-study round.', 'The rubric is unchanged from last quarter.'] },
  { subject: 'Invoice {n} for {client}', attachment: 'pdf', lines: ['Attached is invoice {n} for the {month} engagement.', 'Payment terms are net 30 as usual.', 'Let me know if the PO number needs to appear on the first page.'] },
  { subject: 'Weekly sync notes ({month} {day})', lines: ['Notes from today:', '- metrics freeze moves to next Tuesday', '- {client} renewal call is on the calendar', '- Ravi is out Thursday and Friday'] },
  { subject: 'Forecast numbers for the board deck', attachment: 'csv', lines: ['Finance asked for the updated forecast by end of day.', 'I used the conservative scenario for the second half.', 'The CSV has monthly numbers by region.'] },
  { subject: 'Incident review: delayed exports', lines: ['Yesterday the export jobs ran three hours late.', 'Root cause: a schema change upstream added a nullable column we did not expect.', 'Action items: add a contract test and alert on job lag over 30 minutes.'] },
  { subject: 'Architecture sketch for the search service', attachment: 'png', lines: ['Attached is a quick sketch of the search service.', 'Queries go through a small planner, then to the index shards.', 'Happy to walk through it on a call.'] },
  { subject: 'Contract renewal with {client}', attachment: 'pdf', lines: ['Legal sent the redlined renewal for {client}.', 'The main change is the data retention clause, now 18 months instead of 12.', 'Can you confirm that our pipeline can honour that?'] },
  { subject: 'Conference talk proposal', attachment: 'docx', lines: ['I drafted an abstract for the analytics conference in {month}.', 'Working title: "Small models, big wins: pragmatic forecasting".', 'Would you co-present?'] },
  { subject: 'Access request for the warehouse', lines: ['Could you approve read access to the analytics warehouse for the new intern?', 'Scope: the marketing schema only.', 'Ticket is linked in the tracker.'] },
  { subject: 'Survey results are in', attachment: 'csv', lines: ['The customer survey closed with {n} responses.', 'Satisfaction is up four points; onboarding remains the weakest area.', 'Raw export attached.'] },
];

export const WORK_REPLIES = [
  'Thanks, that works for me.',
  'Looks good overall. Two small comments inline below.',
  'I can take the first item; can someone else pick up the second?',
  'Agreed. Let us discuss the details on Thursday.',
  'Quick question: is this blocking the {client} release?',
  'I updated the numbers; the totals now match finance.',
  'Sounds good. I will send a calendar invite.',
  'Can we push this to next week? I am buried in the migration.',
  'Great work on this, thank you!',
  'I left a few notes in the doc, mostly wording.',
];

export const PERSONAL_TOPICS: { subject: string; lines: string[]; from: keyof typeof FRIENDS; label?: string; attachment?: 'png' | 'ics' | 'pdf' }[] = [
  { subject: 'Dinner on Saturday?', from: 'jordan', lines: ['Are you free for dinner on Saturday?', 'There is a new ramen place on Pine Street everyone keeps talking about.'] },
  { subject: 'Photos from the lake', from: 'sam', label: 'Family', attachment: 'png', lines: ['Finally sorted the photos from the lake weekend.', 'Here is my favourite one, the sunset from the dock.'] },
  { subject: "Mom's birthday", from: 'sam', label: 'Family', lines: ["Mom's birthday is coming up.", 'Should we go in together on the pottery class she mentioned?'] },
  { subject: 'Recipe you asked for', from: 'linda', label: 'Family', lines: ['Here is the lemon cake recipe.', '200 g flour, 150 g sugar, 3 eggs, zest of two lemons, 100 ml yoghurt.', 'Bake at 180 degrees for about 40 minutes.'] },
  { subject: 'Book club pick for next month', from: 'maya', lines: ['My vote for next month is the new lighthouse mystery.', 'It is short, so even Jordan might finish it this time.'] },
  { subject: 'Hiking this weekend', from: 'jordan', attachment: 'ics', lines: ['Weather looks perfect for the ridge trail on Sunday.', 'I put it in a calendar invite; meet at the trailhead at 8.'] },
  { subject: 'Thanksgiving plans', from: 'linda', label: 'Family', lines: ['Are you coming home for Thanksgiving this year?', 'Sam said he can pick you up from the airport.'] },
  { subject: 'Moving boxes', from: 'maya', lines: ['I have about twenty moving boxes left over.', 'Want them for your move?'] },
  { subject: 'Concert tickets', from: 'jordan', attachment: 'pdf', lines: ['Got the tickets for the concert in the park.', 'PDF attached in case my phone dies again.'] },
];

export const PERSONAL_REPLIES = [
  'Yes! Count me in.',
  'That sounds lovely, thank you.',
  'Ha, perfect. See you then.',
  'I cannot make it this time, sorry. Next time for sure.',
  'Love it! Can you send the full album?',
  'Let me check my calendar and get back to you tonight.',
];

/** A table written as rows under one header, so that no row repeats the keys. */
function rowsOf<const K extends readonly string[]>(keys: K, rows: readonly { [I in keyof K]: string }[]): { [P in K[number]]: string }[] {
  return rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]])) as { [P in K[number]]: string });
}

export const TRAVEL_CITIES = rowsOf(['city', 'code', 'hotel'], [
  ['Lisbon', 'LIS', 'Quayside Lisbon Riverside'],
  ['Kyoto', 'KIX', 'Quayside Kyoto Garden'],
  ['Seoul', 'ICN', 'Quayside Seoul Namsan'],
  ['Montreal', 'YUL', 'Quayside Old Port'],
  ['Reykjavik', 'KEF', 'Quayside Harbour'],
  ['Chicago', 'ORD', 'Quayside Riverwalk'],
]);

export const BRANDS = [
  { name: 'Brightwater Outfitters', email: 'news@brightwater.example', slug: 'brightwater', color: '#1f6f5c', items: ['Trail Runner 3 shoes', 'Packable rain shell', 'Merino base layer', 'Ultralight tent', 'Insulated bottle'] },
  { name: 'Fernway Books', email: 'hello@fernway.example', slug: 'fernway', color: '#7a3e1d', items: ['The Lighthouse Keeper', 'A Field Guide to Clouds', 'Cooking with Citrus', 'Quiet Cities', 'The Long Ridge'] },
  { name: 'Saltmarsh Coffee Roasters', email: 'roastery@saltmarsh.example', slug: 'saltmarsh', color: '#3b2f2f', items: ['Ethiopia Guji', 'Colombia Huila', 'House Espresso', 'Decaf Swiss Water', 'Cold brew kit'] },
  { name: 'Voltline Electronics', email: 'deals@voltline.example', slug: 'voltline', color: '#1d4ed8', items: ['Noise-cancelling headphones', 'USB-C dock', '4K monitor', 'Mechanical keyboard', 'Smart plug 4-pack'] },
];

export const SPAM = rowsOf(['from', 'subject', 'body'], [
  ['Prize Center <winner@prize-center.example>', 'Congratulations!!! You have WON a $500 gift card', 'Claim your reward now before it expires. Click the link and enter your card details to verify.'],
  ['Account Security <security@paypa1-verify.example>', 'URGENT: your account will be suspended', 'We detected unusual activity. Verify your identity within 24 hours or your account will be closed.'],
  ['Dr. James Okoro <j.okoro@bank-transfer.example>', 'Confidential business proposal', 'I am a bank officer with a proposal to transfer 12,500,000 USD. I need a trustworthy partner. Reply with your full name and phone number.'],
  ['Crypto Alerts <alerts@moonshot-coin.example>', 'This coin will 100x next week', 'Insiders are buying. Do not miss the next big thing. Limited presale spots.'],
  ['Cheap Meds <store@pharma-discount.example>', 'Save 90% on prescriptions', 'No prescription needed. Discreet shipping worldwide.'],
  ['SEO Expert <rank@seo-top1.example>', 'Your website is not ranking', 'I can get your site to the first page of search results in 7 days. Guaranteed.'],
  ['Parcel Service <noreply@parcel-redelivery.example>', 'Delivery failed: pay the customs fee', 'Your package is on hold. Pay a 1.99 fee to schedule redelivery.'],
]);
