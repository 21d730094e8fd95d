import { useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import type { AccountState, AccountView } from '../../../common/ipc';
import type { LabelSummary, MailSelector } from '../../../common/mail-types';
import { formatCount } from '../lib/format';
import {
  buildLabelTree,
  CATEGORY_MAILBOXES,
  labelNodeSelector,
  sameSelector,
  SYSTEM_MAILBOXES,
  visibleLabelRows,
  type Mailbox,
  type MailboxIcon,
} from '../lib/labels';
import { usePreference } from '../state/preferences';
import { Avatar } from './Avatar';
import {
  ArchiveIcon,
  ChevronIcon,
  DraftIcon,
  ForumIcon,
  ImportantIcon,
  InboxIcon,
  InfoIcon,
  LabelIcon,
  MoreIcon,
  PeopleIcon,
  PersonIcon,
  SendIcon,
  SignOutIcon,
  SpamIcon,
  StarIcon,
  TagIcon,
  TrashIcon,
  UserPlusIcon,
  CheckIcon,
} from './icons';
import '../styles/sidebar.css';

const ICONS: Record<MailboxIcon, ComponentType<{ size?: number; className?: string }>> = {
  inbox: InboxIcon,
  star: StarIcon,
  send: SendIcon,
  draft: DraftIcon,
  important: ImportantIcon,
  all: ArchiveIcon,
  spam: SpamIcon,
  trash: TrashIcon,
  person: PersonIcon,
  people: PeopleIcon,
  tag: TagIcon,
  info: InfoIcon,
  forum: ForumIcon,
};

const STATE_LABEL: Record<AccountState, string> = {
  signed_in: 'Signed in',
  refreshing: 'Connecting…',
  needs_reauth: 'Sign in again',
  signed_out: 'Signed out',
};

interface SidebarProps {
  readonly accounts: readonly AccountView[];
  readonly active: AccountView | null;
  readonly labels: readonly LabelSummary[];
  readonly selector: MailSelector;
  readonly searching: boolean;
  readonly onSelect: (selector: MailSelector) => void;
  readonly onSwitchAccount: (id: string) => void;
  readonly onAddAccount: () => void;
  readonly onSignOut: (id: string) => void;
  readonly onReauth: (id: string) => void;
}

function countFor(mailbox: Mailbox, labels: readonly LabelSummary[]): number {
  if (!mailbox.countLabelId || mailbox.count === 'none') return 0;
  const label = labels.find((l) => l.id === mailbox.countLabelId);
  if (!label) return 0;
  return mailbox.count === 'total' ? label.messagesTotal : label.messagesUnread;
}

/** Accounts, mailboxes, categories and the user-label tree. */
export function Sidebar(props: SidebarProps) {
  const { labels, selector, searching, onSelect } = props;
  const [collapsed, setCollapsed] = usePreference<string[]>('collapsedLabels', []);
  const [categoriesOpen, setCategoriesOpen] = usePreference<boolean>('categoriesOpen', true);
  const tree = useMemo(() => buildLabelTree(labels), [labels]);
  const collapsedSet = useMemo(() => new Set(collapsed), [collapsed]);
  const rows = useMemo(() => visibleLabelRows(tree, collapsedSet), [tree, collapsedSet]);
  const known = new Set(labels.map((l) => l.id));
  const categories = CATEGORY_MAILBOXES.filter((c) => labels.length === 0 || known.has(c.key));

  const toggle = (path: string) =>
    setCollapsed((prev) => (prev.includes(path) ? prev.filter((p) => p !== path) : [...prev, path]));

  const mailboxItem = (mailbox: Mailbox) => {
    const Icon = ICONS[mailbox.icon];
    const current = !searching && sameSelector(selector, mailbox.selector);
    const count = countFor(mailbox, labels);
    return (
      <li key={mailbox.key}>
        <button
          type="button"
          className={`nav-item ${current ? 'nav-item--current' : ''} ${count > 0 && mailbox.count === 'unread' ? 'nav-item--unread' : ''}`}
          aria-current={current ? 'page' : undefined}
          onClick={() => onSelect(mailbox.selector)}
          data-mailbox={mailbox.key}
        >
          <Icon size={17} className="nav-item__icon" />
          <span className="nav-item__name">{mailbox.name}</span>
          {count > 0 ? (
            <span className="nav-item__count" aria-label={`${count} ${mailbox.count === 'total' ? 'total' : 'unread'}`}>
              {formatCount(count)}
            </span>
          ) : null}
        </button>
      </li>
    );
  };

  return (
    <nav className="sidebar" aria-label="Accounts and labels">
      <AccountSwitcher {...props} />
      <ul className="nav-list" aria-label="Mailboxes">
        {SYSTEM_MAILBOXES.map(mailboxItem)}
      </ul>
      {categories.length > 0 ? (
        <div className="nav-section">
          <button
            type="button"
            className="nav-section__title"
            aria-expanded={categoriesOpen}
            onClick={() => setCategoriesOpen(!categoriesOpen)}
          >
            <ChevronIcon size={12} className={`chevron ${categoriesOpen ? 'chevron--open' : ''}`} />
            Categories
          </button>
          {categoriesOpen ? (
            <ul className="nav-list" aria-label="Categories">
              {categories.map(mailboxItem)}
            </ul>
          ) : null}
        </div>
      ) : null}
      {tree.length > 0 ? (
        <div className="nav-section">
          <div className="nav-section__title nav-section__title--static">Labels</div>
          <ul className="nav-list" role="tree" aria-label="Labels">
            {rows.map((node) => {
              const nodeSelector = labelNodeSelector(node);
              const current = !searching && sameSelector(selector, nodeSelector);
              const hasChildren = node.children.length > 0;
              const open = hasChildren && !collapsedSet.has(node.path);
              const unread = open ? (node.label?.messagesUnread ?? 0) : node.unreadTotal;
              const color = node.label?.color?.backgroundColor;
              return (
                <li
                  key={node.path}
                  role="treeitem"
                  aria-level={node.depth + 1}
                  aria-expanded={hasChildren ? open : undefined}
                  aria-selected={current}
                  className="label-row"
                  style={{ ['--depth' as string]: String(node.depth) }}
                >
                  {hasChildren ? (
                    <button
                      type="button"
                      className="label-row__toggle"
                      aria-label={`${open ? 'Collapse' : 'Expand'} ${node.name}`}
                      onClick={() => toggle(node.path)}
                    >
                      <ChevronIcon size={12} className={`chevron ${open ? 'chevron--open' : ''}`} />
                    </button>
                  ) : (
                    <span className="label-row__toggle" aria-hidden="true" />
                  )}
                  <button
                    type="button"
                    className={`nav-item nav-item--label ${current ? 'nav-item--current' : ''} ${unread > 0 ? 'nav-item--unread' : ''}`}
                    aria-current={current ? 'page' : undefined}
                    onClick={() => onSelect(nodeSelector)}
                    title={node.path}
                    data-label={node.path}
                  >
                    <LabelIcon size={15} className="nav-item__icon" />
                    {color ? <span className="label-dot" style={{ background: color }} aria-hidden="true" /> : null}
                    <span className="nav-item__name">{node.name}</span>
                    {unread > 0 ? <span className="nav-item__count">{formatCount(unread)}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </nav>
  );
}

function AccountSwitcher({ accounts, active, onSwitchAccount, onAddAccount, onSignOut, onReauth }: SidebarProps) {
  const [open, setOpen] = useState(false);
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
          <span className="account__name">{active.name || active.email}</span>
          <span className="account__email">{active.email}</span>
        </span>
        {active.state !== 'signed_in' ? (
          <span className={`badge badge--${active.state}`} data-testid="account-state">
            {STATE_LABEL[active.state]}
          </span>
        ) : null}
        <MoreIcon size={16} className="account__more" />
      </button>
      {open ? (
        <div ref={menuRef} className="menu" role="menu" aria-label="Accounts" onKeyDown={onMenuKey}>
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
                <span className={`menu__state menu__state--${account.state}`}>{STATE_LABEL[account.state]}</span>
              </span>
              {account.active ? <CheckIcon size={15} className="menu__check" /> : null}
            </button>
          ))}
          <div className="menu__separator" role="separator" />
          {active.state === 'needs_reauth' ? (
            <button type="button" role="menuitem" className="menu__item" onClick={() => { setOpen(false); onReauth(active.id); }}>
              <UserPlusIcon size={16} /> Sign in again
            </button>
          ) : null}
          <button type="button" role="menuitem" className="menu__item" onClick={() => { setOpen(false); onAddAccount(); }}>
            <UserPlusIcon size={16} /> Add another account
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu__item menu__item--danger"
            onClick={() => {
              setOpen(false);
              onSignOut(active.id);
            }}
          >
            <SignOutIcon size={16} /> Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
