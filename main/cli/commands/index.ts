import type { CliCommand } from '../command';
import { accountsCommand } from './accounts';
import { searchCommand } from './search';
import { signInCommand } from './sign-in';
import { signOutCommand } from './sign-out';
import { statsCommand } from './stats';
import { syncCommand } from './sync';

/** Every sub-command. New ones (sync, search, stats) go in their own file here and in this list. */
export const COMMANDS: readonly CliCommand[] = [signInCommand, accountsCommand, signOutCommand, syncCommand, searchCommand, statsCommand];
