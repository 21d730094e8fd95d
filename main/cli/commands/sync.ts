import { AccountError } from '../../auth/account-types';
import { cacheFileFor, openAccountCache } from '../../cache/index';
import { SyncLockedError, acquireSyncLock } from '../../cache/sync-lock';
import type { SyncProgress } from '../../cache/sync-engine';
import { GmailAuthError, GmailApi } from '../../gmail/gmail-api';
import { parse, requireString } from '../args';
import { EXIT, line, type CliCommand, type CliIO } from '../command';
import { openCliContext } from '../context';
import { formatSeconds, pickAccount } from './cache-common';

/** Progress as a redrawn bar on a terminal, one plain line per update otherwise. */
export function progressPrinter(io: CliIO, isTty: boolean): { update(p: SyncProgress): void; finish(): void } {
  let drawn = false;
  return {
    update(p) {
      const total = Math.max(p.totalMessages, p.cachedMessages);
      const eta = p.etaSeconds === null ? '' : `, about ${formatSeconds(p.etaSeconds)} left`;
      if (!isTty) {
        line(io.stdout, `${p.phase}: ${p.cachedMessages}/${total} messages${eta}`);
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

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Fill or update the local cache of an account from Gmail (resumes where it stopped).',
  usage: `Usage: npm run cli -- sync --data-dir DIR [--client FILE | --server FILE] [EMAIL]

Syncs EMAIL (default: the active account) into DIR/cache/<account>/mail.db: the whole
mailbox newest first the first time, only the changes (history) afterwards. A killed or
interrupted sync resumes at the page it was on. Progress is a bar on a terminal and one
line per page otherwise.`,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { 'data-dir': { type: 'string' }, client: { type: 'string' }, server: { type: 'string' } }, true);
    const dataDir = requireString(values['data-dir'], '--data-dir');
    const ctx = await openCliContext({
      dataDir,
      ...(values.client ? { clientFile: values.client } : {}),
      ...(values.server ? { serverFile: values.server } : {}),
      env: io.env,
      requireClient: true,
    });
    try {
      const account = pickAccount(ctx, io, positionals[0]);
      if (!account) return EXIT.notFound;
      const auth = await ctx.accounts.getAuthorizedClient(account.id);
      const api = new GmailApi({ auth, rootUrl: ctx.clientConfig.gmailRootUrl });
      let release: () => void;
      try {
        release = acquireSyncLock(cacheFileFor(ctx.dataDir, account.id));
      } catch (error) {
        if (!(error instanceof SyncLockedError)) throw error;
        // Leave the running sync alone: no cache is opened, nothing is written.
        line(io.stderr, `${error.message}${Number.isNaN(error.pid) ? '' : ` (process ${error.pid})`}`);
        return EXIT.error;
      }
      let cache: ReturnType<typeof openAccountCache>;
      try {
        cache = openAccountCache({
          dataDir: ctx.dataDir,
          accountId: account.id,
          api,
          onRecovered: (i) => line(io.stderr, `The cache file was unreadable (${i.reason}); moved it to ${i.movedTo} and started afresh.`),
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
          line(io.stderr, `Gmail asked Skimmer to slow down; resuming in about ${seconds} s.`);
        }
      });
      try {
        const result = await cache.sync!.syncNow();
        printer.finish();
        const changes = `${result.added} added, ${result.deleted} deleted, ${result.relabelled} relabelled`;
        line(io.stdout, `Synced ${account.email} (${result.kind}): ${changes}; ${cache.store.messageCount()} messages cached.`);
        return EXIT.ok;
      } catch (error) {
        printer.finish();
        if (io.signal.aborted) {
          line(io.stderr, `Interrupted; ${cache.store.messageCount()} messages cached. Run sync again to resume.`);
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
        line(io.stderr, `Error: ${error.message}`);
        return EXIT.auth;
      }
      throw error;
    } finally {
      ctx.accounts.dispose();
    }
  },
};
