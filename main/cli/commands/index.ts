import type { CliCommand } from '../command';
import type { MainMessageKey } from '../../i18n/en';
import { t } from '../../i18n/translate';

/**
 * A command whose code is imported only when it runs: `--help` and `search` then never load
 * what other commands need (googleapis, google-auth-library, the keyring). The CLI bundle is
 * code-split (scripts/build.mjs), so each import is a separate chunk.
 */
function lazyCommand(name: string, summary: MainMessageKey, usage: MainMessageKey, load: () => Promise<CliCommand>): CliCommand {
  return {
    name,
    get summary() {
      return t(summary);
    },
    get usage() {
      return t(usage);
    },
    run: async (argv, io) => (await load()).run(argv, io),
  };
}

/** Every sub-command. A new one goes in its own file here and in this list. */
export const COMMANDS: readonly CliCommand[] = [
  lazyCommand('sign-in', 'cli.signIn.summary', 'cli.signIn.usage', async () => (await import('./sign-in')).signInCommand),
  lazyCommand('accounts', 'cli.accounts.summary', 'cli.accounts.usage', async () => (await import('./accounts')).accountsCommand),
  lazyCommand('sign-out', 'cli.signOut.summary', 'cli.signOut.usage', async () => (await import('./sign-out')).signOutCommand),
  lazyCommand('sync', 'cli.sync.summary', 'cli.sync.usage', async () => (await import('./sync')).syncCommand),
  lazyCommand('search', 'cli.search.summary', 'cli.search.usage', async () => (await import('./search')).searchCommand),
  lazyCommand('stats', 'cli.stats.summary', 'cli.stats.usage', async () => (await import('./stats')).statsCommand),
];
