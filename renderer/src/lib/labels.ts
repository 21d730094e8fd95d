/** Mailboxes (system labels, categories) and the user-label tree. Pure. */
import type { LabelSummary, MailSelector } from '../../../common/mail-types';
import type { MessageKey, Translate } from '../i18n/translate';

export type MailboxIcon =
  | 'inbox'
  | 'star'
  | 'send'
  | 'draft'
  | 'important'
  | 'all'
  | 'spam'
  | 'trash'
  | 'person'
  | 'people'
  | 'tag'
  | 'info'
  | 'forum';

export interface Mailbox {
  /** Stable key used in the UI (and for `g i`). */
  readonly key: string;
  /** The catalog key of its name (Gmail's own name in each language). */
  readonly nameKey: MessageKey;
  readonly icon: MailboxIcon;
  readonly selector: MailSelector;
  /** The label whose unread count is shown, if any. */
  readonly countLabelId: string | null;
  /** Show the unread count (Inbox, categories, Spam, user labels) or a total (Drafts). */
  readonly count: 'unread' | 'total' | 'none';
}

/**
 * All Mail is a query rather than a label: Gmail has no ALL label, and an empty query
 * over the API (no labelIds, no q) is exactly "everything but Spam and Trash".
 */
export const ALL_MAIL_QUERY = '';

export const SYSTEM_MAILBOXES: readonly Mailbox[] = [
  { key: 'INBOX', nameKey: 'mailbox.INBOX', icon: 'inbox', selector: { kind: 'label', labelId: 'INBOX' }, countLabelId: 'INBOX', count: 'unread' },
  { key: 'STARRED', nameKey: 'mailbox.STARRED', icon: 'star', selector: { kind: 'label', labelId: 'STARRED' }, countLabelId: 'STARRED', count: 'none' },
  { key: 'IMPORTANT', nameKey: 'mailbox.IMPORTANT', icon: 'important', selector: { kind: 'label', labelId: 'IMPORTANT' }, countLabelId: 'IMPORTANT', count: 'none' },
  { key: 'SENT', nameKey: 'mailbox.SENT', icon: 'send', selector: { kind: 'label', labelId: 'SENT' }, countLabelId: 'SENT', count: 'none' },
  { key: 'DRAFT', nameKey: 'mailbox.DRAFT', icon: 'draft', selector: { kind: 'label', labelId: 'DRAFT' }, countLabelId: 'DRAFT', count: 'total' },
  { key: 'ALL', nameKey: 'mailbox.ALL', icon: 'all', selector: { kind: 'query', query: ALL_MAIL_QUERY }, countLabelId: null, count: 'none' },
  { key: 'SPAM', nameKey: 'mailbox.SPAM', icon: 'spam', selector: { kind: 'label', labelId: 'SPAM' }, countLabelId: 'SPAM', count: 'unread' },
  { key: 'TRASH', nameKey: 'mailbox.TRASH', icon: 'trash', selector: { kind: 'label', labelId: 'TRASH' }, countLabelId: 'TRASH', count: 'none' },
];

export const CATEGORY_MAILBOXES: readonly Mailbox[] = [
  { key: 'CATEGORY_PERSONAL', nameKey: 'mailbox.CATEGORY_PERSONAL', icon: 'person', selector: { kind: 'label', labelId: 'CATEGORY_PERSONAL' }, countLabelId: 'CATEGORY_PERSONAL', count: 'unread' },
  { key: 'CATEGORY_SOCIAL', nameKey: 'mailbox.CATEGORY_SOCIAL', icon: 'people', selector: { kind: 'label', labelId: 'CATEGORY_SOCIAL' }, countLabelId: 'CATEGORY_SOCIAL', count: 'unread' },
  { key: 'CATEGORY_PROMOTIONS', nameKey: 'mailbox.CATEGORY_PROMOTIONS', icon: 'tag', selector: { kind: 'label', labelId: 'CATEGORY_PROMOTIONS' }, countLabelId: 'CATEGORY_PROMOTIONS', count: 'unread' },
  { key: 'CATEGORY_UPDATES', nameKey: 'mailbox.CATEGORY_UPDATES', icon: 'info', selector: { kind: 'label', labelId: 'CATEGORY_UPDATES' }, countLabelId: 'CATEGORY_UPDATES', count: 'unread' },
  { key: 'CATEGORY_FORUMS', nameKey: 'mailbox.CATEGORY_FORUMS', icon: 'forum', selector: { kind: 'label', labelId: 'CATEGORY_FORUMS' }, countLabelId: 'CATEGORY_FORUMS', count: 'unread' },
];

/** Label ids never shown as chips on a row (system state, categories). */
export function isUserLabel(label: LabelSummary | undefined): label is LabelSummary {
  return label !== undefined && label.type === 'user';
}

export interface LabelNode {
  /** The full path, "Work/Clients/Acme". */
  readonly path: string;
  /** The last segment, "Acme". */
  readonly name: string;
  readonly depth: number;
  /** The label itself; null for a path segment with no label of its own ("Work" when only "Work/x" exists). */
  readonly label: LabelSummary | null;
  readonly children: LabelNode[];
  /** Unread messages in this label and all below it. */
  readonly unreadTotal: number;
}

interface MutableNode {
  path: string;
  name: string;
  depth: number;
  label: LabelSummary | null;
  children: Map<string, MutableNode>;
}

function compareNames(a: string, b: string): number {
  const x = a.toLocaleLowerCase();
  const y = b.toLocaleLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** User labels nested by "/", sorted case-insensitively; empty segments are ignored. */
export function buildLabelTree(labels: readonly LabelSummary[]): LabelNode[] {
  const root: MutableNode = { path: '', name: '', depth: -1, label: null, children: new Map() };
  const users = labels.filter((l) => l.type === 'user');
  for (const label of users) {
    const segments = label.name.split('/').filter((s) => s.trim().length > 0);
    if (segments.length === 0) segments.push(label.name);
    let node = root;
    segments.forEach((segment, i) => {
      const key = segment;
      let child = node.children.get(key);
      if (!child) {
        child = {
          path: segments.slice(0, i + 1).join('/'),
          name: segment,
          depth: i,
          label: null,
          children: new Map(),
        };
        node.children.set(key, child);
      }
      node = child;
    });
    node.label = label;
  }
  const freeze = (node: MutableNode): LabelNode => {
    const children = [...node.children.values()].sort((a, b) => compareNames(a.name, b.name)).map(freeze);
    const own = node.label?.messagesUnread ?? 0;
    return {
      path: node.path,
      name: node.name,
      depth: node.depth,
      label: node.label,
      children,
      unreadTotal: own + children.reduce((sum, c) => sum + c.unreadTotal, 0),
    };
  };
  return freeze(root).children;
}

/** Flattens the tree into the rows shown, skipping the children of collapsed paths. */
export function visibleLabelRows(tree: readonly LabelNode[], collapsed: ReadonlySet<string>): LabelNode[] {
  const out: LabelNode[] = [];
  const walk = (nodes: readonly LabelNode[]) => {
    for (const node of nodes) {
      out.push(node);
      if (node.children.length > 0 && !collapsed.has(node.path)) walk(node.children);
    }
  };
  walk(tree);
  return out;
}

/** The query that selects a label path with no label of its own. */
export function labelQuery(path: string): string {
  return /[\s"()]/.test(path) ? `label:"${path.replace(/"/g, '')}"` : `label:${path}`;
}

/** The selector for a user label node. */
export function labelNodeSelector(node: LabelNode): MailSelector {
  return node.label ? { kind: 'label', labelId: node.label.id } : { kind: 'query', query: labelQuery(node.path) };
}

/** Same selector? (used to highlight the current mailbox). */
export function sameSelector(a: MailSelector, b: MailSelector): boolean {
  if (a.kind === 'label' && b.kind === 'label') return a.labelId === b.labelId;
  if (a.kind === 'query' && b.kind === 'query') return a.query === b.query;
  return false;
}

/** A title for the list header: mailbox or label name, or the query. */
export function selectorTitle(selector: MailSelector, labels: readonly LabelSummary[], t: Translate): string {
  if (selector.kind === 'query') {
    if (selector.query === ALL_MAIL_QUERY) return t('mailbox.ALL');
    return selector.query;
  }
  const known = [...SYSTEM_MAILBOXES, ...CATEGORY_MAILBOXES].find(
    (m) => m.selector.kind === 'label' && m.selector.labelId === selector.labelId,
  );
  if (known) return t(known.nameKey);
  const label = labels.find((l) => l.id === selector.labelId);
  return label ? label.name : selector.labelId;
}
