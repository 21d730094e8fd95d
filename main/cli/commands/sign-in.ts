import { ClientConfigError } from '../../auth/client-config';
import { SignInError } from '../../auth/sign-in-errors';
import { optionalPositiveNumber, parse, requireString } from '../args';
import { EXIT, UsageError, line, type CommandRunner } from '../command';
import { clientFileOptions, openCliContext } from '../context';
import { t } from '../../i18n/translate';

export const signInCommand: CommandRunner = {
  async run(argv, io) {
    const { values } = parse(argv, {
      'data-dir': { type: 'string' },
      client: { type: 'string' },
      server: { type: 'string' },
      timeout: { type: 'string' },
      port: { type: 'string' },
    });
    const dataDir = requireString(values['data-dir'], '--data-dir');
    if (values.client && values.server) throw new UsageError(t('cli.signIn.clientOrServer'));
    const timeout = optionalPositiveNumber(values.timeout, '--timeout');
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new UsageError(t('cli.signIn.port'));

    let ctx;
    try {
      ctx = await openCliContext({
        dataDir,
        ...clientFileOptions(values),
        env: io.env,
        requireClient: true,
        openExternal: (url) => {
          line(io.stderr, t('cli.signIn.openBrowser'));
          line(io.stdout, url);
          line(io.stderr, t('cli.signIn.waiting', { seconds: Math.round(timeout ?? 300) }));
        },
        ...(timeout !== undefined ? { signInTimeoutMs: timeout * 1000 } : {}),
        ...(port !== undefined ? { signInPort: port } : {}),
      });
    } catch (e) {
      if (e instanceof ClientConfigError) {
        line(io.stderr, e.message);
        return EXIT.usage;
      }
      throw e;
    }
    if (ctx.vault.storageMode === 'memory_only') {
      line(io.stderr, t('cli.signIn.noKeychain'));
    }
    try {
      const account = await ctx.accounts.signIn({ signal: io.signal });
      line(io.stdout, t('cli.signIn.done', { email: account.email }));
      if (ctx.vault.storageMode === 'encrypted') line(io.stderr, t('cli.signIn.stored', { cipher: String(ctx.vault.cipherId), dataDir: ctx.dataDir }));
      return EXIT.ok;
    } catch (e) {
      if (e instanceof SignInError) {
        line(io.stderr, t('cli.signIn.failed', { code: e.code, message: e.message }));
        if (e.code === 'cancelled') return EXIT.interrupted;
        return e.code === 'network' || e.code === 'port_unavailable' || e.code === 'internal' ? EXIT.error : EXIT.auth;
      }
      throw e;
    } finally {
      ctx.accounts.dispose();
    }
  },
};
