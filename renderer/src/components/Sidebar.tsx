import { useMemo, type ComponentType, type ReactNode } from 'react';
import type { AccountView } from '../../../common/ipc';
import type { LabelSummary, MailSelector } from '../../../common/mail-types';
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
import { AccountSwitcher } from './AccountSwitcher';
import {
  ArchiveIcon,
  ChevronIcon,
  DraftIcon,
  ForumIcon,
  ImportantIcon,
  InboxIcon,
  InfoIcon,
  LabelIcon,
  PeopleIcon,
  PersonIcon,
  SendIcon,
  SpamIcon,
  StarIcon,
  TagIcon,
  TrashIcon,
} from './icons';
import { useFormat, useT } from '../i18n/useLocale';
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

interface SidebarProps {
  readonly accounts: readonly AccountView[];
  readonly active: AccountView | null;
  readonly labels: readonly LabelSummary[];
  readonly selector: MailSelector;
  /** The list shows a search or the unified inbox, not one of these mailboxes: none is marked current. */
  readonly elsewhere: boolean;
  /** The unified inbox's entries, above this account's mailboxes (two accounts or more). */
  readonly inboxes?: ReactNode;
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
  const { labels, selector, elsewhere, onSelect } = props;
  const t = useT();
  const format = useFormat();
  const [collapsed, setCollapsed] = usePreference<string[]>('collapsedLabels', []);
  const [categoriesOpen, setCategoriesOpen] = usePreference<boolean>('categoriesOpen', true);
  const tree = useMemo(() => buildLabelTree(labels), [labels]);
  const collapsedSet = useMemo(() => new Set(collapsed), [collapsed]);
  const rows = useMemo(() => visibleLabelRows(tree, collapsedSet), [tree, collapsedSet]);
  const known = new Set(labels.map((l) => l.id));
  const categories = CATEGORY_MAILBOXES.filter((c) => labels.length === 0 || known.has(c.key));

  const toggle = (path: string) => setCollapsed((prev) => (prev.includes(path) ? prev.filter((p) => p !== path) : [...prev, path]));

  const mailboxItem = (mailbox: Mailbox) => {
    const Icon = ICONS[mailbox.icon];
    const current = !elsewhere && sameSelector(selector, mailbox.selector);
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
          <span className="nav-item__name">{t(mailbox.nameKey)}</span>
          {count > 0 ? (
            <span
              className="nav-item__count"
              aria-label={t(mailbox.count === 'total' ? 'sidebar.countTotal' : 'sidebar.countUnread', { count: format.count(count) })}
            >
              {format.count(count)}
            </span>
          ) : null}
        </button>
      </li>
    );
  };

  return (
    <nav className="sidebar" aria-label={t('region.accountsAndLabels')}>
      <AccountSwitcher {...props} />
      {props.inboxes}
      <ul className="nav-list" aria-label={t('sidebar.mailboxes')}>
        {SYSTEM_MAILBOXES.map(mailboxItem)}
      </ul>
      {categories.length > 0 ? (
        <div className="nav-section">
          <button type="button" className="nav-section__title" aria-expanded={categoriesOpen} onClick={() => setCategoriesOpen(!categoriesOpen)}>
            <ChevronIcon size={12} className={`chevron ${categoriesOpen ? 'chevron--open' : ''}`} />
            {t('sidebar.categories')}
          </button>
          {categoriesOpen ? (
            <ul className="nav-list" aria-label={t('sidebar.categories')}>
              {categories.map(mailboxItem)}
            </ul>
          ) : null}
        </div>
      ) : null}
      {tree.length > 0 ? (
        <div className="nav-section">
          <div className="nav-section__title nav-section__title--static">{t('sidebar.labels')}</div>
          <ul className="nav-list" role="tree" aria-label={t('sidebar.labels')}>
            {rows.map((node) => {
              const nodeSelector = labelNodeSelector(node);
              const current = !elsewhere && sameSelector(selector, nodeSelector);
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
                      aria-label={t(open ? 'sidebar.collapseLabel' : 'sidebar.expandLabel', { name: node.name })}
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
                    {unread > 0 ? <span className="nav-item__count">{format.count(unread)}</span> : null}
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
