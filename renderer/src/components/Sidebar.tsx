import { UserPlusIcon } from './icons';

interface SidebarProps {
  readonly onAddAccount: () => void;
}

/** Accounts and labels. With no account yet it offers the one useful action. */
export function Sidebar({ onAddAccount }: SidebarProps) {
  return (
    <nav className="sidebar" aria-label="Accounts and labels">
      <div className="sidebar__section-title">Accounts</div>
      <p className="sidebar__hint">No account yet. Your mail stays on this computer; Skimmer only reads it.</p>
      <button type="button" className="button button--ghost sidebar__add" onClick={onAddAccount}>
        <UserPlusIcon size={16} />
        Add account
      </button>
    </nav>
  );
}
