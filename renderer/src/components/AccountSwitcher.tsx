import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AccountState, AccountView } from '../../../common/ipc';
import { Avatar } from './Avatar';
import { CheckIcon, MoreIcon, SignOutIcon, UserPlusIcon } from './icons';
import { useT } from '../i18n/useLocale';
import type { MessageKey } from '../i18n/translate';

const STATE_LABEL: Record<AccountState, MessageKey> = {
  signed_in: 'account.state.signed_in',
  refreshing: 'account.state.refreshing',
  needs_reauth: 'account.state.needs_reauth',
  signed_out: 'account.state.signed_out',
};

interface AccountSwitcherProps {
  readonly accounts: readonly AccountView[];
  readonly active: AccountView | null;
  readonly onSwitchAccount: (id: string) => void;
  readonly onAddAccount: () => void;
  readonly onSignOut: (id: string) => void;
  readonly onReauth: (id: string) => void;
}

/** The account at the top of the sidebar, with a menu to switch, add, sign in again or sign out. */
export function AccountSwitcher({ accounts, active, onSwitchAccount, onAddAccount, onSignOut, onReauth }: AccountSwitcherProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  /** A menu action closes the menu first. */
  const closeThen = (action: () => void) => {
    setOpen(false);
    action();
  };
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  if (!active) return null;
  const onMenuKey = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next = items[(index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length];
    next?.focus();
  };

  return (
    <div className="account">
      <button
        ref={buttonRef}
        type="button"
        className="account__current"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="account-button"
      >
        <Avatar name={active.name} email={active.email} initials={active.initials} size={30} />
        <span className="account__text">
          <span className="account__name truncate">{active.name || active.email}</span>
          <span className="account__email truncate">{active.email}</span>
        </span>
        {active.state !== 'signed_in' ? (
          <span className={`badge badge--${active.state}`} data-testid="account-state">
            {t(STATE_LABEL[active.state])}
          </span>
        ) : null}
        <MoreIcon size={16} className="account__more" />
      </button>
      {open ? (
        <div ref={menuRef} className="menu popover" role="menu" aria-label={t('region.accounts')} onKeyDown={onMenuKey}>
          {accounts.map((account) => (
            <button
              key={account.id}
              type="button"
              role="menuitem"
              className="menu__item menu__item--account"
              onClick={() => {
                setOpen(false);
                if (!account.active) onSwitchAccount(account.id);
              }}
            >
              <Avatar name={account.name} email={account.email} initials={account.initials} size={24} />
              <span className="menu__text">
                <span title={account.email}>{account.email}</span>
                <span className={`menu__state menu__state--${account.state}`}>{t(STATE_LABEL[account.state])}</span>
              </span>
              {account.active ? <CheckIcon size={15} className="menu__check" /> : null}
            </button>
          ))}
          <div className="menu__separator" role="separator" />
          {active.state === 'needs_reauth' ? (
            <MenuAction icon={<UserPlusIcon size={16} />} label={t('app.signInAgain')} onSelect={() => closeThen(() => onReauth(active.id))} />
          ) : null}
          <MenuAction icon={<UserPlusIcon size={16} />} label={t('sidebar.addAccount')} onSelect={() => closeThen(onAddAccount)} />
          <MenuAction icon={<SignOutIcon size={16} />} label={t('sidebar.signOut')} danger onSelect={() => closeThen(() => onSignOut(active.id))} />
        </div>
      ) : null}
    </div>
  );
}

/** One action at the foot of the account menu. */
function MenuAction({ icon, label, danger, onSelect }: { icon: ReactNode; label: string; danger?: boolean; onSelect: () => void }) {
  return (
    <button type="button" role="menuitem" className={danger ? 'menu__item menu__item--danger' : 'menu__item'} onClick={onSelect}>
      {icon} {label}
    </button>
  );
}
