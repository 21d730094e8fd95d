import type { Writable } from 'node:stream';

/** Exit codes shared by every command. */
export const EXIT = Object.freeze({
  ok: 0,
  /** Something failed (network, storage, unexpected). */
  error: 1,
  /** Bad command line. */
  usage: 2,
  /** Sign-in failed or the account needs signing in (denied, timed out, needs re-auth...). */
  auth: 3,
  /** Not found (e.g. no such account). */
  notFound: 4,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
});

export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

/**
 * One sub-command. Add a new one as a file in main/cli/commands/ exporting a CliCommand,
 * and list it in main/cli/commands/index.ts.
 */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text, shown by `cli help NAME` and on usage errors. */
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** What a command's own file exports: its name and help live once, in the command list (commands/index.ts). */
export type CommandRunner = Pick<CliCommand, 'run'>;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function line(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
