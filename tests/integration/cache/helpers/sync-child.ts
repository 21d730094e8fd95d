/**
 * Runs one sync in its own process (so a test can SIGKILL it mid-sync):
 *   npx tsx sync-child.ts '{"clientId":…,"clientSecret":…,"endpoints":…,"gmailRootUrl":…,"refreshToken":…,"dbFile":…}'
 * Prints one JSON progress line per page and "done" at the end.
 */
import { openCacheDatabase } from '../../../../main/cache/database';
import { MailStore } from '../../../../main/cache/mail-store';
import { SyncEngine } from '../../../../main/cache/sync-engine';
import type { EmulatorEndpoints } from '../../../../emulator/index';
import { gmailApiFor } from './emulator-client';

interface ChildArgs {
  clientId: string;
  clientSecret: string;
  endpoints: EmulatorEndpoints;
  gmailRootUrl: string;
  refreshToken: string;
  dbFile: string;
  unitsPerSecond?: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
const store = new MailStore(openCacheDatabase(args.dbFile));
const api = gmailApiFor(args, args.refreshToken, args.unitsPerSecond ? { unitsPerSecond: args.unitsPerSecond } : {});
const engine = new SyncEngine({ store, api, pageSize: 50, firstPageSize: 50 });
engine.onProgress((p) => process.stdout.write(`${JSON.stringify(p)}\n`));
engine.syncNow().then(
  (result) => {
    process.stdout.write(`done ${JSON.stringify(result)}\n`);
    store.db.close();
  },
  (error: unknown) => {
    process.stderr.write(`failed ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
