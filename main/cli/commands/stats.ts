import { existsSync, statSync } from 'node:fs';
import { retryWhileBusy } from '../../cache/database';
import { openReadOnlyCache } from '../../cache/read-only-cache';
import { parse, requireString } from '../args';
import { EXIT, line, type CommandRunner } from '../command';
import { openReaderContext } from '../account-directory';
import { formatNumber, t } from '../../i18n/translate';

function fileBytes(file: string): number {
  return ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);
}

export const statsCommand: CommandRunner = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } }, true);
    const dataDir = requireString(values['data-dir'], '--data-dir');
    const ctx = await openReaderContext(dataDir, io.env);
    try {
      const wanted = positionals[0]?.toLowerCase();
      const accounts = ctx.accounts.list().filter((a) => !wanted || a.email.toLowerCase() === wanted);
      if (accounts.length === 0) {
        line(io.stderr, wanted ? t('cli.noSuchAccount', { email: wanted, dataDir: ctx.dataDir }) : t('cli.noAccounts'));
        return wanted ? EXIT.notFound : EXIT.ok;
      }
      const out = [];
      for (const account of accounts) {
        // A reader: a sync running in another process goes on undisturbed.
        const cache = await retryWhileBusy(() => openReadOnlyCache({ dataDir: ctx.dataDir, accountId: account.id }));
        try {
          const { stats, historyId, initial } = await retryWhileBusy(() =>
            cache.store.transaction(() => ({
              stats: cache.store.stats(),
              historyId: cache.store.getState<string>('historyId') ?? null,
              initial: cache.store.getState<object>('initial'),
            })),
          );
          out.push({
            email: account.email,
            ...stats,
            oldest: stats.oldest === null ? null : new Date(stats.oldest).toISOString(),
            newest: stats.newest === null ? null : new Date(stats.newest).toISOString(),
            initialSyncDone: historyId !== null && initial === undefined,
            historyId,
            file: cache.file,
            bytes: fileBytes(cache.file),
          });
        } finally {
          await cache.close();
        }
      }
      if (values.json) line(io.stdout, JSON.stringify(out, null, 2));
      else {
        for (const s of out) {
          const size = formatNumber(s.bytes / 1_048_576, { style: 'unit', unit: 'megabyte', minimumFractionDigits: 1, maximumFractionDigits: 1 });
          line(io.stdout, t('cli.stats.line', { email: s.email, messages: s.messages, threads: s.threads, labels: s.labels, size }));
          const state = s.initialSyncDone ? t('cli.stats.synced', { historyId: String(s.historyId) }) : t('cli.stats.notSynced');
          line(io.stdout, `  ${s.oldest ?? '-'} .. ${s.newest ?? '-'}; ${state}`);
          line(io.stdout, `  ${s.file}`);
        }
      }
      return EXIT.ok;
    } finally {
      ctx.dispose();
    }
  },
};
