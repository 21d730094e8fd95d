/**
 * Every Gmail call Skimmer makes, through one door: the quota pacer charges the method's
 * cost before the call, failures are sorted (retry with backoff, re-auth, not found),
 * and message details come in batches so a page of 50 rows is one round trip.
 */
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import type { OAuth2Client } from 'google-auth-library';
import { MAX_BATCH_SIZE, sendBatch, type BatchPartResponse } from './batch';
import { AdaptivePacer } from './adaptive-pacer';
import {
  GmailApiDisabledError,
  GmailAuthError,
  GmailDailyQuotaError,
  GmailInvalidQueryError,
  GmailNotFoundError,
  GmailRateLimitedError,
  GmailUnavailableError,
  HistoryTooOldError,
} from './gmail-failures';
import { classifyGmailError, errorReasonOf, httpStatusOf, rateLimitKindOf, retryAfterHeaderOf } from './gmail-errors';
import { backoffDelayMs, GMAIL_METHOD_COSTS, parseRetryAfter, systemClock, type Clock, type GmailMethod, type Pacer, type PacerPriority } from './quota';

// The failures live in gmail-failures.ts; callers keep importing them from the client.
export * from './gmail-failures';

export interface GmailApiOptions {
  readonly auth: OAuth2Client;
  readonly rootUrl: string;
  readonly pacer?: Pacer;
  /** Attempts for network and 5xx failures (quota refusals have a time budget instead). */
  readonly maxAttempts?: number;
  /** How long quota refusals are retried before giving up: longer than a quota window. */
  readonly rateLimitBudgetMs?: number;
  readonly clock?: Clock;
  /** Largest batch sent; people see 429s from 20-25 parts up, and each part is one concurrent request. */
  readonly batchSize?: number;
  /** Whose request this is: the person's (foreground) goes ahead of the sync's (background). */
  readonly priority?: PacerPriority;
}

export interface ListMessagesParams {
  readonly q?: string;
  readonly labelIds?: readonly string[];
  readonly pageToken?: string;
  readonly maxResults?: number;
  readonly includeSpamTrash?: boolean;
  readonly fields?: string;
}

export class GmailApi {
  readonly pacer: Pacer;
  private readonly client: gmail_v1.Gmail;
  private readonly maxAttempts: number;
  private readonly rateLimitBudgetMs: number;
  private readonly clock: Clock;
  private readonly batchSize: number;
  private readonly priority: PacerPriority;
  private foregroundView: GmailApi | null = null;

  constructor(private readonly options: GmailApiOptions) {
    this.pacer = options.pacer ?? new AdaptivePacer(options.clock ? { clock: options.clock } : {});
    this.maxAttempts = options.maxAttempts ?? 6;
    this.rateLimitBudgetMs = options.rateLimitBudgetMs ?? 10 * 60_000;
    this.clock = options.clock ?? systemClock;
    this.batchSize = Math.min(options.batchSize ?? 10, MAX_BATCH_SIZE);
    this.priority = options.priority ?? 'background';
    // Retries are ours (pacer-aware, Retry-After honoured), so gaxios' own are off.
    this.client = gmail({ version: 'v1', auth: options.auth, rootUrl: options.rootUrl, retry: false, retryConfig: { retry: 0 } });
  }

  /** The same client and budget, for requests the person is waiting on: served before the sync's. */
  foreground(): GmailApi {
    if (this.priority === 'foreground') return this;
    // The person is waiting: fail over to the cache after a short try rather than minutes of backoff.
    this.foregroundView ??= new GmailApi({ ...this.options, pacer: this.pacer, priority: 'foreground', maxAttempts: 2, rateLimitBudgetMs: 15_000 });
    return this.foregroundView;
  }

  profile(): Promise<gmail_v1.Schema$Profile> {
    return this.call('users.getProfile', () => this.client.users.getProfile({ userId: 'me' }));
  }

  listLabels(): Promise<gmail_v1.Schema$ListLabelsResponse> {
    return this.call('users.labels.list', () => this.client.users.labels.list({ userId: 'me' }));
  }

  listMessages(params: ListMessagesParams): Promise<gmail_v1.Schema$ListMessagesResponse> {
    return this.call(
      'users.messages.list',
      () =>
        this.client.users.messages.list({
          userId: 'me',
          q: params.q || undefined,
          labelIds: params.labelIds ? [...params.labelIds] : undefined,
          pageToken: params.pageToken,
          maxResults: params.maxResults,
          includeSpamTrash: params.includeSpamTrash,
          fields: params.fields,
        }),
      undefined,
      false,
      Boolean(params.q),
    );
  }

  getMessage(id: string, format: 'full' | 'metadata' | 'minimal' | 'raw' = 'full', fields?: string): Promise<gmail_v1.Schema$Message> {
    return this.call('users.messages.get', () => this.client.users.messages.get({ userId: 'me', id, format, fields }), `Message ${id}`);
  }

  getThread(id: string, format: 'full' | 'metadata' | 'minimal' = 'full', fields?: string): Promise<gmail_v1.Schema$Thread> {
    return this.call('users.threads.get', () => this.client.users.threads.get({ userId: 'me', id, format, fields }), `Conversation ${id}`);
  }

  getAttachment(messageId: string, attachmentId: string): Promise<gmail_v1.Schema$MessagePartBody> {
    return this.call(
      'users.messages.attachments.get',
      () => this.client.users.messages.attachments.get({ userId: 'me', messageId, id: attachmentId }),
      'Attachment',
    );
  }

  listHistory(startHistoryId: string, pageToken?: string, maxResults = 500): Promise<gmail_v1.Schema$ListHistoryResponse> {
    return this.call('users.history.list', () => this.client.users.history.list({ userId: 'me', startHistoryId, pageToken, maxResults }), undefined, true);
  }

  /**
   * GETs many resources of one method through the batch endpoint. Parts that fail with
   * a retryable status are sent again (alone, in a later batch); 404 parts come back as null.
   */
  async batchGet<T>(method: GmailMethod, paths: readonly string[]): Promise<(T | null)[]> {
    const results = new Array<T | null>(paths.length).fill(null);
    let pending = paths.map((path, index) => ({ path, index }));
    const started = this.clock.now();
    let failures = 0;
    while (pending.length > 0) {
      const retry: typeof pending = [];
      let lastRefusal: unknown = null;
      for (let start = 0; start < pending.length; start += this.batchSize) {
        const chunk = pending.slice(start, start + this.batchSize);
        const parts = await this.sendBatchChunk(
          method,
          chunk.map((c) => c.path),
        );
        let refusal: 'quota' | 'concurrency' | null = null;
        let delivered = false;
        parts.forEach((part, i) => {
          const item = chunk[i]!;
          if (part.status >= 200 && part.status < 300) {
            results[item.index] = part.body as T;
            delivered = true;
          } else if (part.status === 404) results[item.index] = null;
          else if (part.status === 401) throw new GmailAuthError(part.body);
          else if (part.status === 429 || part.status === 403) {
            const failure = { response: { status: part.status, data: part.body } };
            const kind = rateLimitKindOf(failure);
            if (kind === 'disabled') throw new GmailApiDisabledError(new Error(messageOfBody(part.body)));
            if (kind === 'daily') throw new GmailDailyQuotaError(part.body);
            if (kind === null) throw new Error(`Gmail refused ${item.path}: HTTP ${part.status} ${errorReasonOf(failure) ?? ''}`.trim());
            if (refusal !== 'quota') refusal = kind;
            lastRefusal = part.body;
            retry.push(item);
          } else if (part.status >= 500 || part.status === 0) retry.push(item);
          else throw new Error(`Gmail answered HTTP ${part.status} for ${item.path}`);
        });
        // What arrived is kept; only the refused parts go round again.
        if (refusal) this.pacer.refused(refusal);
        else if (delivered) this.pacer.succeeded();
      }
      if (retry.length > 0) {
        if (lastRefusal !== null) {
          if (this.clock.now() - started > this.rateLimitBudgetMs) throw new GmailRateLimitedError(lastRefusal);
        } else {
          if (++failures >= this.maxAttempts) throw new GmailUnavailableError(new Error(`${retry.length} batch parts kept failing`));
          this.pacer.pause(backoffDelayMs(failures - 1, null));
        }
      }
      pending = retry;
    }
    return results;
  }

  private async sendBatchChunk(method: GmailMethod, paths: string[]): Promise<BatchPartResponse[]> {
    const cost = GMAIL_METHOD_COSTS[method] * paths.length;
    // The batch's own 200 says nothing about its parts: batchGet reports them to the pacer.
    return this.retrying(cost, paths.length, false, async () =>
      sendBatch(
        {
          rootUrl: this.options.rootUrl,
          getAccessToken: async () => {
            const { token } = await this.options.auth.getAccessToken();
            if (!token) throw new GmailAuthError(new Error('no access token'));
            return token;
          },
        },
        paths,
      ),
    );
  }

  private async call<T>(method: GmailMethod, run: () => Promise<{ data: T }>, what?: string, historyRequest = false, searching = false): Promise<T> {
    return this.retrying(
      GMAIL_METHOD_COSTS[method],
      1,
      true,
      async () => (await run()).data,
      (error) => {
        const kind = classifyGmailError(error, { historyRequest });
        if (kind === 'history_too_old') return new HistoryTooOldError();
        if (kind === 'not_found') return new GmailNotFoundError(what ?? 'The item');
        // A 400 on a search names the query (Gmail's own parser refused it), not our request.
        if (searching && httpStatusOf(error) === 400 && kind === 'fatal') return new GmailInvalidQueryError(error);
        return null;
      },
    );
  }

  /**
   * Runs one paced request. Quota refusals tell the pacer and are retried for up to
   * `rateLimitBudgetMs` (the pacer decides when); network and 5xx failures get
   * `maxAttempts` with jittered backoff.
   */
  private async retrying<T>(
    cost: number,
    requests: number,
    reportSuccess: boolean,
    run: () => Promise<T>,
    mapError?: (error: unknown) => Error | null,
  ): Promise<T> {
    const started = this.clock.now();
    for (let failures = 0; ;) {
      const release = await this.pacer.acquire(cost, { requests, priority: this.priority });
      try {
        const result = await run();
        release();
        if (reportSuccess) this.pacer.succeeded();
        return result;
      } catch (error) {
        release();
        if (error instanceof GmailAuthError) throw error;
        const limit = rateLimitKindOf(error);
        if (limit === 'disabled') throw new GmailApiDisabledError(error);
        if (limit === 'daily') throw new GmailDailyQuotaError(error);
        if (limit) {
          this.pacer.refused(limit);
          if (this.clock.now() - started > this.rateLimitBudgetMs) throw new GmailRateLimitedError(error);
          continue;
        }
        const mapped = mapError?.(error);
        if (mapped) throw mapped;
        const kind = classifyGmailError(error);
        if (kind === 'auth') throw new GmailAuthError(error);
        if (kind !== 'retryable') throw error;
        if (++failures >= this.maxAttempts) throw new GmailUnavailableError(error);
        const delay = backoffDelayMs(failures - 1, parseRetryAfter(retryAfterHeaderOf(error)));
        await this.clock.sleep(delay);
      }
    }
  }
}

function messageOfBody(body: unknown): string {
  return String((body as { error?: { message?: string } } | null)?.error?.message ?? '');
}
