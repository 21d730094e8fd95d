/**
 * Load test of the emulator on 127.0.0.1: requests per second for messages.list and
 * messages.get (format=metadata) with a few thousand messages loaded.
 *
 *   npx tsx bench/emulator-load.ts [--messages 3000] [--seconds 5] [--concurrency 8] [--in-process]
 *
 * The emulator runs as its own process (the CLI) unless --in-process; the load generator uses
 * keep-alive agents and a bounded loop (time and request caps). Prints one JSON object.
 */
import http from 'node:http';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const MESSAGES = opt('messages', 3000);
const SECONDS = opt('seconds', 5);
const CONCURRENCY = opt('concurrency', 8);
const MAX_REQUESTS = 200_000;
const IN_PROCESS = args.includes('--in-process');
const ACCOUNT = 'bench@skimmer.example';
const ROOT = resolve(import.meta.dirname, '..');

function makeMbox(n: number): string {
  const words = ['quarterly', 'report', 'lunch', 'invoice', 'project', 'skimmer', 'release', 'meeting', 'budget', 'travel', 'zebra', 'notes'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2023, 0, 1) + i * 3600_000);
    const w = (k: number) => words[(i * 7 + k * 3) % words.length];
    const thread = i % 5 === 0 || i === 0 ? '' : `In-Reply-To: <m${i - 1}@bench.example>\n`;
    out.push(
      `From sender${i % 50}@example.com ${d.toUTCString()}\n` +
        `From: Sender ${i % 50} <sender${i % 50}@example.com>\nTo: ${ACCOUNT}\nSubject: ${w(1)} ${w(2)} #${i}\n` +
        `Date: ${d.toUTCString().replace('GMT', '+0000')}\nMessage-ID: <m${i}@bench.example>\n${thread}MIME-Version: 1.0\n` +
        `Content-Type: text/plain; charset=utf-8\n\n${Array.from({ length: 40 }, (_, k) => w(k)).join(' ')}\n` +
        createHash('sha1').update(String(i)).digest('hex') +
        '\n',
    );
  }
  return out.join('\n');
}

interface Target {
  baseUrl: string;
  stop(): Promise<void>;
}

async function startTarget(mbox: string): Promise<Target> {
  if (IN_PROCESS) {
    const { startEmulator } = await import('../emulator/index');
    const emu = await startEmulator({ accounts: [{ email: ACCOUNT, mail: [mbox] }] });
    return { baseUrl: emu.baseUrl, stop: () => emu.close() };
  }
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'emulator/cli.ts', '--port', '0', '--account', ACCOUNT, '--mail', mbox], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((res, rej) => {
    createInterface({ input: child.stdout! }).once('line', res);
    child.once('exit', (c) => rej(new Error(`emulator exited ${c}`)));
  });
  const info = JSON.parse(line) as { baseUrl: string };
  return {
    baseUrl: info.baseUrl,
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error('loopback only');
  return new Promise((res, rej) => {
    const req = http.request(u, { method: init.method ?? 'GET', headers: init.headers ?? {}, agent }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => res({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: r.headers }));
      r.on('error', rej);
    });
    req.on('error', rej);
    req.end(init.body);
  });
}

/** The OAuth flow over plain HTTP: consent page -> form post -> code -> token. */
async function accessToken(baseUrl: string): Promise<string> {
  const info = JSON.parse((await request(`${baseUrl}/__emulator/info`)).body) as { clientId: string; clientSecret: string };
  const redirect = 'http://127.0.0.1:1/cb';
  const q = new URLSearchParams({
    client_id: info.clientId,
    redirect_uri: redirect,
    response_type: 'code',
    scope: 'https://www.googleapis.com/auth/gmail.readonly',
    login_hint: ACCOUNT,
  });
  const page = (await request(`${baseUrl}/o/oauth2/v2/auth?${q}`)).body;
  const requestId = /name="request_id" value="([^"]+)"/.exec(page)![1]!;
  const consent = await request(`${baseUrl}/o/oauth2/v2/auth/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, account: ACCOUNT, decision: 'allow' }).toString(),
  });
  const code = new URL(String(consent.headers.location)).searchParams.get('code')!;
  const tok = await request(`${baseUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: info.clientId,
      client_secret: info.clientSecret,
      redirect_uri: redirect,
    }).toString(),
  });
  return (JSON.parse(tok.body) as { access_token: string }).access_token;
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2)) : 0;
}

async function scenario(name: string, next: (i: number) => string, headers: Record<string, string>) {
  const lat: number[] = [];
  let errors = 0;
  let issued = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline && issued < MAX_REQUESTS) {
        const i = issued++;
        const s = performance.now();
        const r = await request(next(i), { headers });
        lat.push(performance.now() - s);
        if (r.status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return {
    name,
    concurrency: CONCURRENCY,
    requests: lat.length,
    errors,
    seconds: Number(seconds.toFixed(2)),
    rps: Math.round(lat.length / seconds),
    p50ms: pct(lat, 50),
    p95ms: pct(lat, 95),
    p99ms: pct(lat, 99),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'skimmer-bench-'));
  const mbox = join(dir, 'bench.mbox');
  writeFileSync(mbox, makeMbox(MESSAGES));
  const loadStart = performance.now();
  const target = await startTarget(mbox);
  const startupMs = Math.round(performance.now() - loadStart);
  try {
    const token = await accessToken(target.baseUrl);
    const headers = { authorization: `Bearer ${token}` };
    const base = `${target.baseUrl}/gmail/v1/users/me`;
    const ids: string[] = [];
    const pageTokens: (string | undefined)[] = [undefined];
    let pt: string | undefined;
    do {
      const r = JSON.parse((await request(`${base}/messages?maxResults=500${pt ? `&pageToken=${pt}` : ''}`, { headers })).body) as {
        messages?: { id: string }[];
        nextPageToken?: string;
      };
      ids.push(...(r.messages ?? []).map((m) => m.id));
      pt = r.nextPageToken;
    } while (pt);
    for (let p: string | undefined = undefined, k = 0; k < 30; k++) {
      const r = JSON.parse((await request(`${base}/messages${p ? `?pageToken=${p}` : ''}`, { headers })).body) as { nextPageToken?: string };
      if (!r.nextPageToken) break;
      p = r.nextPageToken;
      pageTokens.push(p);
    }
    const results = [];
    results.push(
      await scenario(
        'messages.list (maxResults=100, paging)',
        (i) => `${base}/messages${pageTokens[i % pageTokens.length] ? `?pageToken=${pageTokens[i % pageTokens.length]}` : ''}`,
        headers,
      ),
    );
    results.push(
      await scenario(
        'messages.get (format=metadata)',
        (i) => `${base}/messages/${ids[(i * 7919) % ids.length]}?format=metadata&metadataHeaders=From&metadataHeaders=Subject&metadataHeaders=Date`,
        headers,
      ),
    );
    results.push(await scenario('messages.list (q=quarterly report)', () => `${base}/messages?q=${encodeURIComponent('quarterly report')}`, headers));
    process.stdout.write(
      JSON.stringify(
        {
          bench: 'emulator-load',
          node: process.version,
          messagesLoaded: ids.length,
          emulator: IN_PROCESS ? 'in-process' : 'child process (CLI)',
          startupMs,
          keepAlive: true,
          results,
        },
        null,
        2,
      ) + '\n',
    );
  } finally {
    agent.destroy();
    await target.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
