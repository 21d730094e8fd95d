/**
 * The emulator's evaluator against hand-built messages, one describe block per row of the
 * decision table in shared/reference/gmail-search-semantics.md.
 */
import { describe, it, expect } from 'vitest';
import { parseGmailQuery, type SearchableMessage } from '../../../common/gmail-query';
import { compileMatcher, prepareMessage, searchMessages, searchThreadIds, type MatchContext, type PreparedMessage } from '../../../emulator/search/evaluate';

const BASE: SearchableMessage = {
  id: '0',
  threadId: 't0',
  internalDate: Date.parse('2024-06-15T12:00:00Z'),
  sizeEstimate: 5000,
  labelIds: ['INBOX'],
  from: '',
  to: '',
  cc: '',
  bcc: '',
  deliveredTo: '',
  subject: '',
  listId: '',
  rfc822MessageId: '',
  bodyText: '',
  attachments: [],
};

const LABELS: MatchContext['labels'] = [
  { id: 'INBOX', name: 'INBOX', type: 'system' },
  { id: 'SPAM', name: 'SPAM', type: 'system' },
  { id: 'TRASH', name: 'TRASH', type: 'system' },
  { id: 'Label_1', name: 'Work/Clients', type: 'user' },
  { id: 'Label_2', name: 'Receipts', type: 'user' },
  { id: 'Label_3', name: 'Project Apollo', type: 'user' },
];

const CTX: MatchContext = { now: new Date('2024-07-01T19:00:00Z'), labels: LABELS, includeSpamTrash: false };

function msg(fields: Partial<SearchableMessage>): PreparedMessage {
  return prepareMessage({ ...BASE, ...fields });
}

function matches(q: string, m: PreparedMessage, ctx: MatchContext = CTX): boolean {
  return compileMatcher(parseGmailQuery(q), ctx)(m);
}

/** Asserts each query's verdict on one message. */
function expectVerdicts(m: PreparedMessage, verdicts: Record<string, boolean>, ctx: MatchContext = CTX): void {
  for (const [q, expected] of Object.entries(verdicts)) expect(matches(q, m, ctx), q).toBe(expected);
}

describe('1a to: scope', () => {
  const m = msg({ to: 'Alice <alice@a.com>', cc: 'Carol <carol@c.com>', bcc: 'Bob <bob@b.com>', listId: '<dev.lists.example.org>' });
  it('to: covers To, Cc and Bcc; cc:/bcc: only their own header; never List-Id', () => {
    expectVerdicts(m, {
      'to:alice': true,
      'to:carol': true,
      'to:bob': true,
      'cc:carol': true,
      'cc:alice': false,
      'cc:bob': false,
      'bcc:bob': true,
      'bcc:carol': false,
      'to:dev.lists.example.org': false,
      'to:lists': false,
    });
  });
});

describe('1b address words', () => {
  const m = msg({ from: '"Amy Smith" <amy.smith@x.com>', deliveredTo: 'me+tag@my.org' });
  it('indexes display names and addresses as words, case-folded', () => {
    expectVerdicts(m, {
      'from:amy': true,
      'from:Smith': true,
      'from:AMY': true,
      'from:joh': false,
      'from:am': false,
      'deliveredto:tag': true,
      'deliveredto:my.org': true,
      'from:"amy smith"': true,
      'from:"smith amy"': false,
    });
  });
  it('does not split on underscore', () => {
    const u = msg({ from: 'foo_bar@x.com' });
    expectVerdicts(u, { 'from:foo': false, 'from:foo_bar': true });
  });
});

describe('1c address values', () => {
  const m = msg({ from: 'Amy <amy.smith@x.com>' });
  it('matches a word run without @, and needs the whole address with an inner @', () => {
    expectVerdicts(m, {
      'from:amy': true,
      'from:smith': true,
      'from:x.com': true,
      'from:@x.com': true,
      'from:amy.smith@': true,
      'from:amy.smith@x.com': true,
      'from:AMY.SMITH@X.COM': true,
      'from:amy.smith@gmail': false,
      'from:smith@x.com': false,
      'from:amy.smith@x.com.au': false,
      'from:smith.x': true,
      'from:amy.smith.x.com': true,
    });
  });
  it('does not run a word sequence across the name and the address', () => {
    expect(matches('from:"amy amy"', m)).toBe(false);
  });
});

describe('1d + in values', () => {
  it('a+b without @ is OR; with @ one address', () => {
    const foo = msg({ from: 'foo@x.com' });
    const plus = msg({ from: 'foo+bar@x.com' });
    expectVerdicts(foo, { 'from:foo+bar': true, 'from:bar+foo': true, 'from:foo+bar@x.com': false });
    expectVerdicts(plus, { 'from:foo+bar@x.com': true, 'from:"foo+bar@x.com"': true });
  });
});

describe('1e me', () => {
  const mine = msg({ from: 'Me Myself <owner@my.org>', to: 'friend@y.com' });
  const theirs = msg({ from: 'friend@y.com', to: 'Owner <owner@my.org>' });
  const ctx = { ...CTX, accountEmail: 'owner@my.org' };
  it('from:me / to:me mean the account address', () => {
    expectVerdicts(mine, { 'from:me': true, 'to:me': false }, ctx);
    expectVerdicts(theirs, { 'from:me': false, 'to:me': true }, ctx);
  });
  it('without an account address, me is an ordinary word', () => {
    expectVerdicts(mine, { 'from:me': true, 'to:me': false });
    expectVerdicts(theirs, { 'from:me': false });
  });
});

describe('2a grammar and 2b negation', () => {
  const ab = msg({ id: '1', bodyText: 'aaa ccc' });
  it('(aaa OR bbb -ccc) does not match "aaa ccc" (gmail-britta #25)', () => {
    expect(matches('(aaa OR bbb -ccc)', ab)).toBe(false);
    expect(matches('aaa OR (bbb -ccc)', ab)).toBe(true);
  });
  it('applies AND, OR, groups and negation', () => {
    const m = msg({ bodyText: 'alpha beta', subject: 'gamma' });
    expectVerdicts(m, {
      'alpha beta': true,
      'alpha delta': false,
      'alpha AND gamma': true,
      'delta OR gamma': true,
      '{delta epsilon}': false,
      '-(alpha delta)': true,
      '-(alpha beta)': false,
      '-{delta gamma}': false,
      '-{delta epsilon}': true,
      'NOT delta': true,
      'from:(nobody OR none)': false,
      'subject:(gamma OR delta)': true,
      'subject:(gamma alpha)': false,
    });
  });
});

describe('2c keyword case', () => {
  it('lowercase or is a word that must be present', () => {
    const m = msg({ bodyText: 'alpha' });
    expect(matches('alpha OR beta', m)).toBe(true);
    expect(matches('alpha or beta', m)).toBe(false);
    expect(matches('alpha or beta', msg({ bodyText: 'alpha or beta' }))).toBe(true);
  });
});

describe('3a/3b dates against internalDate, midnight Los Angeles', () => {
  // 2024-01-05 00:00 PST = 08:00 UTC.
  const justBefore = msg({ internalDate: Date.parse('2024-01-05T07:59:59Z') });
  const atMidnight = msg({ internalDate: Date.parse('2024-01-05T08:00:00Z') });
  it('after: is inclusive and before: exclusive at Pacific midnight', () => {
    expectVerdicts(justBefore, { 'after:2024/01/05': false, 'before:2024/01/05': true, 'newer:2024/1/5': false, 'older:1/5/2024': true });
    expectVerdicts(atMidnight, { 'after:2024/01/05': true, 'before:2024/01/05': false, 'after:2024-01-05': true });
  });
  it('uses daylight time in summer', () => {
    // 2024-07-04 00:00 PDT = 07:00 UTC.
    expectVerdicts(msg({ internalDate: Date.parse('2024-07-04T07:00:00Z') }), { 'after:2024/07/04': true });
    expectVerdicts(msg({ internalDate: Date.parse('2024-07-04T06:59:59Z') }), { 'after:2024/07/04': false });
  });
  it('compares epoch seconds exactly', () => {
    const m = msg({ internalDate: 1_700_000_000_000 });
    expectVerdicts(m, { 'after:1700000000': true, 'before:1700000000': false, 'after:1700000001': false, 'before:1700000001': true });
  });
  it('compares internalDate, not any header date', () => {
    expect(matches('after:2024/06/15 before:2024/06/16', msg({ bodyText: 'Date: 1999-01-01' }))).toBe(true);
  });
});

describe('3c bad date formats', () => {
  it('match nothing, and their negation matches everything', () => {
    const m = msg({});
    expectVerdicts(m, {
      'after:1718452800000': false,
      'after:2024-06-12T09:00Z': false,
      'before:2024-06-12T09:00Z': false,
      '-after:2024-06-12T09:00Z': true,
      'before:2024/02/30': false,
    });
  });
});

describe('3d relative dates', () => {
  // now = 2024-07-01 12:00 PDT.
  const twoDaysOld = msg({ internalDate: Date.parse('2024-06-29T18:00:00Z') });
  const fortyDaysOld = msg({ internalDate: Date.parse('2024-05-22T19:00:00Z') });
  const twoYearsOld = msg({ internalDate: Date.parse('2022-06-01T19:00:00Z') });
  it('uses d, m, y from now', () => {
    expectVerdicts(twoDaysOld, { 'newer_than:3d': true, 'older_than:1d': true, 'older_than:3d': false, 'newer_than:1m': true });
    expectVerdicts(fortyDaysOld, { 'newer_than:1m': false, 'newer_than:2m': true, 'older_than:1m': true, 'newer_than:1y': true });
    expectVerdicts(twoYearsOld, { 'older_than:2y': true, 'older_than:3y': false, 'newer_than:2y': false });
  });
  it('matches nothing for other units', () => {
    expectVerdicts(twoDaysOld, { 'newer_than:2w': false, 'newer_than:14d': true, 'older_than:5h': false, '-newer_than:2w': true });
  });
  it('resolves against the context clock at compile time', () => {
    const later = { ...CTX, now: new Date('2024-08-01T19:00:00Z') };
    expect(matches('newer_than:3d', twoDaysOld, later)).toBe(false);
  });
});

describe('4 size', () => {
  const small = msg({ sizeEstimate: 1000 });
  const big = msg({ sizeEstimate: 3 * 1024 * 1024 });
  it('size:N = larger:N; K=1024, M=1024²; strict comparisons', () => {
    expectVerdicts(small, {
      'size:500': true,
      'larger:500': true,
      'smaller:2000': true,
      'smaller:1000': false,
      'larger:1000': false,
      'larger:1K': false,
      'smaller:1k': true,
    });
    expectVerdicts(big, { 'larger:2M': true, 'larger:3M': false, 'smaller:4m': true, 'larger:3000K': true, 'size:3145729': false, 'larger:lots': false });
  });
});

describe('5a word index: body, subject, names, addresses, attachment names; folding', () => {
  const m = msg({
    subject: 'Quarterly Report',
    bodyText: 'Le café est prêt. <b>not html</b>',
    from: 'Zoë Adams <zoe@adams.example>',
    to: 'Bob <bob@b.com>',
    attachments: [{ filename: 'budget-2024.xlsx', mimeType: 'application/vnd.ms-excel' }],
  });
  it('finds words in each field', () => {
    expectVerdicts(m, {
      quarterly: true,
      report: true,
      cafe: true,
      CAFÉ: true,
      zoe: true,
      zoë: true,
      adams: true,
      bob: true,
      budget: true,
      xlsx: true,
      nowhere: false,
    });
  });
  it('does not match prefixes', () => {
    expectVerdicts(m, { quart: false, '+quarter': false, caf: false, bud: false });
  });
});

describe('5b query words with punctuation', () => {
  const m = msg({ bodyText: "Please e-mail John Smith; don't wait. Version 2001." });
  it('punctuation-joined words are phrases; numbers are whole words', () => {
    expectVerdicts(m, {
      'e-mail': true,
      'e.mail': true,
      "don't": true,
      'john-smith': true,
      'smith-john': false,
      'mail-e': false,
      '2001': true,
      '200': false,
      'please,wait': true,
      'please;missing': false,
    });
  });
});

describe('5c variants', () => {
  const m = msg({ subject: 'Weekly meetings', bodyText: 'The colours were usable. Starting soon.' });
  it('free text and subject: match variants; +word and quotes do not', () => {
    expectVerdicts(m, {
      meeting: true,
      meet: true,
      '+meeting': false,
      '"meeting"': false,
      '+meetings': true,
      colour: true,
      coloured: true,
      usability: true,
      start: true,
      'subject:meeting': true,
      '+subject:meeting': false,
      'subject:"weekly meeting"': false,
      'subject:"weekly meetings"': true,
      television: false,
    });
  });
  it('address, list and filename operators match exactly', () => {
    const a = msg({ from: 'meetings@x.com', listId: '<meetings.x.com>', attachments: [{ filename: 'meetings.pdf', mimeType: 'application/pdf' }] });
    expectVerdicts(a, {
      'from:meeting': false,
      'from:meetings': true,
      'list:meeting': false,
      'list:meetings': true,
      'filename:meeting': false,
      'filename:meetings': true,
    });
  });
});

describe('5d CJK', () => {
  const m = msg({ from: '鈴木花子 <user@example.com>', subject: '회의를 합시다', bodyText: '中华人民共和国 と Gmail検索' });
  it('matches CJK words inside unspaced runs', () => {
    expectVerdicts(m, {
      花子: true,
      'cc:花子': false,
      'from:花子': true,
      회의: true,
      'subject:회의': true,
      人民: true,
      人民共和国: true,
      民人: false,
      gmail検索: true,
      検索: true,
      합시다: true,
      '회의 합시다': true,
      '"회의를 합시다"': true,
    });
  });
});

describe('6a has:attachment', () => {
  it('counts any named part, including inline images and .ics; not nameless parts', () => {
    const named = msg({ attachments: [{ filename: 'image001.png', mimeType: 'image/png' }] });
    const ics = msg({ attachments: [{ filename: 'invite.ics', mimeType: 'text/calendar' }] });
    const nameless = msg({ attachments: [{ filename: '', mimeType: 'image/png' }] });
    expect(matches('has:attachment', named)).toBe(true);
    expect(matches('has:attachment', ics)).toBe(true);
    expect(matches('has:attachment', nameless)).toBe(false);
    expect(matches('has:attachment', msg({}))).toBe(false);
    expect(matches('has:attachment -filename:ics', ics)).toBe(false);
  });
});

describe('6b filename:', () => {
  const m = msg({
    attachments: [
      { filename: 'not-a-pdf.jpg', mimeType: 'image/jpeg' },
      { filename: 'Homework.TXT', mimeType: 'text/plain' },
    ],
  });
  it('matches words or phrases within one name, not the MIME type', () => {
    expectVerdicts(m, {
      'filename:pdf': true,
      'filename:homework.txt': true,
      'filename:txt': true,
      'filename:jpeg': false,
      'filename:image': false,
      'filename:jpg.homework': false,
      'filename:"not a pdf"': true,
      'filename:home': false,
    });
  });
});

describe('7 subject:', () => {
  const m = msg({ subject: 'RE: Dinner   and a Movie', bodyText: 'popcorn' });
  it('matches words of the raw subject, including Re:', () => {
    expectVerdicts(m, {
      'subject:re': true,
      '-subject:re': false,
      'subject:(dinner movie)': true,
      'subject:"dinner and a movie"': true,
      'subject:"dinner movie"': false,
      'subject:dinner popcorn': true,
      'subject:popcorn': false,
      'subject:(dinner OR lunch)': true,
    });
  });
});

describe('8 list:', () => {
  const m = msg({ listId: 'Info list <info.example.com>' });
  it('matches the word run in List-Id in any of the three forms', () => {
    expectVerdicts(m, {
      'list:info@example.com': true,
      'list:info.example.com': true,
      'list:(<info.example.com>)': true,
      'list:example': true,
      'list:other.example.com': false,
      'list:': true,
    });
    expect(matches('list:', msg({}))).toBe(false);
  });
});

describe('9a default scope', () => {
  const inbox = msg({ id: '1', labelIds: ['INBOX'], bodyText: 'hello' });
  const spam = msg({ id: '2', labelIds: ['SPAM'], bodyText: 'hello' });
  const trash = msg({ id: '3', labelIds: ['TRASH'], bodyText: 'hello' });
  const all = [inbox, spam, trash];
  const ids = (q: string, ctx: MatchContext = CTX) =>
    searchMessages(parseGmailQuery(q), all, ctx)
      .map((p) => p.message.id)
      .sort();
  it('excludes Spam and Trash unless asked', () => {
    expect(ids('hello')).toEqual(['1']);
    expect(ids('')).toEqual(['1']);
    expect(ids('hello', { ...CTX, includeSpamTrash: true })).toEqual(['1', '2', '3']);
    expect(ids('in:spam')).toEqual(['2']);
    expect(ids('in:trash hello')).toEqual(['3']);
    expect(ids('label:spam')).toEqual(['2']);
    expect(ids('label:TRASH')).toEqual(['3']);
    expect(ids('in:anywhere hello')).toEqual(['1', '2', '3']);
    expect(ids('in:spam OR in:inbox')).toEqual(['1', '2']);
  });
  it('a negated in:spam does not widen the scope', () => {
    expect(ids('-in:spam')).toEqual(['1']);
    expect(ids('-in:anywhere')).toEqual([]);
  });
});

describe('9b system labels through in:, is:, label:; is:read; in:archive; user labels; categories', () => {
  const m = msg({ labelIds: ['INBOX', 'UNREAD', 'STARRED', 'CATEGORY_SOCIAL', 'Label_1'] });
  const archived = msg({ labelIds: ['IMPORTANT', 'Label_3'] });
  const sent = msg({ labelIds: ['SENT'] });
  const draft = msg({ labelIds: ['DRAFT'] });
  it('treats in:/is:/label: alike for system labels', () => {
    for (const op of ['in', 'is', 'label']) {
      expectVerdicts(m, { [`${op}:inbox`]: true, [`${op}:starred`]: true, [`${op}:unread`]: true, [`${op}:important`]: false });
    }
    expectVerdicts(sent, { 'in:sent': true, 'is:sent': true, 'in:drafts': false });
    expectVerdicts(draft, { 'in:drafts': true, 'in:draft': true, 'is:draft': true, 'in:archive': false });
  });
  it('is:read is not UNREAD; in:archive is not INBOX/SPAM/TRASH/DRAFT', () => {
    expectVerdicts(m, { 'is:read': false, '-is:read': true, 'in:archive': false });
    expectVerdicts(archived, { 'is:read': true, 'in:archive': true, 'is:important': true });
  });
  it('matches user labels by name with case and /, -, space equivalences', () => {
    expectVerdicts(m, {
      'label:work/clients': true,
      'label:Work-Clients': true,
      'label:"work clients"': true,
      'label:WORK/CLIENTS': true,
      'label:work': false,
      'label:clients': false,
      'in:work-clients': true,
      'label:Label_1': true,
    });
    expectVerdicts(archived, { 'label:project-apollo': true, 'label:"Project Apollo"': true, 'label:project/apollo': true, 'label:apollo': false });
  });
  it('has:userlabels / has:nouserlabels', () => {
    expectVerdicts(m, { 'has:userlabels': true, 'has:nouserlabels': false });
    expectVerdicts(sent, { 'has:userlabels': false, 'has:nouserlabels': true });
  });
  it('category: maps to CATEGORY_* (primary = PERSONAL)', () => {
    expectVerdicts(m, { 'category:social': true, 'category:primary': false, 'category:bogus': false });
    expect(matches('category:primary', msg({ labelIds: ['CATEGORY_PERSONAL'] }))).toBe(true);
  });
  it('unknown is:/has:/label: values match nothing', () => {
    expectVerdicts(m, { 'is:bogus': false, 'has:bogus': false, 'label:bogus': false, '-label:bogus': true });
  });
  it('has:youtube / has:drive look for links in the text', () => {
    const links = msg({ bodyText: 'see https://www.youtube.com/watch?v=x and https://docs.google.com/spreadsheets/d/1' });
    expectVerdicts(links, { 'has:youtube': true, 'has:drive': true, 'has:spreadsheet': true, 'has:document': false });
  });
});

describe('9c threads', () => {
  it('a thread matches only through a message that satisfies the whole query alone', () => {
    const t = Date.parse('2024-01-01T00:00:00Z');
    const list = [
      msg({ id: 'a1', threadId: 'A', internalDate: t, bodyText: 'alpha' }),
      msg({ id: 'a2', threadId: 'A', internalDate: t + 10, bodyText: 'beta' }),
      msg({ id: 'b1', threadId: 'B', internalDate: t + 5, bodyText: 'alpha beta' }),
      msg({ id: 'c1', threadId: 'C', internalDate: t + 20, bodyText: 'alpha' }),
    ];
    expect(searchThreadIds(parseGmailQuery('alpha beta'), list, CTX)).toEqual(['B']);
    expect(searchThreadIds(parseGmailQuery('alpha'), list, CTX)).toEqual(['C', 'B', 'A']);
    expect(searchThreadIds(parseGmailQuery('beta'), list, CTX)).toEqual(['A', 'B']);
  });
});

describe('10 phrases', () => {
  const m = msg({ subject: 'Anniversary', bodyText: 'party\nplanning for the Re: something\nthread' });
  it('are contiguous within one field, punctuation ignored, across line breaks, not across fields', () => {
    expectVerdicts(m, {
      '"re: something"': true,
      '"re something thread"': true,
      '"planning party"': false,
      '"anniversary party"': false,
      '"party planning"': true,
      'anniversary party': true,
    });
  });
});

describe('AROUND proximity', () => {
  const m = msg({ bodyText: 'the holiday plans include a long vacation by the sea' });
  it('counts words in between, either order unless quoted', () => {
    expectVerdicts(m, {
      'holiday AROUND 4 vacation': true,
      'holiday AROUND 3 vacation': false,
      'vacation AROUND 4 holiday': true,
      '"vacation AROUND 4 holiday"': false,
      '"holiday AROUND 4 vacation"': true,
      'holiday AROUND 0 plans': true,
    });
  });
});

describe('11a unknown operators', () => {
  it('foo:bar is the phrase foo bar', () => {
    expectVerdicts(msg({ bodyText: 'the foo bar baz' }), { 'foo:bar': true, 'bar:foo': false });
  });
});

describe('11b bad values', () => {
  it('match nothing; negated match everything', () => {
    const m = msg({ bodyText: 'hello' });
    expectVerdicts(m, { 'larger:huge': false, '-larger:huge': true, 'hello OR after:bad': true, 'hello after:bad': false, 'rfc822msgid:': false });
  });
});

describe('11c malformed input', () => {
  it('reads leniently and empty matches everything', () => {
    const m = msg({ bodyText: 'alpha beta gamma' });
    expectVerdicts(m, { '': true, '   ': true, '"beta gamma': true, '(alpha OR zeta': true, 'alpha)': true, 'OR alpha AND': true, '"gamma beta': false });
  });
});

describe('rfc822msgid:', () => {
  const m = msg({ rfc822MessageId: '<200503292@Example.com>' });
  it('matches the whole Message-ID, with or without brackets, case-insensitively', () => {
    expectVerdicts(m, { 'rfc822msgid:200503292@example.com': true, 'rfc822msgid:<200503292@example.com>': true, 'rfc822msgid:200503292': false });
  });
});

describe('searchMessages ordering', () => {
  it('returns newest first, ties by id descending', () => {
    const t = Date.parse('2024-01-01T00:00:00Z');
    const list = [
      msg({ id: '18a', internalDate: t }),
      msg({ id: '18f', internalDate: t }),
      msg({ id: '190', internalDate: t + 1 }),
      msg({ id: '2', internalDate: t - 1 }),
      msg({ id: '1000', internalDate: t }),
    ];
    expect(searchMessages(parseGmailQuery(''), list, CTX).map((p) => p.message.id)).toEqual(['190', '1000', '18f', '18a', '2']);
  });
});
