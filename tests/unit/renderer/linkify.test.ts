import { describe, expect, it } from 'vitest';
import { isOpenableUrl, linkify } from '../../../renderer/src/lib/linkify';

describe('linkify', () => {
  it('splits text and links, dropping trailing punctuation', () => {
    expect(linkify('See https://example.com/a?b=1. Thanks')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. Thanks' },
    ]);
  });
  it('keeps balanced parentheses and adds https to www.', () => {
    expect(linkify('(https://en.wikipedia.org/wiki/Foo_(bar))')[1]).toMatchObject({ href: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
    expect(linkify('go to www.example.com, now')[1]).toEqual({ kind: 'link', text: 'www.example.com', href: 'https://www.example.com' });
  });
  it('never links javascript: or data:', () => {
    expect(linkify('javascript:alert(1) data:text/html,x').every((p) => p.kind === 'text')).toBe(true);
  });
  it('leaves plain text alone', () => {
    expect(linkify('no links here')).toEqual([{ kind: 'text', text: 'no links here' }]);
    expect(linkify('')).toEqual([]);
  });
});

describe('isOpenableUrl', () => {
  it('accepts http(s) only, without credentials', () => {
    expect(isOpenableUrl('https://example.com/x')).toBe(true);
    expect(isOpenableUrl('http://example.com')).toBe(true);
    expect(isOpenableUrl('javascript:alert(1)')).toBe(false);
    expect(isOpenableUrl('file:///etc/passwd')).toBe(false);
    expect(isOpenableUrl('https://user:pw@example.com')).toBe(false);
    expect(isOpenableUrl('mailto:a@b')).toBe(false);
    expect(isOpenableUrl('not a url')).toBe(false);
  });
});
