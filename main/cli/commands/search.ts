import { parseAddressList } from '../../../common/gmail-query/text';
import { discardCacheFile, isCorruptionError, retryWhileBusy } from '../../cache/database';
import { searchLocal } from '../../cache/local-search';
import { openReadOnlyCache, type CacheReader } from '../../cache/read-only-cache';
import { initialSyncProgress } from '../../cache/sync-progress';
import { optionalPositiveNumber, parse, requireString } from '../args';
import type { ListRow, MessagePage } from '../../../common/mail-types';
import { openReaderContext } from '../account-directory';
import { EXIT, UsageError, line, type CommandRunner, type CliIO } from '../command';
import type { CliContext } from '../context';
import { pickAccount } from './cache-common';
import { t } from '../../i18n/translate';

/** Said on stderr whenever an answer could only see part of the mailbox. */
function partialNote(cached: number, total: number | null): string {
  return total ? t('cli.search.partialOf', { cached, total }) : t('cli.search.partial', { cached });
}

function printRow(io: CliIO, json: boolean, row: ListRow): void {
  const from = row.from.name ? `${row.from.name} <${row.from.email}>` : row.from.email;
  if (json) {
    line(
      io.stdout,
      JSON.stringify({
        id: row.id,
        threadId: row.threadId,
        internalDate: row.internalDate,
        date: new Date(row.internalDate).toISOString(),
        from,
        to: row.to,
        subject: row.subject,
        snippet: row.snippet,
        labelIds: row.labelIds,
      }),
    );
  } else {
    line(io.stdout, [new Date(row.internalDate).toISOString().slice(0, 16).replace('T', ' '), row.from.name || row.from.email, row.subject].join('\t'));
  }
}

/** The app's merged answer (MergedMailSource), or null when no authorised client can be had. */
async function mergedAnswer(ctx: CliContext, accountId: string, cache: CacheReader, query: string, limit: number, io: CliIO): Promise<MessagePage | null> {
  if (!ctx.hasClient) return null;
  // Loaded only here: the Gmail client is most of the start-up a cache search would pay.
  const [{ GmailApi }, { GmailMailSource }, { MergedMailSource }] = await Promise.all([
    import('../../gmail/gmail-api'),
    import('../../gmail/gmail-mail-source'),
    import('../../services/merged-mail-source'),
  ]);
  let auth;
  try {
    auth = await ctx.accounts.getAuthorizedClient(accountId);
  } catch {
    line(io.stderr, t('cli.search.gmailUnreachable'));
    return null;
  }
  const api = new GmailApi({ auth, rootUrl: ctx.clientConfig.gmailRootUrl }).foreground();
  const gmail = new GmailMailSource(api);
  const source = new MergedMailSource({
    cache: cache.source,
    gmail,
    api,
    isComplete: () => false,
    counts: () => ({ cachedMessages: cache.store.labelCounts().total, totalMessages: initialSyncProgress(cache.store).total }),
  });
  const first = await source.listMessages({ kind: 'query', query }, { threads: false, pageSize: Math.min(500, limit) });
  const rows: ListRow[] = [...first.rows];
  let pageToken = first.nextPageToken;
  while (pageToken && rows.length < limit) {
    const page: MessagePage = await source.listMessages({ kind: 'query', query }, { threads: false, pageSize: Math.min(500, limit - rows.length), pageToken });
    rows.push(...page.rows);
    pageToken = page.nextPageToken;
  }
  return { ...first, rows: rows.slice(0, limit) };
}

interface Row {
  id: string;
  thread_id: string;
  internal_date: number;
  from_header: string;
  subject: string;
  label_ids: string;
  summary_json: string;
}

export const searchCommand: CommandRunner = {
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        'data-dir': { type: 'string' },
        account: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
        offline: { type: 'boolean' },
      },
      true,
    );
    const dataDir = requireString(values['data-dir'], '--data-dir');
    if (positionals.length !== 1) throw new UsageError(t('cli.search.oneQuery'));
    const limit = optionalPositiveNumber(values.limit, '--limit') ?? 50;
    // The keychain and the OAuth client are opened only when Gmail must be asked (cache not complete).
    const ctx = await openReaderContext(dataDir, io.env);
    try {
      const account = pickAccount(ctx.accounts, ctx.dataDir, io, values.account);
      if (!account) return EXIT.notFound;
      // A reader: a sync running in another process goes on undisturbed.
      const cache = await retryWhileBusy(() => openReadOnlyCache({ dataDir: ctx.dataDir, accountId: account.id }));
      try {
        if (!initialSyncProgress(cache.store).done) {
          const merged = values.offline ? null : await mergedAnswer(await ctx.full(), account.id, cache, positionals[0] ?? '', Math.floor(limit), io);
          if (merged) {
            for (const row of merged.rows) printRow(io, Boolean(values.json), row);
            if (merged.coverage?.partial) line(io.stderr, partialNote(merged.coverage.cachedMessages, merged.coverage.totalMessages));
            if (!values.json && merged.rows.length === 0) line(io.stderr, t('cli.search.noMatch'));
            return EXIT.ok;
          }
          line(io.stderr, partialNote(cache.store.labelCounts().total, initialSyncProgress(cache.store).total));
        }
        const hits = searchLocal(cache.store, positionals[0] ?? '', { limit: Math.floor(limit) });
        const get = cache.db.prepare('SELECT id, thread_id, internal_date, from_header, subject, label_ids, summary_json FROM messages WHERE rowid = ?');
        for (const hit of hits) {
          const row = get.get(hit.rowid) as Row;
          if (values.json) {
            const summary = JSON.parse(row.summary_json) as { to?: unknown; snippet?: string };
            line(
              io.stdout,
              JSON.stringify({
                id: row.id,
                threadId: row.thread_id,
                internalDate: row.internal_date,
                date: new Date(row.internal_date).toISOString(),
                from: row.from_header,
                to: summary.to ?? [],
                subject: row.subject,
                snippet: summary.snippet ?? '',
                labelIds: JSON.parse(row.label_ids) as string[],
              }),
            );
          } else {
            const sender = parseAddressList(row.from_header)[0];
            const who = sender ? sender.name || sender.address : '';
            line(io.stdout, [new Date(row.internal_date).toISOString().slice(0, 16).replace('T', ' '), who, row.subject].join('\t'));
          }
        }
        if (!values.json && hits.length === 0) line(io.stderr, cache.store.messageCount() === 0 ? t('cli.search.emptyCache') : t('cli.search.noMatch'));
        return EXIT.ok;
      } catch (error) {
        if (!isCorruptionError(error)) throw error;
        // Damage found mid-query: never show SQLite's text; set the file aside so sync rebuilds it.
        try {
          cache.db.close();
        } catch {
          /* already unusable */
        }
        const movedTo = discardCacheFile(cache.file);
        line(io.stderr, movedTo ? t('cli.search.damagedMoved', { movedTo }) : t('cli.search.damaged'));
        return EXIT.error;
      } finally {
        if (cache.db.open) await cache.close();
      }
    } finally {
      ctx.dispose();
    }
  },
};
