import { parse, requireString } from '../args';
import { EXIT, UsageError, line, type CliCommand } from '../command';
import { openCliContext } from '../context';

export const signOutCommand: CliCommand = {
  name: 'sign-out',
  summary: 'Sign an account out: revoke its token at Google and delete it from the data dir.',
  usage: `Usage: npm run cli -- sign-out --data-dir DIR [--client FILE | --server FILE] EMAIL

Revoking is best effort: when Google can't be reached the local token is deleted anyway.
The OAuth client used at sign-in is remembered; --client/--server override it.`,
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { 'data-dir': { type: 'string' }, client: { type: 'string' }, server: { type: 'string' } },
      true,
    );
    const dataDir = requireString(values['data-dir'], '--data-dir');
    if (positionals.length !== 1) throw new UsageError('Give exactly one account address.');
    const email = positionals[0] ?? '';
    const ctx = await openCliContext({
      dataDir,
      ...(values.client ? { clientFile: values.client } : {}),
      ...(values.server ? { serverFile: values.server } : {}),
      env: io.env,
      requireClient: false,
    });
    try {
      const account = ctx.accounts.findByEmail(email);
      if (!account) {
        line(io.stderr, `No account ${email} under ${ctx.dataDir}.`);
        return EXIT.notFound;
      }
      const { revoke } = await ctx.accounts.signOut(account.id);
      const how = {
        revoked: 'access revoked at Google',
        offline: 'Google could not be reached, so access was not revoked there',
        failed: 'Google refused the revocation',
        no_token: 'no token was held',
      }[revoke];
      line(io.stdout, `Signed out ${account.email} (${how}).`);
      return EXIT.ok;
    } finally {
      ctx.accounts.dispose();
    }
  },
};
