/**
 * Initial sync against the emulator set to Gmail's per-user quota (250 units/s) with 50 ms
 * of latency per request. Prints JSON: messages/s, the share of the quota ceiling used
 * (goal >= 90 %), time until the newest 50 messages are in the cache (goal <= 2 s), cache
 * size on disk per 1k messages, and the RSS of this process.
 *
 *   npx tsx bench/initial-sync.ts [--messages 2000] [--units 250] [--latency 50]
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OAuth2Client } from 'google-auth-library';
import { startEmulator } from '../emulator/index';
import { closeCacheDatabase, openCacheDatabase } from '../main/cache/database';
import { MailStore } from '../main/cache/mail-store';
import { SyncEngine } from '../main/cache/sync-engine';
import { chooseFetchMethod } from '../main/cache/sync-plan';
import { GmailApi } from '../main/gmail/gmail-api';
import { QuotaPacer } from '../main/gmail/quota';
import { refreshTokenFor } from '../tests/integration/cache/helpers/emulator-client';
import { CORPUS_ACCOUNT, corpusFiles, numberOption } from './sync-support';

const MESSAGES = numberOption('--messages', 2000);
const UNITS = numberOption('--units', 250);
const LATENCY = numberOption('--latency', 50);

function bytesOf(file: string): number {
  return ['', '-wal'].reduce((sum, s) => sum + (existsSync(file + s) ? statSync(file + s).size : 0), 0);
}

async function main(): Promise<void> {
  const emu = await startEmulator({ accounts: [{ email: CORPUS_ACCOUNT, mail: corpusFiles(MESSAGES) }] });
  const token = await refreshTokenFor(emu, CORPUS_ACCOUNT);
  emu.setQuota({ unitsPerSecond: UNITS });
  emu.setFaults({ latencyMs: LATENCY });
  emu.resetQuotaUsage();
  const dir = mkdtempSync(join(tmpdir(), 'skimmer-bench-sync-'));
  const file = join(dir, 'mail.db');
  const store = new MailStore(openCacheDatabase(file));
  const auth = new OAuth2Client({ clientId: emu.clientId, clientSecret: emu.clientSecret, endpoints: emu.endpoints });
  auth.setCredentials({ refresh_token: token });
  await auth.getAccessToken(); // the token exchange is not part of the sync
  // The client paces itself at the published per-user rate, a hair under it so the
  // server's bucket (refilled on its own clock) never sees a request early.
  const api = new GmailApi({ auth, rootUrl: emu.gmailRootUrl, pacer: new QuotaPacer({ unitsPerSecond: UNITS * 0.98 }) });
  const profile = await api.profile();
  emu.resetQuotaUsage();
  const engine = new SyncEngine({ store, api });
  const started = performance.now();
  let firstPageMs: number | null = null;
  engine.on('firstPage', () => {
    firstPageMs = performance.now() - started;
  });
  const result = await engine.syncNow();
  const seconds = (performance.now() - started) / 1000;
  const usage = emu.quotaUsage(CORPUS_ACCOUNT);
  const cached = store.messageCount();
  closeCacheDatabase(store.db);
  const bytes = bytesOf(file);
  const out = {
    bench: 'initial-sync',
    quotaUnitsPerSecond: UNITS,
    latencyMs: LATENCY,
    fetchMethod: chooseFetchMethod(profile),
    messagesPerThread: Math.round(((profile.messagesTotal ?? 0) / Math.max(1, profile.threadsTotal ?? 1)) * 100) / 100,
    messages: cached,
    result,
    seconds: Math.round(seconds * 10) / 10,
    messagesPerSecond: Math.round((cached / seconds) * 10) / 10,
    ceilingMessagesPerSecond: UNITS / 5,
    unitsConsumed: usage.unitsConsumed,
    quotaShareUsed: Math.round((usage.unitsConsumed / (UNITS * seconds)) * 1000) / 10,
    rejected429: usage.rejected,
    byMethod: usage.byMethod,
    newest50VisibleSeconds: firstPageMs === null ? null : Math.round(firstPageMs) / 1000,
    cacheBytesPer1kMessages: Math.round((bytes / cached) * 1000),
    cacheFileMb: Math.round((bytes / 1_048_576) * 10) / 10,
    processRssMb: Math.round(process.memoryUsage().rss / 1_048_576),
    goals: { quotaShareUsed: '>= 90', newest50VisibleSeconds: '<= 2' },
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
