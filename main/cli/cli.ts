// Skimmer's headless CLI: `npm run cli -- <command> [options]` (tsx main/cli/cli.ts).
import { pathToFileURL } from 'node:url';
import { EXIT, UsageError, line, type CliCommand, type CliIO } from './command';
import { COMMANDS } from './commands/index';
import { log } from '../logging/log';

export function usage(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  Show help for a command: help <command>`,
    '',
    'Exit codes: 0 ok, 1 error, 2 usage, 3 sign-in/auth failure, 4 not found, 130 interrupted.',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    line(name ? io.stdout : io.stderr, usage(commands));
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === 'help') {
    const c = commands.find((x) => x.name === rest[0]);
    line(io.stdout, c ? c.usage : usage(commands));
    return rest[0] && !c ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    line(io.stderr, `Unknown command "${name}".\n`);
    line(io.stderr, usage(commands));
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    line(io.stdout, command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      line(io.stderr, `${e.message}\n`);
      line(io.stderr, command.usage);
      return EXIT.usage;
    }
    log.error('cli', `${name} failed`, e);
    // Only the message: error objects from HTTP clients can carry request bodies (tokens).
    line(io.stderr, `Error: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.error;
  }
}

async function main(): Promise<void> {
  const controller = new AbortController();
  let interrupted = 0;
  const onSignal = () => {
    interrupted += 1;
    if (interrupted > 1) process.exit(EXIT.interrupted);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signal: controller.signal,
  });
  process.exitCode = code;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void main();
}
