import { describe, expect, it } from 'vitest';
import type { ListRow, MailSelector, MessagePage } from '../../../common/mail-types';
import { withDidYouMean, type DidYouMeanOptions } from '../../../main/services/did-you-mean';

const page = (rows: number): MessagePage => ({
  rows: Array.from({ length: rows }, (_, i) => ({ id: `m${i}` }) as ListRow),
  nextPageToken: null,
  resultSizeEstimate: rows,
  source: 'cache',
  queryHints: [],
});
const search = (query: string): MailSelector => ({ kind: 'query', query });

function options(suggestions: Record<string, string[]>, found: Record<string, number>, asked: string[] = []): DidYouMeanOptions {
  return {
    suggest: async (q) => suggestions[q] ?? [],
    count: async (q, limit) => {
      asked.push(q);
      return Math.min(limit, found[q] ?? 0);
    },
  };
}

describe('"did you mean" on a search page', () => {
  it('offers a correction that finds more than the search did', async () => {
    const result = await withDidYouMean(page(0), search('invoce'), true, options({ invoce: ['invoice'] }, { invoice: 12 }));
    expect(result.didYouMean).toBe('invoice');
  });

  it('offers none when the correction finds no more, the page is full, it is a later page or a label', async () => {
    const asked: string[] = [];
    const opts = options({ invoce: ['invoice'] }, { invoice: 1 }, asked);
    expect((await withDidYouMean(page(1), search('invoce'), true, opts)).didYouMean).toBeUndefined();
    expect((await withDidYouMean(page(3), search('invoce'), true, opts)).didYouMean).toBeUndefined();
    expect((await withDidYouMean(page(0), search('invoce'), false, opts)).didYouMean).toBeUndefined();
    expect((await withDidYouMean(page(0), { kind: 'label', labelId: 'INBOX' }, true, opts)).didYouMean).toBeUndefined();
    // Only the first of those asked: the others were settled before any search ran.
    expect(asked).toEqual(['invoice']);
  });

  it("picks, of several accounts' corrections, the one that finds most", async () => {
    const result = await withDidYouMean(page(0), search('plnt'), true, options({ plnt: ['plant', 'plan', 'plant'] }, { plant: 2, plan: 4 }));
    expect(result.didYouMean).toBe('plan');
  });

  it('keeps the page as it was when the vocabulary cannot be read', async () => {
    const failing: DidYouMeanOptions = { suggest: () => Promise.reject(new Error('SQLITE_ERROR')), count: async () => 5 };
    const original = page(0);
    expect(await withDidYouMean(original, search('invoce'), true, failing)).toBe(original);
  });
});
