// Skimmer's headless CLI: `npm run cli -- <command> [options]` (the built bundle out/cli/cli.mjs on plain node).
import { pathToFileURL } from 'node:url';
import { EXIT, UsageError, line, type CliCommand, type CliIO } from './command';
import { COMMANDS } from './commands/index';
import { log } from '../logging/log';
import { localeFromPosixEnv } from '../../common/i18n/locale';
import { setMainLocale, t } from '../i18n/translate';

export function usage(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    t('cli.usage.title'),
    '',
    t('cli.usage.commands'),
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  ${t('cli.usage.help')}`,
    '',
    t('cli.usage.exitCodes'),
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  // The language a person's terminal asks for; JSON output is the same in every language.
  setMainLocale(localeFromPosixEnv(io.env));
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
    line(io.stderr, `${t('cli.unknownCommand', { name })}\n`);
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
    line(io.stderr, t('cli.error', { message: e instanceof Error ? e.message : String(e) }));
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
  // `skimmer search … | head`: the reader left, which is not a failure worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
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
