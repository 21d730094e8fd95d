import { describe, it, expect } from 'vitest';
import { parseGmailQuery, describeQuery, pacificMidnight } from '../../../common/gmail-query';
import type { QueryNode } from '../../../common/gmail-query';

function ast(q: string): QueryNode | null {
  return parseGmailQuery(q).ast;
}

function word(token: string, exact = false) {
  return { kind: 'word', field: 'any', tokens: [token], exact, raw: token };
}

/** The shape of a query as a compact string, to keep precedence tests readable. */
function shape(q: string): string {
  return describeQuery(ast(q));
}

describe('parseGmailQuery: empty and blank (rule 11c)', () => {
  it.each(['', '   ', '\t\n'])('%j is no filter', (q) => {
    expect(parseGmailQuery(q)).toEqual({ ast: null, hints: [], hintCodes: [] });
  });
});

describe('parseGmailQuery: precedence and grouping (rule 2a)', () => {
  it('reads whitespace as AND', () => {
    expect(ast('a b')).toEqual({ kind: 'and', children: [word('a'), word('b')] });
  });

  it('binds OR tighter than implicit AND: a b OR c = a (b OR c)', () => {
    expect(ast('a b OR c')).toEqual({
      kind: 'and',
      children: [word('a'), { kind: 'or', children: [word('b'), word('c')] }],
    });
  });

  it('reads gmail-britta #25 as (aaa OR bbb) -ccc', () => {
    expect(shape('(aaa OR bbb -ccc)')).toBe('(aaa OR bbb) -ccc');
  });

  it('keeps chains of OR flat', () => {
    expect(ast('a OR b OR c')).toEqual({ kind: 'or', children: [word('a'), word('b'), word('c')] });
  });

  it('reads the meteor parser example as dinner (movie OR girls) houses', () => {
    expect(shape('dinner movie OR girls houses')).toBe('dinner (movie OR girls) houses');
  });

  it('treats explicit AND as whitespace', () => {
    expect(ast('a AND b')).toEqual(ast('a b'));
    expect(shape('a AND b OR c')).toBe('a (b OR c)');
  });

  it('reads ( ) as AND group and { } as OR group', () => {
    expect(ast('(a b)')).toEqual(ast('a b'));
    expect(ast('{a b}')).toEqual({ kind: 'or', children: [word('a'), word('b')] });
    expect(shape('x {a b} OR c')).toBe('x (a OR b OR c)');
  });

  it('nests groups', () => {
    expect(shape('(a OR (b c)) d')).toBe('(a OR (b c)) d');
  });
});

describe('parseGmailQuery: negation (rule 2b)', () => {
  it('negates a term', () => {
    expect(ast('-a')).toEqual({ kind: 'not', child: word('a') });
  });

  it('negates an AND group and an OR group', () => {
    expect(ast('-(a b)')).toEqual({ kind: 'not', child: ast('a b') });
    expect(ast('-{a b}')).toEqual({ kind: 'not', child: ast('a OR b') });
  });

  it('negates operators and phrases', () => {
    expect(ast('-in:inbox')).toEqual({ kind: 'not', child: { kind: 'in', value: 'inbox' } });
    expect(ast('-"a b"')).toEqual({ kind: 'not', child: { kind: 'phrase', field: 'any', tokens: ['a', 'b'], raw: 'a b' } });
    expect(ast('-subject:re')).toEqual({ kind: 'not', child: { kind: 'word', field: 'subject', tokens: ['re'], exact: false, raw: 're' } });
  });

  it('accepts uppercase NOT as negation', () => {
    expect(ast('NOT a')).toEqual(ast('-a'));
    expect(ast('x NOT (a b)')).toEqual(ast('x -(a b)'));
  });

  it('negation binds tighter than OR', () => {
    expect(shape('-a OR b')).toBe('-a OR b');
  });

  it('keeps a hyphen inside a word as part of the word', () => {
    expect(ast('e-mail')).toEqual({ kind: 'word', field: 'any', tokens: ['e', 'mail'], exact: false, raw: 'e-mail' });
  });

  it('ignores a dangling minus or NOT, with a hint', () => {
    expect(parseGmailQuery('a -').ast).toEqual(word('a'));
    const p = parseGmailQuery('a NOT');
    expect(p.ast).toEqual(word('a'));
    expect(p.hints).toEqual(['Ignored a negation with nothing after it']);
    expect(parseGmailQuery('(a NOT)').ast).toEqual(word('a'));
  });
});

describe('parseGmailQuery: keyword case (rule 2c)', () => {
  it('reads lowercase or/and/not/around as words', () => {
    expect(ast('a or b')).toEqual({ kind: 'and', children: [word('a'), word('or'), word('b')] });
    expect(ast('a and b')).toEqual({ kind: 'and', children: [word('a'), word('and'), word('b')] });
    expect(ast('not a')).toEqual({ kind: 'and', children: [word('not'), word('a')] });
    expect(shape('a around 3 b')).toBe('a around 3 b');
  });
});

describe('parseGmailQuery: phrases and exact words (rules 5b, 5c, 10)', () => {
  it('tokenises a quoted phrase, ignoring punctuation', () => {
    expect(ast('"re: Something"')).toEqual({ kind: 'phrase', field: 'any', tokens: ['re', 'something'], raw: 're: Something' });
  });

  it('has no escape character: a backslash-quote still closes the phrase', () => {
    expect(shape('"a\\" b"')).toBe('"a" b');
  });

  it('marks +word as exact', () => {
    expect(ast('+meeting')).toEqual({ kind: 'word', field: 'any', tokens: ['meeting'], exact: true, raw: 'meeting' });
  });

  it('turns punctuation-joined words into multi-token words', () => {
    for (const [q, tokens] of [
      ['e-mail', ['e', 'mail']],
      ["don't", ['don', 't']],
      ['john-smith', ['john', 'smith']],
      ['x.com', ['x', 'com']],
      ['a/b=c\\d', ['a', 'b', 'c', 'd']],
    ] as const) {
      expect(ast(q)).toMatchObject({ kind: 'word', tokens });
    }
  });

  it('splits on space-like separators into separate words', () => {
    expect(ast('a,b;c')).toEqual({
      kind: 'and',
      children: [
        { kind: 'word', field: 'any', tokens: ['a'], exact: false, raw: 'a' },
        { kind: 'word', field: 'any', tokens: ['b'], exact: false, raw: 'b' },
        { kind: 'word', field: 'any', tokens: ['c'], exact: false, raw: 'c' },
      ],
    });
  });

  it('drops words that are only punctuation', () => {
    expect(ast('& a !!')).toEqual(word('a'));
  });
});

describe('parseGmailQuery: address operators (rules 1a–1e)', () => {
  it('parses from/to/cc/bcc/deliveredto words', () => {
    for (const field of ['from', 'to', 'cc', 'bcc', 'deliveredto'] as const) {
      expect(ast(`${field}:amy`)).toEqual({ kind: 'address', field, tokens: ['amy'], wholeAddress: false, me: false, raw: 'amy' });
    }
  });

  it('accepts operator names in any case', () => {
    expect(ast('FROM:amy')).toEqual(ast('from:amy'));
  });

  it('strips edge @ and marks inner @ as a whole address', () => {
    expect(ast('from:@x.com')).toMatchObject({ tokens: ['x', 'com'], wholeAddress: false });
    expect(ast('from:amy@')).toMatchObject({ tokens: ['amy'], wholeAddress: false });
    expect(ast('from:Amy.Smith@X.com')).toMatchObject({ tokens: ['amy', 'smith', 'x', 'com'], wholeAddress: true });
  });

  it('reads unquoted a+b without @ as OR, and with @ as one address', () => {
    expect(shape('from:foo+bar')).toBe('from:foo OR from:bar');
    expect(ast('from:foo+bar@x.com')).toMatchObject({ kind: 'address', wholeAddress: true, tokens: ['foo', 'bar', 'x', 'com'] });
    expect(ast('from:"foo+bar"')).toMatchObject({ kind: 'address', tokens: ['foo', 'bar'] });
  });

  it('marks me', () => {
    expect(ast('to:me')).toMatchObject({ kind: 'address', field: 'to', me: true });
  });

  it('distributes an operator over a group', () => {
    expect(shape('from:(amy OR bob)')).toBe('from:amy OR from:bob');
    expect(shape('from:{amy bob}')).toBe('from:amy OR from:bob');
    expect(shape('-from:(amy bob)')).toBe('-(from:amy from:bob)');
  });

  it('reads a quoted display name as one run of words', () => {
    expect(ast('from:"Amy Smith"')).toMatchObject({ kind: 'address', tokens: ['amy', 'smith'], wholeAddress: false });
  });

  it('takes the next term as the value after "op: " and says so', () => {
    const p = parseGmailQuery('from: amy');
    expect(p.ast).toEqual(ast('from:amy'));
    expect(p.hints).toHaveLength(1);
    expect(ast('subject: (a b)')).toEqual(ast('subject:(a b)'));
  });

  it('does not take another operator as the value after "op: "', () => {
    expect(shape('from: to:bob')).toBe('from: to:bob');
    expect(ast('from: to:bob')).toMatchObject({ kind: 'and', children: [{ kind: 'nothing' }, { kind: 'address', field: 'to' }] });
  });
});

describe('parseGmailQuery: subject, list, filename, rfc822msgid (rules 6b, 7, 8)', () => {
  it('subject word allows variants unless +', () => {
    expect(ast('subject:dinner')).toEqual({ kind: 'word', field: 'subject', tokens: ['dinner'], exact: false, raw: 'dinner' });
    expect(ast('+subject:dinner')).toMatchObject({ exact: true });
  });

  it('subject:(dinner movie) is both words in the subject; subject:dinner movie is movie anywhere', () => {
    expect(shape('subject:(dinner movie)')).toBe('subject:dinner subject:movie');
    expect(shape('subject:dinner movie')).toBe('subject:dinner movie');
    expect(shape('subject:(a OR b)')).toBe('subject:a OR subject:b');
  });

  it('subject:"…" is a phrase in the subject', () => {
    expect(ast('subject:"anniversary party"')).toEqual({ kind: 'phrase', field: 'subject', tokens: ['anniversary', 'party'], raw: 'anniversary party' });
  });

  it('reads all three list: forms as the same word run', () => {
    const tokens = ['info', 'example', 'com'];
    expect(ast('list:info@example.com')).toMatchObject({ kind: 'word', field: 'list', tokens, exact: true });
    expect(ast('list:info.example.com')).toMatchObject({ field: 'list', tokens });
    expect(ast('list:(<info.example.com>)')).toMatchObject({ field: 'list', tokens });
  });

  it('keeps an empty list: as "has a List-Id"', () => {
    expect(ast('list:')).toMatchObject({ kind: 'word', field: 'list', tokens: [] });
  });

  it('filename: is exact words', () => {
    expect(ast('filename:homework.txt')).toMatchObject({ kind: 'word', field: 'filename', tokens: ['homework', 'txt'], exact: true });
  });

  it('rfc822msgid strips angle brackets', () => {
    expect(ast('rfc822msgid:<200503292@example.com>')).toEqual({ kind: 'rfc822msgid', messageId: '200503292@example.com' });
  });
});

describe('parseGmailQuery: label, is, in, has, category (rules 6a, 9)', () => {
  it('parses each', () => {
    expect(ast('label:Work-Clients')).toEqual({ kind: 'label', name: 'Work-Clients' });
    expect(ast('label:"my stuff"')).toEqual({ kind: 'label', name: 'my stuff' });
    expect(ast('is:UNREAD')).toEqual({ kind: 'is', value: 'unread' });
    expect(ast('in:anywhere')).toEqual({ kind: 'in', value: 'anywhere' });
    expect(ast('has:attachment')).toEqual({ kind: 'has', value: 'attachment' });
    expect(ast('category:Social')).toEqual({ kind: 'category', value: 'social' });
  });

  it('distributes label: over a group', () => {
    expect(shape('label:{a b}')).toBe('label:a OR label:b');
  });
});

describe('parseGmailQuery: dates and sizes (rules 3, 4)', () => {
  it('resolves after/before/newer/older to Pacific midnight', () => {
    const jan5 = pacificMidnight(2024, 1, 5);
    expect(ast('after:2024/01/05')).toEqual({ kind: 'date', op: 'after', at: jan5, raw: '2024/01/05' });
    expect(ast('newer:2024/1/5')).toMatchObject({ op: 'after', at: jan5 });
    expect(ast('before:01/05/2024')).toMatchObject({ op: 'before', at: jan5 });
    expect(ast('older:2024-1-5')).toMatchObject({ op: 'before', at: jan5 });
    expect(ast('after:1388552400')).toMatchObject({ op: 'after', at: 1388552400_000 });
  });

  it('keeps older_than/newer_than relative', () => {
    expect(ast('older_than:3d')).toEqual({ kind: 'relativeDate', op: 'older_than', amount: 3, unit: 'd' });
    expect(ast('newer_than:2M')).toEqual({ kind: 'relativeDate', op: 'newer_than', amount: 2, unit: 'm' });
  });

  it('parses sizes in bytes with K=1024 and M=1024²', () => {
    expect(ast('size:1000')).toEqual({ kind: 'size', op: 'larger', bytes: 1000 });
    expect(ast('larger:10M')).toEqual({ kind: 'size', op: 'larger', bytes: 10 * 1024 * 1024 });
    expect(ast('smaller:500k')).toEqual({ kind: 'size', op: 'smaller', bytes: 500 * 1024 });
  });

  // prettier-ignore
  it.each([
    'after:2024-08-12T09:00Z', 'after:1700000000000', 'before:2024/13/01', 'before:2023/02/29', 'after:yesterday',
    'newer_than:2w', 'older_than:5h', 'older_than:d', 'larger:big', 'size:', 'label:', 'is:',
  ])('a known operator with a bad value %j matches nothing, with a hint (rule 11b)', (q) => {
    const p = parseGmailQuery(q);
    expect(p.ast).toMatchObject({ kind: 'nothing' });
    expect(p.hints.length).toBeGreaterThan(0);
  });
});

describe('parseGmailQuery: AROUND', () => {
  it('parses unquoted AROUND as unordered proximity', () => {
    expect(ast('holiday AROUND 10 vacation')).toEqual({ kind: 'around', left: ['holiday'], right: ['vacation'], distance: 10, ordered: false });
  });

  it('parses quoted AROUND as ordered proximity', () => {
    expect(ast('"secret AROUND 25 birthday"')).toEqual({ kind: 'around', left: ['secret'], right: ['birthday'], distance: 25, ordered: true });
  });

  it('reads AROUND without a number as AND, with a hint', () => {
    const p = parseGmailQuery('a AROUND b');
    expect(p.ast).toEqual(ast('a b'));
    expect(p.hints.length).toBe(1);
  });

  it('reads AROUND between operators as AND, with a hint', () => {
    const p = parseGmailQuery('from:a AROUND 3 b');
    expect(p.ast).toEqual(ast('from:a b'));
    expect(p.hints.length).toBe(1);
  });
});

describe('parseGmailQuery: unknown operators (rule 11a)', () => {
  it('reads foo:bar as the words foo bar in a row', () => {
    expect(ast('foo:bar')).toEqual({ kind: 'word', field: 'any', tokens: ['foo', 'bar'], exact: false, raw: 'foo:bar' });
  });

  it('reads a URL as its words in a row', () => {
    expect(ast('http://x.com/a')).toMatchObject({ tokens: ['http', 'x', 'com', 'a'] });
  });
});

describe('parseGmailQuery: malformed input is read leniently (rule 11c)', () => {
  it('runs an unmatched quote to the end', () => {
    const p = parseGmailQuery('a "b c');
    expect(p.ast).toEqual({ kind: 'and', children: [word('a'), { kind: 'phrase', field: 'any', tokens: ['b', 'c'], raw: 'b c' }] });
    expect(p.hints).toEqual(['Unmatched quote: read as a phrase to the end']);
  });

  it('closes an unmatched ( or { at the end', () => {
    const p = parseGmailQuery('x (a OR b');
    expect(shape('x (a OR b')).toBe('x (a OR b)');
    expect(p.hints).toEqual(['Unmatched "(": closed at the end']);
    expect(parseGmailQuery('{a b').ast).toEqual(ast('a OR b'));
  });

  it('ignores a stray ) or }', () => {
    const p = parseGmailQuery('a) b}');
    expect(p.ast).toEqual(ast('a b'));
    expect(p.hints).toEqual(['Ignored a stray ")"', 'Ignored a stray "}"']);
  });

  it('drops a leading or trailing OR/AND', () => {
    for (const q of ['OR a', 'a OR', 'AND a', 'a AND', 'a OR OR', '(OR a)']) {
      const p = parseGmailQuery(q);
      expect(p.ast, q).toEqual(word('a'));
      expect(p.hints.length, q).toBeGreaterThan(0);
    }
  });

  it('collapses a doubled OR', () => {
    expect(ast('a OR OR b')).toEqual(ast('a OR b'));
  });

  it('gives null for a query of only syntax', () => {
    for (const q of ['()', '{}', '-', 'OR', '""', ')(']) expect(ast(q), q).toBeNull();
  });

  it('never throws on random input (fuzz)', () => {
    // prettier-ignore
    const alphabet = ['a', 'b', 'OR', 'AND', 'NOT', 'AROUND', ' ', ' ', '(', ')', '{', '}', '"', '-', '+', ':', 'from:', 'subject:',
      'after:', 'label:', 'is:', '@', '.', '5', '検', '회', 'é', '\u0301', '\\', '*', ',', '\n', '\ud800', 'in:', 'older_than:', 'size:'];
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let i = 0; i < 3000; i++) {
      let q = '';
      const length = Math.floor(random() * 30);
      for (let j = 0; j < length; j++) q += alphabet[Math.floor(random() * alphabet.length)];
      const p = parseGmailQuery(q);
      expect(Array.isArray(p.hints)).toBe(true);
      expect(() => describeQuery(p.ast)).not.toThrow();
    }
    for (let i = 0; i < 500; i++) {
      let q = '';
      for (let j = 0; j < 20; j++) q += String.fromCharCode(Math.floor(random() * 0x3000));
      expect(() => parseGmailQuery(q)).not.toThrow();
    }
  });

  it('tolerates non-string input at run time', () => {
    expect(parseGmailQuery(undefined as unknown as string)).toEqual({ ast: null, hints: [], hintCodes: [] });
  });
});

describe('describeQuery', () => {
  it('round-trips through the parser', () => {
    for (const q of [
      'a (b OR c)',
      '-(a b) -(c OR d)',
      'from:amy@x.com subject:"a b" has:attachment',
      'label:"my stuff" older_than:3d',
      'larger:1024 -is:read',
      '"x AROUND 3 y"',
      'list:info.example.com',
      '+subject:dinner +meeting e-mail',
      'from:foo+bar',
    ]) {
      expect(ast(describeQuery(ast(q)))).toEqual(ast(q));
    }
  });
});
