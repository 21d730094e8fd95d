import { describe, expect, it } from 'vitest';
import { activeToken, applySuggestion, pushRecent, suggest } from '../../../renderer/src/lib/query-suggest';

const ctx = { labels: ['Work', 'Work/Clients', 'Receipts', 'My Stuff'], senders: ['ana@example.com', 'bo@example.org'] };

describe('activeToken', () => {
  it('finds the operator and partial value under the caret', () => {
    expect(activeToken('from:an', 7)).toEqual({ operator: 'from', partial: 'an', start: 0, end: 7 });
    expect(activeToken('subject:x is:un', 15)).toEqual({ operator: 'is', partial: 'un', start: 10, end: 15 });
  });
  it('handles negation, groups and quotes', () => {
    expect(activeToken('-label:wo', 9)).toMatchObject({ operator: 'label', partial: 'wo', start: 1 });
    expect(activeToken('(from:a', 7)).toMatchObject({ operator: 'from', partial: 'a', start: 1 });
    expect(activeToken('label:"my st', 12)).toMatchObject({ operator: 'label', partial: 'my st', start: 0 });
  });
  it('is a bare word without a colon, and null on a space', () => {
    expect(activeToken('fro', 3)).toEqual({ operator: null, partial: 'fro', start: 0, end: 3 });
    expect(activeToken('from:ana ', 9)).toBeNull();
    expect(activeToken('', 0)).toBeNull();
  });
});

describe('suggest', () => {
  it('offers operators for a bare word', () => {
    expect(suggest(activeToken('fi', 2), ctx).map((s) => s.insert)).toEqual(['filename:']);
    expect(suggest(activeToken('from:', 5), ctx).map((s) => s.kind)).toEqual(['sender', 'sender']);
  });
  it('offers senders, labels and fixed values', () => {
    expect(suggest(activeToken('from:bo', 7), ctx).map((s) => s.insert)).toEqual(['from:bo@example.org ']);
    expect(suggest(activeToken('label:wo', 8), ctx).map((s) => s.insert)).toEqual(['label:Work ', 'label:Work/Clients ']);
    expect(suggest(activeToken('label:my', 8), ctx).map((s) => s.insert)).toEqual(['label:"My Stuff" ']);
    expect(suggest(activeToken('is:un', 5), ctx).map((s) => s.insert)).toEqual(['is:unread ']);
    expect(suggest(activeToken('has:att', 7), ctx).map((s) => s.insert)).toEqual(['has:attachment ']);
    expect(suggest(activeToken('in:', 3), ctx).map((s) => s.label)).toContain('in:anywhere');
    expect(suggest(activeToken('category:p', 10), ctx).map((s) => s.label)).toEqual(['category:primary', 'category:promotions', 'category:purchases']);
  });
  it('offers nothing for unknown operators or complete values', () => {
    expect(suggest(activeToken('zzz:a', 5), ctx)).toEqual([]);
    expect(suggest(activeToken('is:unread', 9), ctx)).toEqual([]);
  });
});

describe('applySuggestion', () => {
  it('replaces the token and puts the caret after it', () => {
    const q = 'subject:x is:un more';
    const token = activeToken(q, 15)!;
    const [s] = suggest(token, ctx);
    expect(applySuggestion(q, token, s!)).toEqual({ query: 'subject:x is:unread more', caret: 20 });
  });
  it('keeps a leading minus', () => {
    const token = activeToken('-has:att', 8)!;
    expect(applySuggestion('-has:att', token, suggest(token, ctx)[0]!).query).toBe('-has:attachment ');
  });
});

describe('pushRecent', () => {
  it('puts the newest first, deduplicated and capped', () => {
    expect(pushRecent(['a', 'b'], 'b')).toEqual(['b', 'a']);
    expect(pushRecent(['a'], '  ')).toEqual(['a']);
    expect(pushRecent(['1', '2', '3'], '4', 3)).toEqual(['4', '1', '2']);
  });
});
