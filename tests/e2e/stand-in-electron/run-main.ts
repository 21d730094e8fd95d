// Runs a built main.js in a child Node process with `electron` resolved to the stand-in,
// and returns what it recorded.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RecordedCall {
  readonly name: string;
  // Loosely typed on purpose: whatever main passed.
  readonly args: any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Whether `ready` had fired when the call was made. */
  readonly ready: boolean;
}
export interface ServedResponse {
  readonly url: string;
  readonly status: number | null;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}
export interface MainRun {
  readonly exitCode: number | null;
  readonly calls: RecordedCall[];
  readonly served: ServedResponse[];
  readonly stderr: string;
  readonly userData: string;
  named(name: string): RecordedCall[];
  indexOf(name: string): number;
}

const register = path.join(path.dirname(fileURLToPath(import.meta.url)), 'register.mjs');

export async function runMain(
  mainJs: string,
  options: { userData?: string; env?: NodeJS.ProcessEnv; packaged?: boolean; resourcesPath?: string; locked?: boolean; timeoutMs?: number } = {},
): Promise<MainRun> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'skimmer-standin-'));
  const userData = options.userData ?? path.join(scratch, 'userData');
  const log = path.join(scratch, 'log.json');
  const child = spawn(process.execPath, ['--import', register, mainJs], {
    cwd: path.dirname(mainJs),
    env: {
      ...process.env,
      ...options.env,
      SKIMMER_STANDIN_LOG: log,
      SKIMMER_STANDIN_USERDATA: userData,
      SKIMMER_STANDIN_PACKAGED: options.packaged ? '1' : '0',
      SKIMMER_STANDIN_LOCKED: options.locked ? '1' : '0',
      SKIMMER_STANDIN_RESOURCES: options.resourcesPath ?? '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, options.timeoutMs ?? 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  let recorded: { calls: RecordedCall[]; served: ServedResponse[] } = { calls: [], served: [] };
  try {
    recorded = JSON.parse(await readFile(log, 'utf8')) as typeof recorded;
  } catch {
    // The process died before it quit or exited through Electron: no log, which the test reports.
  }
  if (!options.userData) await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  const { calls, served } = recorded;
  return {
    exitCode,
    calls,
    served,
    stderr,
    userData,
    named: (name) => calls.filter((c) => c.name === name),
    indexOf: (name) => calls.findIndex((c) => c.name === name),
  };
}
