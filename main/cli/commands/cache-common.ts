/** What the cache commands (sync, search, stats) share: picking the account and opening its cache. */
import type { Account } from '../../auth/account-types';
import { line, type CliIO } from '../command';
import type { CliContext } from '../context';
import { t } from '../../i18n/translate';

/** The account named by EMAIL, else the active one, else the only one; null (after a message) when none fits. */
export function pickAccount(ctx: CliContext, io: CliIO, email: string | undefined): Account | null {
  if (email) {
    const account = ctx.accounts.findByEmail(email);
    if (!account) line(io.stderr, t('cli.noSuchAccount', { email, dataDir: ctx.dataDir }));
    return account ?? null;
  }
  const list = ctx.accounts.list();
  const active = ctx.accounts.getActive() ?? (list.length === 1 ? list[0] : undefined);
  if (!active) {
    line(io.stderr, list.length === 0
      ? t('cli.noAccountsHint')
      : t('cli.severalAccounts', { emails: list.map((a) => a.email).join(', ') }));
  }
  return active ?? null;
}

/** "12.3 s", "4 min 05 s": for ETAs. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return t('cli.seconds', { seconds: seconds.toFixed(seconds < 10 ? 1 : 0) });
  return t('cli.minutesSeconds', { minutes: Math.floor(seconds / 60), seconds: String(Math.round(seconds % 60)).padStart(2, '0') });
}
