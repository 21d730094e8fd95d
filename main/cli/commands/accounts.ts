import { parse, requireString } from '../args';
import { EXIT, line, type CommandRunner } from '../command';
import { withCliContext } from '../context';
import { t } from '../../i18n/translate';

export const accountsCommand: CommandRunner = {
  async run(argv, io) {
    const { values } = parse(argv, { 'data-dir': { type: 'string' }, json: { type: 'boolean' } });
    const dataDir = requireString(values['data-dir'], '--data-dir');
    return withCliContext({ dataDir, env: io.env, requireClient: false }, async (ctx) => {
      const list = ctx.accounts.list();
      const active = ctx.accounts.activeAccountId;
      if (values.json) {
        line(
          io.stdout,
          JSON.stringify(
            list.map((a) => ({ ...a, active: a.id === active })),
            null,
            2,
          ),
        );
        return EXIT.ok;
      }
      if (list.length === 0) {
        line(io.stderr, t('cli.noAccountsHint'));
        return EXIT.ok;
      }
      for (const a of list) line(io.stdout, [a.id === active ? '*' : ' ', a.email, a.state, a.name].join('\t'));
      if (ctx.vault.storageMode === 'memory_only') line(io.stderr, t('cli.accounts.noKeychain'));
      return EXIT.ok;
    });
  },
};
