import type { CliCommand } from '../command';
import { accountsCommand } from './accounts';
import { signInCommand } from './sign-in';
import { signOutCommand } from './sign-out';

/** Every sub-command. New ones (sync, search, stats) go in their own file here and in this list. */
export const COMMANDS: readonly CliCommand[] = [signInCommand, accountsCommand, signOutCommand];
