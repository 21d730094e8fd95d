/**
 * The app's side of the shared-cache test, as its own process: the app's mail hub
 * (main/services/account-mail.ts, the layer behind the list IPC handlers) on the CLI's data
 * dir (its only account), reading the inbox and a search in a loop while another process syncs. Prints one JSON
 * line per read and per status, and stops when the file named by SKIMMER_STOP_FILE appears.
 *
 *   SKIMMER_DATA_DIR=… SKIMMER_STOP_FILE=… tsx app-reader.ts
 */
import { existsSync } from 'node:fs';
import { openCliContext } from '../../../../main/cli/context';
import { AccountMailHub } from '../../../../main/services/account-mail';

const dataDir = process.env.SKIMMER_DATA_DIR ?? '';
const stopFile = process.env.SKIMMER_STOP_FILE ?? '';
const say = (record: object) => process.stdout.write(`${JSON.stringify(record)}\n`);

const ctx = await openCliContext({ dataDir, env: process.env, requireClient: true });
const hub = new AccountMailHub({
  dataDir: ctx.dataDir,
  authorize: async (id) => ({ auth: await ctx.accounts.getAuthorizedClient(id), gmailRootUrl: ctx.clientConfig.gmailRootUrl }),
  onStatus: (status) => say({ kind: 'status', at: Date.now(), phase: status.phase, message: status.message }),
  syncIntervalMs: 600_000,
});
const accountId = ctx.accounts.list()[0]?.id ?? '';
say({ kind: 'ready', accountId });

while (!existsSync(stopFile)) {
  for (const selector of [
    { kind: 'label', labelId: 'INBOX' },
    { kind: 'query', query: 'zebra' },
  ] as const) {
    const started = performance.now();
    try {
      const source = await hub.source(accountId);
      const page = await source.listMessages(selector, { threads: selector.kind === 'label', pageSize: 50, pageToken: null });
      say({
        kind: 'read',
        at: Date.now(),
        ok: true,
        selector: selector.kind,
        rows: page.rows.length,
        source: page.source,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      say({
        kind: 'read',
        at: Date.now(),
        ok: false,
        selector: selector.kind,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
await hub.dispose();
ctx.accounts.dispose();
say({ kind: 'done' });
