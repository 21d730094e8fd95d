import { AccountError } from '../../auth/account-types';
import { cacheFileFor, openAccountCache } from '../../cache/index';
import { SyncLockedError, acquireSyncLock } from '../../cache/sync-lock';
import type { SyncProgress } from '../../cache/sync-engine';
import { GmailAuthError, GmailApi } from '../../gmail/gmail-api';
import { parse, requireString } from '../args';
import { EXIT, line, type CommandRunner, type CliIO } from '../command';
import { clientFileOptions, openCliContext } from '../context';
import { formatSeconds, pickAccount } from './cache-common';
import { t } from '../../i18n/translate';

/** Progress as a redrawn bar on a terminal, one plain line per update otherwise. */
export function progressPrinter(io: CliIO, isTty: boolean): { update(p: SyncProgress): void; finish(): void } {
  let drawn = false;
  return {
    update(p) {
      const total = Math.max(p.totalMessages, p.cachedMessages);
      const eta = p.etaSeconds === null ? '' : t('cli.sync.eta', { time: formatSeconds(p.etaSeconds) });
      if (!isTty) {
        line(io.stdout, t('cli.sync.progress', { phase: p.phase, cached: p.cachedMessages, total, eta }));
        return;
      }
      const width = 30;
      const filled = total > 0 ? Math.round((p.cachedMessages / total) * width) : 0;
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.cachedMessages}/${total} ${p.phase}${eta}\u001b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) io.stderr.write('\n');
    },
  };
}

export const syncCommand: CommandRunner = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, { 'data-dir': { type: 'string' }, client: { type: 'string' }, server: { type: 'string' } }, true);
    const dataDir = requireString(values['data-dir'], '--data-dir');
    const ctx = await openCliContext({
      dataDir,
      ...clientFileOptions(values),
      env: io.env,
      requireClient: true,
    });
    try {
      const account = pickAccount(ctx.accounts, ctx.dataDir, io, positionals[0]);
      if (!account) return EXIT.notFound;
      const auth = await ctx.accounts.getAuthorizedClient(account.id);
      const api = new GmailApi({ auth, rootUrl: ctx.clientConfig.gmailRootUrl });
      let release: () => void;
      try {
        release = acquireSyncLock(cacheFileFor(ctx.dataDir, account.id));
      } catch (error) {
        if (!(error instanceof SyncLockedError)) throw error;
        // Leave the running sync alone: no cache is opened, nothing is written.
        line(io.stderr, Number.isNaN(error.pid) ? error.message : t('cli.sync.lockedBy', { message: error.message, pid: error.pid }));
        return EXIT.error;
      }
      let cache: ReturnType<typeof openAccountCache>;
      try {
        cache = openAccountCache({
          dataDir: ctx.dataDir,
          accountId: account.id,
          api,
          onRecovered: (i) => line(io.stderr, t('cli.sync.recovered', { reason: i.reason, movedTo: i.movedTo })),
        });
      } catch (error) {
        release();
        throw error;
      }
      const printer = progressPrinter(io, Boolean((io.stderr as { isTTY?: boolean }).isTTY));
      const stopOnSignal = () => void cache.sync?.stop();
      io.signal.addEventListener('abort', stopOnSignal);
      cache.sync!.onProgress((p) => {
        if (p.phase !== 'idle') printer.update(p);
      });
      // A quota refusal is not a failure: say so, and that it goes on by itself.
      api.pacer.onState((state) => {
        if (state.kind === 'rate_limited') {
          const seconds = Math.max(1, Math.round((state.resumeAt - performance.now()) / 1000));
          line(io.stderr, t('cli.sync.rateLimited', { seconds }));
        }
      });
      try {
        const result = await cache.sync!.syncNow();
        printer.finish();
        const { added, deleted, relabelled } = result;
        line(io.stdout, t('cli.sync.done', { email: account.email, kind: result.kind, added, deleted, relabelled, cached: cache.store.messageCount() }));
        return EXIT.ok;
      } catch (error) {
        printer.finish();
        if (io.signal.aborted) {
          line(io.stderr, t('cli.sync.interrupted', { cached: cache.store.messageCount() }));
          return EXIT.interrupted;
        }
        throw error;
      } finally {
        io.signal.removeEventListener('abort', stopOnSignal);
        try {
          await cache.close();
        } finally {
          release();
        }
      }
    } catch (error) {
      if (error instanceof AccountError || error instanceof GmailAuthError) {
        line(io.stderr, t('cli.error', { message: error.message }));
        return EXIT.auth;
      }
      throw error;
    } finally {
      ctx.accounts.dispose();
    }
  },
};
