import { parse, requireString } from '../args';
import { EXIT, line, type CliCommand } from '../command';
import { openCliContext } from '../context';

export const accountsCommand: CliCommand = {
  name: 'accounts',
  summary: 'List the accounts stored under the data dir and their state.',
  usage: `Usage: npm run cli -- accounts --data-dir DIR [--json]

Prints one line per account: a "*" for the active one, the address, its state
(signed_in, needs_reauth, signed_out) and the name, separated by tabs. --json prints an array.`,
  async run(argv, io) {
    const { values } = parse(argv, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
    const dataDir = requireString(values['data-dir'], '--data-dir');
    const ctx = await openCliContext({ dataDir, env: io.env, requireClient: false });
    try {
      const list = ctx.accounts.list();
      const active = ctx.accounts.activeAccountId;
      if (values.json) {
        line(io.stdout, JSON.stringify(list.map((a) => ({ ...a, active: a.id === active })), null, 2));
        return EXIT.ok;
      }
      if (list.length === 0) {
        line(io.stderr, 'No accounts. Add one with: npm run cli -- sign-in --data-dir DIR --client FILE');
        return EXIT.ok;
      }
      for (const a of list) line(io.stdout, [a.id === active ? '*' : ' ', a.email, a.state, a.name].join('\t'));
      if (ctx.vault.storageMode === 'memory_only') line(io.stderr, 'Note: the OS keychain is not reachable, so stored tokens cannot be opened.');
      return EXIT.ok;
    } finally {
      ctx.accounts.dispose();
    }
  },
};
