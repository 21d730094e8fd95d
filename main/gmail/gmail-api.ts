/**
 * Every Gmail call Skimmer makes, through one door: the quota pacer charges the method's
 * cost before the call, failures are sorted (retry with backoff, re-auth, not found),
 * and message details come in batches so a page of 50 rows is one round trip.
 */
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import type { OAuth2Client } from 'google-auth-library';
import { MAX_BATCH_SIZE, sendBatch, type BatchPartResponse } from './batch';
import { classifyGmailError, httpStatusOf, retryAfterHeaderOf } from './gmail-errors';
import { backoffDelayMs, GMAIL_METHOD_COSTS, parseRetryAfter, QuotaPacer, systemClock, type Clock, type GmailMethod } from './quota';

export class GmailAuthError extends Error {
  constructor(override readonly cause: unknown) {
    super('Google no longer accepts this account\'s sign-in.');
    this.name = 'GmailAuthError';
  }
}

export class GmailNotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found.`);
    this.name = 'GmailNotFoundError';
  }
}

export class HistoryTooOldError extends Error {
  constructor() {
    super('The stored history id is too old: a full resync is needed.');
    this.name = 'HistoryTooOldError';
  }
}

export class GmailUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super('Gmail could not be reached.');
    this.name = 'GmailUnavailableError';
  }
}

export interface GmailApiOptions {
  readonly auth: OAuth2Client;
  readonly rootUrl: string;
  readonly pacer?: QuotaPacer;
  readonly maxAttempts?: number;
  readonly clock?: Clock;
  /** Largest batch sent; Google advises 50 or fewer for messages.get. */
  readonly batchSize?: number;
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
  readonly pacer: QuotaPacer;
  private readonly client: gmail_v1.Gmail;
  private readonly maxAttempts: number;
  private readonly clock: Clock;
  private readonly batchSize: number;

  constructor(private readonly options: GmailApiOptions) {
    this.pacer = options.pacer ?? new QuotaPacer();
    this.maxAttempts = options.maxAttempts ?? 6;
    this.clock = options.clock ?? systemClock;
    this.batchSize = Math.min(options.batchSize ?? 50, MAX_BATCH_SIZE);
    // Retries are ours (pacer-aware, Retry-After honoured), so gaxios' own are off.
    this.client = gmail({ version: 'v1', auth: options.auth, rootUrl: options.rootUrl, retry: false, retryConfig: { retry: 0 } });
  }

  profile(): Promise<gmail_v1.Schema$Profile> {
    return this.call('users.getProfile', () => this.client.users.getProfile({ userId: 'me' }));
  }

  listLabels(): Promise<gmail_v1.Schema$ListLabelsResponse> {
    return this.call('users.labels.list', () => this.client.users.labels.list({ userId: 'me' }));
  }

  listMessages(params: ListMessagesParams): Promise<gmail_v1.Schema$ListMessagesResponse> {
    return this.call('users.messages.list', () =>
      this.client.users.messages.list({
        userId: 'me',
        q: params.q || undefined,
        labelIds: params.labelIds ? [...params.labelIds] : undefined,
        pageToken: params.pageToken,
        maxResults: params.maxResults,
        includeSpamTrash: params.includeSpamTrash,
        fields: params.fields,
      }),
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
    return this.call(
      'users.history.list',
      () => this.client.users.history.list({ userId: 'me', startHistoryId, pageToken, maxResults }),
      undefined,
      true,
    );
  }

  /**
   * GETs many resources of one method through the batch endpoint. Parts that fail with
   * a retryable status are sent again (alone, in a later batch); 404 parts come back as null.
   */
  async batchGet<T>(method: GmailMethod, paths: readonly string[]): Promise<(T | null)[]> {
    const results = new Array<T | null>(paths.length).fill(null);
    let pending = paths.map((path, index) => ({ path, index }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= this.maxAttempts) throw new GmailUnavailableError(new Error(`${pending.length} batch parts kept failing`));
      if (attempt > 0) await this.clock.sleep(backoffDelayMs(attempt - 1, null));
      const retry: typeof pending = [];
      for (let start = 0; start < pending.length; start += this.batchSize) {
        const chunk = pending.slice(start, start + this.batchSize);
        const parts = await this.sendBatchChunk(method, chunk.map((c) => c.path));
        parts.forEach((part, i) => {
          const item = chunk[i]!;
          if (part.status >= 200 && part.status < 300) results[item.index] = part.body as T;
          else if (part.status === 404) results[item.index] = null;
          else if (part.status === 401) throw new GmailAuthError(part.body);
          else if (part.status === 429 || part.status >= 500 || part.status === 403 || part.status === 0) {
            if (part.status === 403 && !isRateLimitBody(part.body)) throw new Error(`Gmail refused ${item.path}: HTTP 403`);
            retry.push(item);
          } else throw new Error(`Gmail answered HTTP ${part.status} for ${item.path}`);
        });
      }
      if (retry.length > 0) this.pacer.pause(backoffDelayMs(attempt, null));
      pending = retry;
    }
    return results;
  }

  private async sendBatchChunk(method: GmailMethod, paths: string[]): Promise<BatchPartResponse[]> {
    const cost = GMAIL_METHOD_COSTS[method] * paths.length;
    return this.retrying(cost, async () =>
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

  private async call<T>(method: GmailMethod, run: () => Promise<{ data: T }>, what?: string, historyRequest = false): Promise<T> {
    return this.retrying(
      GMAIL_METHOD_COSTS[method],
      async () => (await run()).data,
      (error) => {
        const kind = classifyGmailError(error, { historyRequest });
        if (kind === 'history_too_old') return new HistoryTooOldError();
        if (kind === 'not_found') return new GmailNotFoundError(what ?? 'The item');
        return null;
      },
    );
  }

  /** Runs one paced request, retrying retryable failures with backoff. */
  private async retrying<T>(cost: number, run: () => Promise<T>, mapError?: (error: unknown) => Error | null): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.pacer.acquire(cost);
      try {
        return await run();
      } catch (error) {
        if (error instanceof GmailAuthError) throw error;
        const mapped = mapError?.(error);
        if (mapped) throw mapped;
        const kind = classifyGmailError(error);
        if (kind === 'auth') throw new GmailAuthError(error);
        if (kind !== 'retryable') throw error;
        if (attempt + 1 >= this.maxAttempts) throw new GmailUnavailableError(error);
        const delay = backoffDelayMs(attempt, parseRetryAfter(retryAfterHeaderOf(error)));
        if (httpStatusOf(error) === 429) this.pacer.pause(delay);
        else await this.clock.sleep(delay);
      }
    }
  }
}

function isRateLimitBody(body: unknown): boolean {
  const reason = (body as { error?: { errors?: { reason?: string }[] } } | null)?.error?.errors?.[0]?.reason ?? '';
  return /rateLimit|RateLimit|quota/i.test(reason);
}
