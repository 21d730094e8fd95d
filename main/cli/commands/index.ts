import type { CliCommand, CommandRunner } from '../command';
import type { MainMessageKey } from '../../i18n/en';
import { t } from '../../i18n/translate';

/** A command's catalog key: `cli.<key>.summary` and `cli.<key>.usage` (its name is the key in kebab case). */
type KeyOf<K> = K extends `cli.${infer C}.summary` ? (`cli.${C}.usage` extends MainMessageKey ? C : never) : never;
type CommandKey = KeyOf<MainMessageKey>;

/**
 * A command whose code is imported only when it runs: `--help` and `search` then never load
 * what other commands need (googleapis, google-auth-library, the keyring). The CLI bundle is
 * code-split (scripts/build.mjs), so each import is a separate chunk.
 */
function lazyCommand(key: CommandKey, load: () => Promise<CommandRunner>): CliCommand {
  return {
    name: key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    get summary() {
      return t(`cli.${key}.summary`);
    },
    get usage() {
      return t(`cli.${key}.usage`);
    },
    run: async (argv, io) => (await load()).run(argv, io),
  };
}

/** Every sub-command. A new one goes in its own file here and in this list. */
export const COMMANDS: readonly CliCommand[] = [
  lazyCommand('signIn', async () => (await import('./sign-in')).signInCommand),
  lazyCommand('accounts', async () => (await import('./accounts')).accountsCommand),
  lazyCommand('signOut', async () => (await import('./sign-out')).signOutCommand),
  lazyCommand('sync', async () => (await import('./sync')).syncCommand),
  lazyCommand('search', async () => (await import('./search')).searchCommand),
  lazyCommand('stats', async () => (await import('./stats')).statsCommand),
];
