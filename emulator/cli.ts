/**
 * npm run emulator -- [--port 0] [--mail PATH ...] [--account EMAIL [--mail PATH ...]] ...
 *   [--quota-profile off|legacy|2026] [--quota UNITS_PER_SECOND] [--quota-per-minute UNITS]
 *   [--quota-refusal-status 429|403] [--api-disabled] [--max-concurrent N] [--latency MS] [--error-rate 0..1] [--token-ttl SECONDS] [--log]
 *
 * Prints ONE JSON line (baseUrl, authUri, tokenUri, revokeUri, userinfoUri, gmailRootUrl,
 * clientId, clientSecret, accounts, ...) and runs until SIGINT/SIGTERM.
 * Several accounts: each --account starts a new one; --mail after it belongs to it
 * (--mail before the first --account belongs to the first account).
 */
import { startEmulator, type AccountOptions, type StartEmulatorOptions } from './index';

function usage(msg?: string): never {
  if (msg) process.stderr.write(`emulator: ${msg}\n`);
  process.stderr.write(
    'usage: npm run emulator -- [--port N] [--mail PATH ...] [--account EMAIL [--mail PATH ...]]... ' +
      '[--name NAME] [--quota-profile off|legacy|2026] [--quota UNITS_PER_SEC] [--quota-per-minute UNITS] [--quota-refusal-status 429|403] ' +
      '[--api-disabled] [--max-concurrent N] [--latency MS] [--error-rate R] [--drop-rate R] ' +
      '[--token-ttl SECONDS] [--client-id ID --client-secret SECRET] [--log]\n',
  );
  process.exit(2);
}

/** The flags that set one number of the quota or the fault options. */
const QUOTA_NUMBERS = new Map<string, 'unitsPerSecond' | 'unitsPerMinute' | 'maxConcurrent'>([
  ['--quota', 'unitsPerSecond'],
  ['--quota-per-minute', 'unitsPerMinute'],
  ['--max-concurrent', 'maxConcurrent'],
]);
const FAULT_NUMBERS = new Map<string, 'latencyMs' | 'errorRate' | 'dropRate'>([
  ['--latency', 'latencyMs'],
  ['--error-rate', 'errorRate'],
  ['--drop-rate', 'dropRate'],
]);

export function parseArgs(argv: string[]): StartEmulatorOptions {
  const opts: StartEmulatorOptions = {};
  const accounts: AccountOptions[] = [];
  const loose: string[] = [];
  const number = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n)) usage(`${flag} needs a number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const [flag, inline] = raw.startsWith('--') && raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    const quotaField = QUOTA_NUMBERS.get(flag);
    const faultField = FAULT_NUMBERS.get(flag);
    if (quotaField) {
      opts.quota = { ...opts.quota, [quotaField]: number(flag, value()) };
      continue;
    }
    if (faultField) {
      opts.faults = { ...opts.faults, [faultField]: number(flag, value()) };
      continue;
    }
    switch (flag) {
      case '--port':
        opts.port = number(flag, value());
        break;
      case '--mail': {
        const p = value();
        const cur = accounts[accounts.length - 1];
        if (cur) cur.mail.push(p);
        else loose.push(p);
        break;
      }
      case '--account':
        accounts.push({ email: value(), mail: [] });
        break;
      case '--name': {
        const cur = accounts[accounts.length - 1];
        if (!cur) usage('--name goes after --account');
        cur.name = value();
        break;
      }
      case '--quota-profile': {
        const profile = value();
        if (profile !== 'off' && profile !== 'legacy' && profile !== '2026') usage('--quota-profile is off, legacy or 2026');
        opts.quota = { ...opts.quota, profile };
        break;
      }
      case '--quota-refusal-status': {
        const status = number(flag, value());
        if (status !== 429 && status !== 403) usage('--quota-refusal-status is 429 or 403');
        opts.quota = { ...opts.quota, refusalStatus: status };
        break;
      }
      case '--api-disabled':
        opts.quota = { ...opts.quota, apiDisabled: true };
        break;
      case '--token-ttl':
        opts.accessTokenTtlSeconds = number(flag, value());
        break;
      case '--client-id':
        opts.clientId = value();
        break;
      case '--client-secret':
        opts.clientSecret = value();
        break;
      case '--log':
        opts.log = (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
        break;
      case '--help':
      case '-h':
        usage();
        break;
      default:
        usage(`unknown argument: ${raw}`);
    }
  }
  if (accounts.length === 1 && loose.length) accounts[0]!.mail.unshift(...loose);
  else if (accounts.length > 1 && loose.length) accounts[0]!.mail.unshift(...loose);
  if (accounts.length === 1 && accounts[0]!.mail.length === 0 && !loose.length) {
    opts.account = accounts[0]!.email; // one account, no mail given: the demo mailbox under that address
    if (accounts[0]!.name) opts.accounts = accounts;
  } else if (accounts.length) {
    opts.accounts = accounts;
  } else if (loose.length) {
    opts.mail = loose;
  }
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  opts.onWarning = (m) => process.stderr.write(`emulator: warning: ${m}\n`);
  const emu = await startEmulator(opts);
  process.stdout.write(JSON.stringify(emu.info) + '\n');
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const invokedDirectly = process.argv[1] !== undefined && /emulator[\\/]cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (invokedDirectly) {
  main().catch((e: unknown) => {
    process.stderr.write(`emulator: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
