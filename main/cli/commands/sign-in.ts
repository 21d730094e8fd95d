import { ClientConfigError } from '../../auth/client-config';
import { SignInError } from '../../auth/sign-in-errors';
import { optionalPositiveNumber, parse, requireString } from '../args';
import { EXIT, UsageError, line, type CliCommand } from '../command';
import { openCliContext } from '../context';

export const signInCommand: CliCommand = {
  name: 'sign-in',
  summary: 'Sign in to a Google account through your browser and store its token (encrypted) under the data dir.',
  usage: `Usage: npm run cli -- sign-in --data-dir DIR (--client FILE | --server FILE) [--timeout SECONDS]

  --data-dir DIR    where Skimmer keeps its settings and encrypted tokens
  --client FILE     Google's OAuth client file (client_secret_*.json, a "Desktop app" client)
  --server FILE     the emulator's server description (what \`npm run emulator\` writes)
  --timeout SECONDS give up waiting for the browser after this long (default 300)

Prints the consent address on a line of its own; open it in a browser. Without --client or
--server, SKIMMER_CLIENT_ID/SKIMMER_CLIENT_SECRET or the client used last time are used.`,
  async run(argv, io) {
    const { values } = parse(argv, {
      'data-dir': { type: 'string' },
      client: { type: 'string' },
      server: { type: 'string' },
      timeout: { type: 'string' },
      port: { type: 'string' },
    });
    const dataDir = requireString(values['data-dir'], '--data-dir');
    if (values.client && values.server) throw new UsageError('Pass either --client or --server, not both.');
    const timeout = optionalPositiveNumber(values.timeout, '--timeout');
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new UsageError('--port must be 0..65535.');

    let ctx;
    try {
      ctx = await openCliContext({
        dataDir,
        ...(values.client ? { clientFile: values.client } : {}),
        ...(values.server ? { serverFile: values.server } : {}),
        env: io.env,
        requireClient: true,
        openExternal: (url) => {
          line(io.stderr, 'Open this address in your browser to sign in:');
          line(io.stdout, url);
          line(io.stderr, `Waiting for the browser (up to ${Math.round((timeout ?? 300))} seconds; Ctrl-C to cancel)...`);
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
      line(io.stderr, 'Warning: no OS keychain is reachable, so the token cannot be stored; it would be lost when this command exits.');
    }
    try {
      const account = await ctx.accounts.signIn({ signal: io.signal });
      line(io.stdout, `Signed in as ${account.email}`);
      if (ctx.vault.storageMode === 'encrypted') line(io.stderr, `Token stored encrypted (${ctx.vault.cipherId}) in ${ctx.dataDir}.`);
      return EXIT.ok;
    } catch (e) {
      if (e instanceof SignInError) {
        line(io.stderr, `Sign-in failed (${e.code}): ${e.message}`);
        if (e.code === 'cancelled') return EXIT.interrupted;
        return e.code === 'network' || e.code === 'port_unavailable' || e.code === 'internal' ? EXIT.error : EXIT.auth;
      }
      throw e;
    } finally {
      ctx.accounts.dispose();
    }
  },
};
