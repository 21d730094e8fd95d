import { avatarHue } from '../lib/format';
import { useT } from '../i18n/useLocale';

/** A small dot with the address's first letter, in the account's colour (the same hue as its avatar). */
export function AccountMarker({ email, name }: { readonly email: string; readonly name: string }) {
  const t = useT();
  return (
    <span
      className="account-marker"
      role="img"
      aria-label={t('list.inAccount', { email })}
      data-testid="account-marker"
      style={{ ['--avatar-hue' as string]: String(avatarHue(email || name)) }}
    >
      {(email || name).charAt(0).toUpperCase()}
    </span>
  );
}
