import { parse, requireString } from '../args';
import { EXIT, UsageError, line, type CommandRunner } from '../command';
import { clientFileOptions, withCliContext } from '../context';
import { t } from '../../i18n/translate';

export const signOutCommand: CommandRunner = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, { 'data-dir': { type: 'string' }, client: { type: 'string' }, server: { type: 'string' } }, true);
    const dataDir = requireString(values['data-dir'], '--data-dir');
    if (positionals.length !== 1) throw new UsageError(t('cli.signOut.oneAddress'));
    const email = positionals[0] ?? '';
    return withCliContext(
      {
        dataDir,
        ...clientFileOptions(values),
        env: io.env,
        requireClient: false,
      },
      async (ctx) => {
        const account = ctx.accounts.findByEmail(email);
        if (!account) {
          line(io.stderr, t('cli.noSuchAccount', { email, dataDir: ctx.dataDir }));
          return EXIT.notFound;
        }
        const { revoke } = await ctx.accounts.signOut(account.id);
        const howKeys = {
          revoked: 'cli.signOut.revoked',
          offline: 'cli.signOut.offline',
          failed: 'cli.signOut.failed',
          no_token: 'cli.signOut.noToken',
        } as const;
        const howKey = howKeys[revoke];
        const how = t(howKey);
        line(io.stdout, t('cli.signOut.done', { email: account.email, how }));
        return EXIT.ok;
      },
    );
  },
};
