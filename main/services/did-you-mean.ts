/**
 * "Did you mean" on a search's first page: when it finds nothing or very little, a correction
 * from the cache's vocabulary (main/cache/vocabulary.ts) is offered only if it finds more.
 */
import type { MailSelector, MessagePage } from '../../common/mail-types';
import { log } from '../logging/log';

/** Fewer rows than this on a search's first page count as "very little". */
const FEW_RESULTS = 3;

export interface DidYouMeanOptions {
  /** Corrections of the query (one per account in the unified inbox), best first. */
  suggest(query: string): Promise<readonly string[]>;
  /** How many rows (up to `limit`) a query's first page finds. */
  count(query: string, limit: number): Promise<number>;
}

export async function withDidYouMean(page: MessagePage, selector: MailSelector, firstPage: boolean, options: DidYouMeanOptions): Promise<MessagePage> {
  if (selector.kind !== 'query' || !firstPage || page.rows.length >= FEW_RESULTS) return page;
  try {
    let best: { query: string; rows: number } | null = null;
    for (const query of new Set(await options.suggest(selector.query))) {
      if (query === selector.query) continue;
      const rows = await options.count(query, FEW_RESULTS + 1);
      if (rows > page.rows.length && (!best || rows > best.rows)) best = { query, rows };
    }
    return best ? { ...page, didYouMean: best.query } : page;
  } catch (error) {
    // A suggestion is a nicety: the search's own answer stands without it.
    log.info('mail', 'no "did you mean": the vocabulary could not be read', error);
    return page;
  }
}
