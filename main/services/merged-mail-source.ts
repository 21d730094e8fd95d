/**
 * Lists and searches that are complete while the cache is still filling.
 *
 * At the 2026 quota a large mailbox takes hours to copy, and a person searches long before
 * that. Until the initial sync is done, Gmail chooses the ids (`messages.list` with the
 * same `q` or label: 5 units per page, so it costs next to nothing) and therefore the
 * answer is Gmail's own, same ids, same order; the rows come from the cache where it holds
 * them and from one metadata batch for the rest (only for the page on screen). If Gmail
 * can't be reached, the cache answers for what it holds and the page says it is partial.
 * Once the cache holds the whole mailbox it answers alone.
 *
 * Page tokens carry their origin (`g:` for Gmail's), so a listing that started on Gmail
 * keeps paging through Gmail even if the sync finishes meanwhile.
 */
import type { LabelSummary, ListCoverage, MailSelector, MessageDetail, MessagePage, ThreadDetail } from '../../common/mail-types';
import type { CacheMailSource } from '../cache';
import { GmailRateLimitedError, GmailUnavailableError } from '../gmail/gmail-api';
import { groupByThread, selectorParams, type GmailMailSource, type ListOptions, type MailSource } from '../gmail/gmail-mail-source';
import type { GmailApi } from '../gmail/gmail-api';
import { singleMessageRow } from '../gmail/list-rows';
import { log } from '../logging/log';

const GMAIL_TOKEN = 'g:';

export interface MergedMailSourceOptions {
  readonly cache: CacheMailSource;
  readonly gmail: GmailMailSource;
  /** Foreground view of the account's Gmail client (served before the sync). */
  readonly api: GmailApi;
  /** True once the cache holds the whole mailbox. */
  isComplete(): boolean;
  /** Messages on this computer and in the mailbox (null when not known yet). */
  counts(): { cachedMessages: number; totalMessages: number | null };
  readonly describeQuery?: (q: string) => readonly string[];
}

export class MergedMailSource implements MailSource {
  constructor(private readonly options: MergedMailSourceOptions) {}

  listLabels(): Promise<LabelSummary[]> {
    // Gmail's counts are exact for the whole mailbox; the cache's only for what it holds.
    if (this.options.isComplete()) return this.options.cache.listLabels();
    return this.options.gmail.listLabels().catch((error: unknown) => {
      log.info('mail', 'labels from the cache: Gmail did not answer', error);
      return this.options.cache.listLabels();
    });
  }

  async listMessages(selector: MailSelector, options: ListOptions = {}): Promise<MessagePage> {
    const token = options.pageToken ?? null;
    const fromGmail = token?.startsWith(GMAIL_TOKEN) ?? false;
    if (!fromGmail && (this.options.isComplete() || token !== null)) {
      const page = await this.options.cache.listMessages(selector, options);
      return this.options.isComplete() ? page : { ...page, coverage: this.coverage(true, 0) };
    }
    try {
      return await this.listThroughGmail(selector, { ...options, pageToken: fromGmail ? token!.slice(GMAIL_TOKEN.length) : null });
    } catch (error) {
      if (!(error instanceof GmailUnavailableError || error instanceof GmailRateLimitedError)) throw error;
      log.info('mail', 'list from the partial cache: Gmail did not answer', error);
      // Offline (or Gmail holding us back) with a partial cache: what this computer has, said plainly.
      const page = await this.options.cache.listMessages(selector, { ...options, pageToken: null });
      return { ...page, coverage: this.coverage(true, 0) };
    }
  }

  private async listThroughGmail(selector: MailSelector, options: ListOptions): Promise<MessagePage> {
    const { api, cache, gmail } = this.options;
    const list = await api.listMessages({
      ...selectorParams(selector),
      pageToken: options.pageToken ?? undefined,
      maxResults: options.pageSize ?? 50,
      fields: 'messages(id,threadId),nextPageToken,resultSizeEstimate',
    });
    const ids = (list.messages ?? []).map((m) => m.id ?? '').filter(Boolean);
    const held = cache.summariesByIds(ids);
    const missing = ids.filter((id) => !held.has(id));
    const fetched = new Map((await gmail.fetchSummaries(missing)).map((s) => [s.id, s]));
    const summaries = ids.map((id) => held.get(id) ?? fetched.get(id)).filter((s) => s !== undefined);
    return {
      rows: options.threads ? groupByThread(summaries) : summaries.map(singleMessageRow),
      nextPageToken: list.nextPageToken ? `${GMAIL_TOKEN}${list.nextPageToken}` : null,
      resultSizeEstimate: list.resultSizeEstimate ?? summaries.length,
      source: 'merged',
      queryHints: selector.kind === 'query' ? (this.options.describeQuery?.(selector.query) ?? []) : [],
      coverage: this.coverage(false, fetched.size),
    };
  }

  private coverage(partial: boolean, fetchedFromGmail: number): ListCoverage {
    return { ...this.options.counts(), partial, fetchedFromGmail };
  }

  async getThread(threadId: string): Promise<ThreadDetail> {
    // A conversation can be partly copied: read it whole from Gmail until the cache is complete.
    if (this.options.isComplete()) return this.options.cache.getThread(threadId);
    try {
      return await this.options.gmail.getThread(threadId);
    } catch (error) {
      if (!(error instanceof GmailUnavailableError)) throw error;
      log.info('mail', 'conversation from the partial cache: Gmail did not answer', error);
      return this.options.cache.getThread(threadId);
    }
  }

  async getMessage(messageId: string): Promise<MessageDetail> {
    return this.options.cache.getMessage(messageId).catch(() => this.options.gmail.getMessage(messageId));
  }

  getAttachment(messageId: string, attachmentId: string): Promise<Buffer> {
    return this.options.gmail.getAttachment(messageId, attachmentId);
  }
}
