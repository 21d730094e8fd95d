import { describe, it, expect } from 'vitest';
import {
  cjkBigrams,
  containsSequence,
  foldText,
  indexOfSequence,
  isCjkToken,
  parseAddressList,
  queryWordToTokens,
  stemEnglish,
  stripEdgeAts,
  tokenizeText,
  variantKey,
} from '../../../common/gmail-query';

describe('foldText (rule 5a)', () => {
  it('folds case and diacritics', () => {
    expect(foldText('Crème BRÛLÉE Ångström Çedilla')).toBe('creme brulee angstrom cedilla');
  });

  it('applies NFKC compatibility folding', () => {
    expect(foldText('Ｆｕｌｌ ﬁle ①')).toBe('full file 1');
  });

  it('folds a decomposed accent the same as a precomposed one', () => {
    expect(foldText('Cafe\u0301')).toBe(foldText('Café'));
  });

  it('keeps kana voicing marks and Hangul syllables intact', () => {
    expect(foldText('がっこう')).toBe('がっこう');
    expect(foldText('회의')).toBe('회의');
  });
});

describe('tokenizeText (rule 1b)', () => {
  it('splits on everything but letters, digits and underscore', () => {
    expect(tokenizeText('Amy.Smith+news@X-Y.com')).toEqual(['amy', 'smith', 'news', 'x', 'y', 'com']);
    expect(tokenizeText('foo_bar@baz.org')).toEqual(['foo_bar', 'baz', 'org']);
    expect(tokenizeText("Don't e-mail me: 2001, 20011!")).toEqual(['don', 't', 'e', 'mail', 'me', '2001', '20011']);
  });

  it('gives nothing for punctuation only', () => {
    expect(tokenizeText(' -- !! <> ')).toEqual([]);
  });
});

describe('CJK bigrams (rule 5d)', () => {
  it('makes overlapping bigrams and keeps one-character runs', () => {
    expect(cjkBigrams('鈴木花子')).toEqual(['鈴木', '木花', '花子']);
    expect(cjkBigrams('花')).toEqual(['花']);
    expect(tokenizeText('鈴木花子')).toEqual(['鈴木', '木花', '花子']);
  });

  it('splits mixed Latin/CJK words at the script boundary', () => {
    expect(tokenizeText('Gmail検索の使い方')).toEqual(['gmail', '検索', '索の', 'の使', '使い', 'い方']);
  });

  it('tokenises Korean and Katakana with the prolonged sound mark', () => {
    expect(tokenizeText('회의를 합시다')).toEqual(['회의', '의를', '합시', '시다']);
    expect(tokenizeText('メール')).toEqual(['メー', 'ール']);
  });

  it('lets a CJK query word match inside a longer run', () => {
    expect(containsSequence(tokenizeText('鈴木花子 <user@example.com>'), queryWordToTokens('花子'))).toBe(true);
    expect(containsSequence(tokenizeText('회의를 합시다'), queryWordToTokens('회의'))).toBe(true);
    expect(containsSequence(tokenizeText('中华人民共和国'), queryWordToTokens('人民共和'))).toBe(true);
    expect(containsSequence(tokenizeText('中华人民共和国'), queryWordToTokens('人共'))).toBe(false);
  });

  it('identifies CJK tokens', () => {
    expect(isCjkToken('花子')).toBe(true);
    expect(isCjkToken('abc')).toBe(false);
  });
});

describe('word variants (rule 5c)', () => {
  // prettier-ignore
  it.each([
    ['meeting', 'meetings'], ['meeting', 'meet'], ['colour', 'colours'], ['colour', 'coloured'], ['start', 'starting'],
    ['usable', 'usability'], ['running', 'runs'], ['connect', 'connection'],
  ])('%s ≈ %s', (a, b) => {
    expect(variantKey(a)).toBe(variantKey(b));
  });

  it.each([
    ['tv', 'television'],
    ['ny', 'new'],
    ['mybank', 'mybanksavings'],
    ['2001', '20011'],
  ])('%s ≠ %s', (a, b) => {
    expect(variantKey(a)).not.toBe(variantKey(b));
  });

  it('matches published Porter2 outputs', () => {
    // prettier-ignore
    const expected: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', ties: 'tie', agreed: 'agre', generously: 'generous', knightly: 'knight',
      hopping: 'hop', sized: 'size', happy: 'happi', consignment: 'consign', skies: 'sky', news: 'news', a: 'a',
    };
    for (const [word, stem] of Object.entries(expected)) expect(stemEnglish(word), word).toBe(stem);
  });

  it('leaves non-Latin tokens alone', () => {
    expect(variantKey('회의')).toBe('회의');
    expect(variantKey('2001')).toBe('2001');
  });
});

describe('address helpers (rules 1b, 1c)', () => {
  it('parses names and addresses, including quoted commas, comments and groups', () => {
    expect(parseAddressList('"Smith, Amy" <amy@x.com>, bob@y.org (Bob B), Team: c@d.e, f@g.h;, Plain Name')).toEqual([
      { name: 'Smith, Amy', address: 'amy@x.com' },
      { name: 'Bob B', address: 'bob@y.org' },
      { name: '', address: 'c@d.e' },
      { name: '', address: 'f@g.h' },
      { name: 'Plain Name', address: '' },
    ]);
  });

  it('gives nothing for an empty header', () => {
    expect(parseAddressList('')).toEqual([]);
  });

  it('strips edge @', () => {
    expect(stripEdgeAts('@x.com')).toBe('x.com');
    expect(stripEdgeAts('amy@')).toBe('amy');
  });
});

describe('indexOfSequence', () => {
  it('finds contiguous runs only', () => {
    expect(indexOfSequence(['a', 'b', 'c', 'b', 'c'], ['b', 'c'])).toBe(1);
    expect(indexOfSequence(['a', 'b', 'c', 'b', 'c'], ['b', 'c'], 2)).toBe(3);
    expect(indexOfSequence(['a', 'b', 'c'], ['a', 'c'])).toBe(-1);
    expect(indexOfSequence(['a'], ['a', 'b'])).toBe(-1);
  });
});
