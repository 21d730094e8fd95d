import { parseAddressList } from '../../../common/gmail-query/text';
import { discardCacheFile, isCorruptionError, openAccountCache } from '../../cache/index';
import { searchLocal } from '../../cache/local-search';
import { optionalPositiveNumber, parse, requireString } from '../args';
import { EXIT, UsageError, line, type CliCommand } from '../command';
import { openCliContext } from '../context';
import { pickAccount } from './cache-common';

interface Row {
  id: string;
  thread_id: string;
  internal_date: number;
  from_header: string;
  subject: string;
  label_ids: string;
  summary_json: string;
}

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search the local cache with Gmail\'s query syntax (offline, newest first).',
  usage: `Usage: npm run cli -- search --data-dir DIR [--account EMAIL] [--limit N] [--json] "QUERY"

Answers from DIR/cache/<account>/mail.db only (run sync first). Prints date, sender and
subject per message; --json prints one object per line with id, threadId, internalDate,
date, from, to, subject, snippet and labelIds.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      'data-dir': { type: 'string' }, account: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' },
    }, true);
    const dataDir = requireString(values['data-dir'], '--data-dir');
    if (positionals.length !== 1) throw new UsageError('Give exactly one query (quote it).');
    const limit = optionalPositiveNumber(values.limit, '--limit') ?? 50;
    const ctx = await openCliContext({ dataDir, env: io.env, requireClient: false });
    try {
      const account = pickAccount(ctx, io, values.account);
      if (!account) return EXIT.notFound;
      const cache = openAccountCache({ dataDir: ctx.dataDir, accountId: account.id });
      try {
        const hits = searchLocal(cache.store, positionals[0] ?? '', { limit: Math.floor(limit) });
        const get = cache.db.prepare('SELECT id, thread_id, internal_date, from_header, subject, label_ids, summary_json FROM messages WHERE rowid = ?');
        for (const hit of hits) {
          const row = get.get(hit.rowid) as Row;
          if (values.json) {
            const summary = JSON.parse(row.summary_json) as { to?: unknown; snippet?: string };
            line(io.stdout, JSON.stringify({
              id: row.id, threadId: row.thread_id, internalDate: row.internal_date, date: new Date(row.internal_date).toISOString(),
              from: row.from_header, to: summary.to ?? [], subject: row.subject, snippet: summary.snippet ?? '', labelIds: JSON.parse(row.label_ids) as string[],
            }));
          } else {
            const sender = parseAddressList(row.from_header)[0];
            const who = sender ? sender.name || sender.address : '';
            line(io.stdout, [new Date(row.internal_date).toISOString().slice(0, 16).replace('T', ' '), who, row.subject].join('\t'));
          }
        }
        if (!values.json && hits.length === 0) line(io.stderr, cache.store.messageCount() === 0 ? 'The cache is empty: run sync first.' : 'No messages match.');
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
        line(io.stderr, `The cache file was damaged${movedTo ? `; moved it to ${movedTo}` : ''}. Run sync to rebuild it.`);
        return EXIT.error;
      } finally {
        if (cache.db.open) await cache.close();
      }
    } finally {
      ctx.accounts.dispose();
    }
  },
};
