/** What the cache commands (sync, search, stats) share: picking the account and opening its cache. */
import type { AccountDirectory } from '../account-directory';
import { line, type CliIO } from '../command';
import { t } from '../../i18n/translate';

/** The account named by EMAIL, else the active one, else the only one; null (after a message) when none fits. */
export function pickAccount<A extends { id: string; email: string }>(
  accounts: AccountDirectory<A>,
  dataDir: string,
  io: CliIO,
  email: string | undefined,
): A | null {
  if (email) {
    const account = accounts.findByEmail(email);
    if (!account) line(io.stderr, t('cli.noSuchAccount', { email, dataDir }));
    return account ?? null;
  }
  const list = accounts.list();
  const active = accounts.getActive() ?? (list.length === 1 ? list[0] : undefined);
  if (!active) {
    line(io.stderr, list.length === 0 ? t('cli.noAccountsHint') : t('cli.severalAccounts', { emails: list.map((a) => a.email).join(', ') }));
  }
  return active ?? null;
}

/** "12.3 s", "4 min 05 s": for ETAs. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return t('cli.seconds', { seconds: seconds.toFixed(seconds < 10 ? 1 : 0) });
  return t('cli.minutesSeconds', { minutes: Math.floor(seconds / 60), seconds: String(Math.round(seconds % 60)).padStart(2, '0') });
}
