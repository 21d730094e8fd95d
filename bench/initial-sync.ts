/**
 * Initial sync against the emulator set to Gmail's per-user quota (250 units/s) with 50 ms
 * of latency per request. Prints JSON: messages/s, the share of the quota ceiling used
 * (goal >= 90 %), time until the newest 50 messages are in the cache (goal <= 2 s), cache
 * size on disk per 1k messages, and the RSS of this process.
 *
 *   npx tsx bench/initial-sync.ts [--messages 2000] [--units 250] [--latency 50]
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OAuth2Client } from 'google-auth-library';
import { startEmulator, type EmulatorHandle } from '../emulator/index';
import { closeCacheDatabase, openCacheDatabase } from '../main/cache/database';
import { MailStore } from '../main/cache/mail-store';
import { SyncEngine } from '../main/cache/sync-engine';
import { chooseFetchMethod } from '../main/cache/sync-plan';
import { GmailApi } from '../main/gmail/gmail-api';
import { QuotaPacer } from '../main/gmail/quota';

const CORPUS = join(import.meta.dirname, '../../shared/corpus/mail');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MESSAGES = option('--messages', 2000);
const UNITS = option('--units', 250);
const LATENCY = option('--latency', 50);
const ACCOUNT = 'phillip.allen@enron.com';

/** Plays the consent page as a browser would and returns a refresh token. */
async function refreshToken(emu: EmulatorHandle): Promise<string> {
  const client = new OAuth2Client({ clientId: emu.clientId, clientSecret: emu.clientSecret, redirectUri: 'http://127.0.0.1:53682/cb', endpoints: emu.endpoints });
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    scope: ['https://www.googleapis.com/auth/gmail.readonly'], access_type: 'offline', login_hint: ACCOUNT, state: 's',
    code_challenge: codeChallenge, code_challenge_method: 'S256' as never,
  });
  const page = await (await fetch(url)).text();
  const action = /<form[^>]*action="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
  const fields: [string, string][] = [];
  for (const m of page.matchAll(/<input([^>]*)>/g)) {
    const name = /name="([^"]+)"/.exec(m[1]!)?.[1];
    const value = (/value="([^"]*)"/.exec(m[1]!)?.[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    const type = /type="([^"]+)"/.exec(m[1]!)?.[1];
    if (!name || ((type === 'radio' || type === 'checkbox') && !/\bchecked\b/.test(m[1]!))) continue;
    fields.push([name, value]);
  }
  fields.push(['decision', 'allow']);
  const res = await fetch(new URL(action, emu.baseUrl), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  const { tokens } = await client.getToken({ code, codeVerifier });
  return tokens.refresh_token!;
}

function bytesOf(file: string): number {
  return ['', '-wal'].reduce((sum, s) => sum + (existsSync(file + s) ? statSync(file + s).size : 0), 0);
}

async function main(): Promise<void> {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.eml')).sort().slice(0, MESSAGES).map((f) => join(CORPUS, f));
  const emu = await startEmulator({ accounts: [{ email: ACCOUNT, mail: files }] });
  const token = await refreshToken(emu);
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
  const usage = emu.quotaUsage(ACCOUNT);
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
