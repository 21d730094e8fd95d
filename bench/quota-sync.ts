/**
 * The initial sync a new user lives through, under both of Gmail's quota regimes, with the
 * pacer Skimmer ships (AdaptivePacer: it is told neither regime nor cost table).
 *
 * For each regime (emulator `--quota-profile 2026|legacy --max-concurrent 10 --latency 50`):
 * - share of the regime's ceiling used (server-side units / (ceiling x seconds); goal >= 90 %),
 *   failed pages (goal 0) and the states the sync reported (goal: never offline or error);
 * - a search started 2 s into the sync through the app's path (MergedMailSource, the
 *   foreground lane): time to its first complete page, checked against Gmail's own answer;
 * - after the sync, the time from a message's arrival at the emulator to its row in the
 *   inbox list (incremental sync every 20 s, as the app runs it).
 *
 *   npx tsx bench/quota-sync.ts [--messages-2026 1000] [--messages-legacy 3000] [--latency 50] [--max-concurrent 10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OAuth2Client } from 'google-auth-library';
import { startEmulator, type EmulatorHandle, type QuotaProfile } from '../emulator/index';
import { CacheMailSource } from '../main/cache/cache-mail-source';
import { closeCacheDatabase, openCacheDatabase } from '../main/cache/database';
import { MailStore } from '../main/cache/mail-store';
import { SyncEngine } from '../main/cache/sync-engine';
import { AdaptivePacer } from '../main/gmail/adaptive-pacer';
import { GmailApi } from '../main/gmail/gmail-api';
import { GmailMailSource } from '../main/gmail/gmail-mail-source';
import { MergedMailSource } from '../main/services/merged-mail-source';
import { refreshTokenFor } from '../tests/integration/cache/helpers/emulator-client';
import { CORPUS_ACCOUNT, corpusFiles, numberOption } from './sync-support';

const LATENCY = numberOption('--latency', 50);
const MAX_CONCURRENT = numberOption('--max-concurrent', 10);
const QUERY = 'gas';

async function runRegime(profile: QuotaProfile, messages: number) {
  const emu: EmulatorHandle = await startEmulator({ accounts: [{ email: CORPUS_ACCOUNT, mail: corpusFiles(messages) }] });
  const token = await refreshTokenFor(emu, CORPUS_ACCOUNT);
  const dir = mkdtempSync(join(tmpdir(), 'skimmer-bench-quota-'));
  const store = new MailStore(openCacheDatabase(join(dir, 'mail.db')));
  const auth = new OAuth2Client({ clientId: emu.clientId, clientSecret: emu.clientSecret, endpoints: emu.endpoints });
  auth.setCredentials({ refresh_token: token });
  await auth.getAccessToken();
  const pacer = new AdaptivePacer();
  const api = new GmailApi({ auth, rootUrl: emu.gmailRootUrl, pacer });
  const expected = (await api.listMessages({ q: QUERY, maxResults: 50 })).messages?.map((m) => m.id) ?? [];
  emu.setQuota({ profile, maxConcurrent: MAX_CONCURRENT });
  emu.setFaults({ latencyMs: LATENCY });
  emu.resetQuotaUsage();

  const engine = new SyncEngine({ store, api });
  const states = new Set<string>();
  pacer.onState((s) => states.add(s.kind));
  engine.onProgress((p) => states.add(p.phase));
  let failedPages = 0;
  engine.on('error', () => failedPages++);
  const started = performance.now();
  const syncing = engine.syncNow();

  // A person searches 2 s in: the merged answer (Gmail's ids, the cache's rows where held).
  await new Promise((r) => setTimeout(r, 2_000));
  const cache = new CacheMailSource({ store });
  const merged = new MergedMailSource({
    cache,
    gmail: new GmailMailSource(api.foreground()),
    api: api.foreground(),
    isComplete: () => engine.isInitialSyncDone(),
    counts: () => ({ cachedMessages: store.messageCount(), totalMessages: messages }),
  });
  const searchStarted = performance.now();
  const page = await merged.listMessages({ kind: 'query', query: QUERY }, { threads: false, pageSize: 50 });
  const searchMs = performance.now() - searchStarted;
  const searchComplete = JSON.stringify(page.rows.map((r) => r.id)) === JSON.stringify(expected);
  const cachedAtSearch = store.messageCount();

  await syncing;
  const seconds = (performance.now() - started) / 1000;
  const usage = emu.quotaUsage(CORPUS_ACCOUNT);
  const ceiling = usage.ceilingUnitsPerSecond ?? Infinity;

  // New mail while the list is open, on the app's 20 s timer: it arrives just after a check
  // (the worst case), so it waits for the next one.
  const checked = new Promise<void>((resolve) => engine.on('synced', () => resolve()));
  engine.start(20_000);
  await checked;
  await new Promise((r) => setTimeout(r, 500));
  const arrived = performance.now();
  const id = emu.addMessage(CORPUS_ACCOUNT, `From: a@example.org\r\nTo: ${CORPUS_ACCOUNT}\r\nSubject: new\r\nMessage-ID: <bench-new@example.org>\r\n\r\nhi`, {
    labelIds: ['INBOX'],
    internalDate: Date.now(),
  }).id;
  let arrivalMs: number | null = null;
  while (performance.now() - arrived < 60_000) {
    const inbox = await cache.listMessages({ kind: 'label', labelId: 'INBOX' }, { threads: false, pageSize: 10 });
    if (inbox.rows.some((r) => r.id === id)) {
      arrivalMs = performance.now() - arrived;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await engine.stop();
  closeCacheDatabase(store.db);
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    profile,
    messages: messages,
    maxConcurrent: MAX_CONCURRENT,
    latencyMs: LATENCY,
    seconds: Math.round(seconds * 10) / 10,
    messagesPerSecond: Math.round((messages / seconds) * 10) / 10,
    ceilingUnitsPerSecond: ceiling,
    unitsConsumed: usage.unitsConsumed,
    ceilingShareUsed: Math.round((usage.unitsConsumed / (ceiling * seconds)) * 1000) / 10,
    rejectedRequests: usage.rejectedBy,
    peakInFlight: usage.peakInFlight,
    failedPages,
    statesSeen: [...states],
    wrongStateShown: states.has('error') || states.has('offline'),
    learned: pacer.budget,
    searchDuringSync: {
      query: QUERY,
      startedAfterSeconds: 2,
      cachedAtSearch,
      firstCompletePageMs: Math.round(searchMs),
      completeAndEqualToGmail: searchComplete,
    },
    newMailToListRowMsWorstCase: arrivalMs === null ? null : Math.round(arrivalMs),
  };
}

async function main(): Promise<void> {
  const results = [];
  results.push(await runRegime('2026', numberOption('--messages-2026', 1000)));
  results.push(await runRegime('legacy', numberOption('--messages-legacy', 3000)));
  process.stdout.write(
    `${JSON.stringify({ bench: 'quota-sync', results, goals: { ceilingShareUsed: '>= 90', failedPages: 0, wrongStateShown: false } }, null, 2)}\n`,
  );
}

void main();
