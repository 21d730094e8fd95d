/** Mailboxes (system labels, categories) and the user-label tree. Pure. */
import type { LabelSummary, MailSelector } from '../../../common/mail-types';
import type { MessageKey, Translate } from '../i18n/translate';

export type MailboxIcon = 'inbox' | 'star' | 'send' | 'draft' | 'important' | 'all' | 'spam' | 'trash' | 'person' | 'people' | 'tag' | 'info' | 'forum';

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

/** The ids the catalogs name a mailbox for (`mailbox.<id>`). */
type NamedMailboxId<K = MessageKey> = K extends `mailbox.${infer Id}` ? Id : never;

/** A mailbox that is one label: its key, name, selector and count all follow the label id. */
function labelMailbox(labelId: NamedMailboxId, icon: MailboxIcon, count: Mailbox['count']): Mailbox {
  return { key: labelId, nameKey: `mailbox.${labelId}`, icon, selector: { kind: 'label', labelId }, countLabelId: labelId, count };
}

// prettier-ignore
export const SYSTEM_MAILBOXES: readonly Mailbox[] = [
  labelMailbox('INBOX', 'inbox', 'unread'), labelMailbox('STARRED', 'star', 'none'), labelMailbox('IMPORTANT', 'important', 'none'),
  labelMailbox('SENT', 'send', 'none'), labelMailbox('DRAFT', 'draft', 'total'),
  { key: 'ALL', nameKey: 'mailbox.ALL', icon: 'all', selector: { kind: 'query', query: ALL_MAIL_QUERY }, countLabelId: null, count: 'none' },
  labelMailbox('SPAM', 'spam', 'unread'), labelMailbox('TRASH', 'trash', 'none'),
];

// prettier-ignore
export const CATEGORY_MAILBOXES: readonly Mailbox[] = [
  labelMailbox('CATEGORY_PERSONAL', 'person', 'unread'), labelMailbox('CATEGORY_SOCIAL', 'people', 'unread'),
  labelMailbox('CATEGORY_PROMOTIONS', 'tag', 'unread'), labelMailbox('CATEGORY_UPDATES', 'info', 'unread'),
  labelMailbox('CATEGORY_FORUMS', 'forum', 'unread'),
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
  const known = [...SYSTEM_MAILBOXES, ...CATEGORY_MAILBOXES].find((m) => m.selector.kind === 'label' && m.selector.labelId === selector.labelId);
  if (known) return t(known.nameKey);
  const label = labels.find((l) => l.id === selector.labelId);
  return label ? label.name : selector.labelId;
}
