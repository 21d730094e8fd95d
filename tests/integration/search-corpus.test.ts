/**
 * The emulator's search over real corpus mail. Every expected id list below was derived by
 * reading the .eml files (grep, manifest.tsv, and Python's email package to decode
 * encoded headers and bodies), not by running this code.
 *
 * Sample: Enron allen-p inbox (00001–00066), SpamAssassin easy ham with mailing lists
 * (03391–03440), newsletters and a Japanese thread (05890–05900), spam incl. Chinese
 * (06300–06311, labelled SPAM) and MIME test mails incl. Korean/Japanese (06672–06760).
 * 06674 is left out: its only PDF sits inside a forwarded message, and whether Gmail's
 * filename: sees into it is unknown.
 */
import { beforeAll, describe, it, expect } from 'vitest';
import { parseGmailQuery } from '../../common/gmail-query';
import { prepareMessage, searchMessages, type MatchContext, type PreparedMessage } from '../../emulator/search/evaluate';
import { fileRange, loadCorpusMessages } from './helpers/corpus-searchable';

const SAMPLE = [...fileRange(1, 66), ...fileRange(3391, 3440), ...fileRange(5890, 5900), ...fileRange(6300, 6311), ...fileRange(6672, 6760)].filter(
  (f) => f !== '06674.eml',
);

const CTX: MatchContext = {
  now: new Date('2026-01-01T00:00:00Z'),
  labels: [
    { id: 'INBOX', name: 'INBOX', type: 'system' },
    { id: 'SPAM', name: 'SPAM', type: 'system' },
  ],
  includeSpamTrash: false,
};

let prepared: PreparedMessage[] = [];

beforeAll(async () => {
  prepared = (await loadCorpusMessages(SAMPLE)).map(prepareMessage);
});

function search(q: string, ctx: MatchContext = CTX): string[] {
  return searchMessages(parseGmailQuery(q), prepared, ctx)
    .map((p) => p.message.id)
    .sort();
}

function ids(list: string): string[] {
  return list
    .split(/\s+/)
    .filter((s) => s !== '')
    .sort();
}

/** Runs a table of query -> expected ids (space-separated). */
function expectTable(table: Record<string, string>, ctx: MatchContext = CTX): void {
  for (const [q, expected] of Object.entries(table)) expect(search(q, ctx), q).toEqual(ids(expected));
}

const FORK_HAM = '03403 03413 03415 03416 03418 03419 03424 03427 03428 03429 03431 03432 03435 03436';
const ILUG = '03401 03406 03408 03410 03412 03414 03417 03421 03423 03425 03430 03434 03438 03439 03440';
const SUN_SOLARIS = '03406 03408 03410 03412 03421 03423';
const SPAM = '06300 06301 06302 06303 06304 06305 06306 06307 06308 06309 06310 06311';

describe('corpus search', () => {
  it('loads the sample', () => {
    expect(prepared).toHaveLength(SAMPLE.length);
  });

  it('from: words, domains, whole addresses and display names (rules 1b, 1c)', () => {
    expectTable({
      'from:harley': '03419 03427 03432',
      'from:argote.ch': '03419 03427 03432',
      'from:@argote.ch': '03419 03427 03432',
      'from:harley@argote.ch': '03419 03427 03432',
      'from:HARLEY@ARGOTE.CH': '03419 03427 03432',
      'from:harley@argote': '',
      'from:harl': '',
      'from:"owen byrne"': '03403 03416',
      'from:byrne': '03403 03416',
      'from:jamis': '06724 06741 06746 06756',
      'from:37signals.com': '06684 06724 06741 06746 06756',
    });
  });

  it('to: covers Cc and Bcc; cc:/bcc: only their own header (rule 1a)', () => {
    expectTable({
      'to:michaelb': '00031 05892 05895',
      'to:michaelb@opentext.com': '05892 05895',
      'cc:michaelb@amhms.com': '00031',
      'to:kam.keiser': '00009 00017 00052',
      'cc:kam.keiser': '00009',
      'bcc:kam.keiser@enron.com': '00009',
      'to:jamis': '06724 06741 06746 06756',
    });
  });

  it('deliveredto: looks at every Delivered-To header', () => {
    expectTable({
      'deliveredto:raasdnil@gmail.com': '06729 06730 06738 06739 06754',
      'deliveredto:fork@spamassassin.taint.org': FORK_HAM,
    });
  });

  it('from:(a OR b), {…} and negation (rules 2a, 2b)', () => {
    expectTable({
      'from:harley OR from:byrne': '03403 03416 03419 03427 03432',
      '{from:harley from:byrne}': '03403 03416 03419 03427 03432',
      'from:(harley OR byrne)': '03403 03416 03419 03427 03432',
      'from:harley -subject:re': '03419',
      'from:harley -{subject:re from:byrne}': '03419',
    });
  });

  it('subject: words, groups and Re: (rule 7)', () => {
    expectTable({
      'subject:entrepreneurs': '03419 03424 03427 03429 03431 03432',
      'subject:(sun solaris)': SUN_SOLARIS,
      // 03421 is "[ILUG] Re: Sun Solaris": Re is a word anywhere in the subject.
      'subject:re subject:(sun solaris)': '03406 03410 03412 03421 03423',
      'subject:(sun solaris) -subject:re': '03408',
      'subject:muppet': '03407 03409 03411',
    });
  });

  it('free text, phrases, variants and unknown operators (rules 5b, 5c, 10, 11a)', () => {
    expectTable({
      muppet: '03407 03409 03411',
      '"sun solaris"': SUN_SOLARIS,
      'sun:solaris': SUN_SOLARIS,
      '+entrepreneur': '03419 03424 03427 03431',
      '"entrepreneur"': '03419 03424 03427 03431',
      entrepreneur: '03419 03424 03427 03429 03431 03432',
      '+entrepreneurs': '03419 03424 03427 03429 03431 03432',
    });
  });

  it('list: in all three forms, and an empty list: (rule 8)', () => {
    expectTable({
      'list:ilug.linux.ie': ILUG,
      'list:ilug@linux.ie': ILUG,
      'list:(<ilug.linux.ie>)': ILUG,
      'list:fork.xent.com': FORK_HAM,
      '{list:iiu.iiu.taint.org list:irregulars.tb.tf}': '03394 03404 03426',
      'list:':
        '03391 03394 03398 03399 03400 03401 03402 03403 03404 03406 03408 03410 03412 03413 03414 03415 03416 03417 03418 03419 ' +
        '03421 03422 03423 03424 03425 03426 03427 03428 03429 03430 03431 03432 03434 03435 03436 03437 03438 03439 03440 06701',
    });
  });

  it('has:attachment counts named parts only (rule 6a)', () => {
    expectTable({
      'has:attachment':
        '05892 06672 06675 06676 06677 06678 06679 06680 06681 06682 06683 06684 06685 06699 06714 06716 06718 ' + '06720 06723 06724 06726 06729 06730',
      'has:attachment -filename:p7s -filename:pdf': '05892 06672 06675 06676 06677 06683 06684 06685 06699 06714 06720 06726 06729 06730',
    });
  });

  it('filename: words and phrases in attachment names (rule 6b)', () => {
    expectTable({
      'filename:pdf': '06678 06679 06680 06681 06682 06718 06723',
      'filename:broken.pdf': '06678 06679 06680 06681 06723',
      'filename:txt': '06676 06685 06729 06730',
      'filename:ciele': '06676',
      'filename:"this is a test"': '06682 06685',
      'filename:p7s': '06716 06718 06724',
      'filename:png': '06675 06714 06724',
      'filename:application': '',
    });
  });

  it('rfc822msgid: (whole Message-ID)', () => {
    expectTable({
      'rfc822msgid:<001b01c24a76$315c63d0$e600000a@XENON16>': '03430',
      'rfc822msgid:57a815bf0910160539m64240421gb35ea52e101aedbc@mail.gmail.com': '06729',
      'rfc822msgid:XENON16': '',
    });
  });

  it('after:/before: at Pacific midnight, DST included (rules 3a–3c)', () => {
    expectTable({
      // 03430 is 2002-08-23 00:25 PDT (07:25 UTC): inside only if midnight is read as PDT.
      'after:2002/08/23 before:2002/08/24': '03430 03431 03432 03433',
      // 00066 is 2001-12-30 23:42 PST, already 31 December in UTC.
      'after:2001/12/30 before:2001/12/31': '00018 00055 00056 00066',
      'newer:12/30/2001 older:12/31/2001': '00018 00055 00056 00066',
      'after:2002-07-11 before:2002-07-12': '05890 05891 05892 05893 05894 05895 05896 05897 05898 05899 05900',
      'after:1030087501 before:1030087502': '03430',
      'after:1030087501000': '',
    });
  });

  it('older_than:/newer_than: against the context clock (rule 3d)', () => {
    const ctx = { ...CTX, now: new Date('2002-08-24T07:00:00Z') };
    // now = 2002-08-24 00:00 PDT; later mail in the sample is "newer" too, hence the before: bound.
    expectTable({ 'newer_than:1d before:2002/08/24': '03430 03431 03432 03433', 'newer_than:1w': '' }, ctx);
  });

  it('larger:/smaller: against the raw size (rule 4)', () => {
    expectTable({
      'larger:20K': '05890 05891 05892 05893 05894 05897 05898 05899 05900 06697',
      'larger:200K': '05892',
      'size:204800': '05892',
      'smaller:600': '00015 06688 06704 06705 06707 06708 06728 06731 06732 06733 06740 06741 06746 06751 06756 06757 06758 06759 06760',
    });
  });

  it('leaves Spam out unless asked (rule 9a) and maps in:/is:/label: (rule 9b)', () => {
    expectTable({
      'in:spam': SPAM,
      'label:spam': SPAM,
      'list:fork.xent.com in:anywhere': `${FORK_HAM} 06301`,
      'in:spam list:fork.xent.com': '06301',
      'larger:20K -in:inbox': '',
      'larger:20K in:anywhere': '05890 05891 05892 05893 05894 05897 05898 05899 05900 06311 06697',
      'is:unread': '',
      'in:archive larger:20K': '',
    });
    expect(search('')).toHaveLength(SAMPLE.length - 12);
    expect(search('', { ...CTX, includeSpamTrash: true })).toHaveLength(SAMPLE.length);
    expect(search('in:inbox')).toHaveLength(SAMPLE.length - 12);
  });

  it('finds CJK words inside unspaced runs (rule 5d)', () => {
    expectTable({
      하나님: '06741 06746 06752 06756',
      이름: '06741 06746 06752 06756',
      'subject:한국말': '06741 06746 06752',
      メール: '05892 06732',
      テスト: '05895 06732',
      'subject:日本語': '05892',
      三菱: '05895',
      漢字: '06756',
      まみむめも: '06728 06730 06731',
      'filename:てすと': '06729',
      'from:伊東': '05892',
      交通: '',
      'in:spam 交通': '06305 06306',
      'in:anywhere 汽车': '06305 06306',
    });
  });

  it('returns newest first', () => {
    const result = searchMessages(parseGmailQuery('list:ilug.linux.ie'), prepared, CTX).map((p) => p.message.internalDate);
    expect(result).toEqual([...result].sort((a, b) => b - a));
  });
});
