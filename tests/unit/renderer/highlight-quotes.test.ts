import { describe, expect, it } from 'vitest';
import { findHighlights, highlightTerms, splitHighlights } from '../../../renderer/src/lib/highlight';
import { splitPlainText } from '../../../renderer/src/lib/quote-fold';

const hits = (text: string, query: string) => findHighlights(text, highlightTerms(query)).map(([s, e]) => text.slice(s, e));

describe('search highlighting', () => {
  it('marks words with their variants, case and accents folded', () => {
    expect(hits('Invoices for the Café are attached', 'invoice cafe')).toEqual(['Invoices', 'Café']);
  });

  it('marks a quoted phrase only where its words are together', () => {
    expect(hits('quarterly numbers, then the quarterly report', '"quarterly report"')).toEqual(['quarterly report']);
  });

  it('marks CJK words by their bigrams', () => {
    expect(hits('다나 씨, 서울 방문 일정을 보내 드립니다', '방문 일정')).toEqual(['방문', '일정']);
    expect(hits('東京都の会議室', '会議')).toEqual(['会議']);
  });

  it('skips negated words and operators that are not free text', () => {
    expect(hits('spam from ana about lunch', 'lunch -spam from:ana')).toEqual(['lunch']);
    expect(splitHighlights('nothing here', highlightTerms('absent'))).toEqual([{ text: 'nothing here', hit: false }]);
  });
});

describe('quoted text folding (plain text)', () => {
  it('folds > lines with the "On … wrote:" line above them', () => {
    const body = 'Sounds good, see you then.\n\nOn Mon, 3 Nov 2026 at 10:00, Ana Lima <ana@example.com> wrote:\n> Lunch on Friday?\n> Ana';
    const segments = splitPlainText(body);
    expect(segments.filter((s) => s.kind === 'text').map((s) => s.text.trim())).toEqual(['Sounds good, see you then.']);
    expect(segments.find((s) => s.kind === 'quote')?.text).toContain('wrote:');
  });

  it('folds a -- signature and what follows it', () => {
    const segments = splitPlainText('Thanks!\n-- \nDana Whitfield\nHarbor & Finch');
    expect(segments.map((s) => s.kind)).toEqual(['text', 'quote']);
    expect(segments[1]!.text).toContain('Harbor & Finch');
  });

  it('leaves a body that is all quote unfolded', () => {
    expect(splitPlainText('> only a quote\n> here')).toEqual([{ kind: 'text', text: '> only a quote\n> here' }]);
  });
});
