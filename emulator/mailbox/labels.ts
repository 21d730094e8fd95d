import type { GmailLabel } from './types';

const hidden = { messageListVisibility: 'hide', labelListVisibility: 'labelHide' } as const;

/** The system labels labels.list returns for a normal account, in Gmail's order and visibility. */
export const SYSTEM_LABELS: readonly GmailLabel[] = [
  { id: 'CHAT', name: 'CHAT', type: 'system', ...hidden },
  { id: 'SENT', name: 'SENT', type: 'system' },
  { id: 'INBOX', name: 'INBOX', type: 'system' },
  { id: 'IMPORTANT', name: 'IMPORTANT', type: 'system', ...hidden },
  { id: 'TRASH', name: 'TRASH', type: 'system', ...hidden },
  { id: 'DRAFT', name: 'DRAFT', type: 'system' },
  { id: 'SPAM', name: 'SPAM', type: 'system', ...hidden },
  { id: 'CATEGORY_FORUMS', name: 'CATEGORY_FORUMS', type: 'system', ...hidden },
  { id: 'CATEGORY_UPDATES', name: 'CATEGORY_UPDATES', type: 'system', ...hidden },
  { id: 'CATEGORY_PERSONAL', name: 'CATEGORY_PERSONAL', type: 'system', ...hidden },
  { id: 'CATEGORY_PROMOTIONS', name: 'CATEGORY_PROMOTIONS', type: 'system', ...hidden },
  { id: 'CATEGORY_SOCIAL', name: 'CATEGORY_SOCIAL', type: 'system', ...hidden },
  { id: 'STARRED', name: 'STARRED', type: 'system', ...hidden },
  { id: 'UNREAD', name: 'UNREAD', type: 'system' },
];

export const SYSTEM_LABEL_IDS: ReadonlySet<string> = new Set(SYSTEM_LABELS.map((l) => l.id));

/** System labels a client may add or remove with messages.modify (SENT, DRAFT, CHAT are set by Gmail). */
// prettier-ignore
export const USER_APPLICABLE_SYSTEM_LABELS: ReadonlySet<string> = new Set([
  'INBOX', 'SPAM', 'TRASH', 'UNREAD', 'STARRED', 'IMPORTANT',
  'CATEGORY_PERSONAL', 'CATEGORY_SOCIAL', 'CATEGORY_PROMOTIONS', 'CATEGORY_UPDATES', 'CATEGORY_FORUMS',
]);

/**
 * Takeout's X-Gmail-Labels names for system labels (case-insensitive). `null` = a pseudo-label
 * Takeout writes that is no label in the API ("Opened", "Archived").
 */
// Maps, not object literals: a label named "constructor" must stay a user label.
// prettier-ignore
const TAKEOUT_SYSTEM: ReadonlyMap<string, string | null> = new Map(Object.entries({
  inbox: 'INBOX', sent: 'SENT', 'sent mail': 'SENT', starred: 'STARRED', unread: 'UNREAD', important: 'IMPORTANT',
  spam: 'SPAM', trash: 'TRASH', draft: 'DRAFT', drafts: 'DRAFT', chat: 'CHAT', chats: 'CHAT',
  'category personal': 'CATEGORY_PERSONAL', 'category primary': 'CATEGORY_PERSONAL',
  'category social': 'CATEGORY_SOCIAL', 'category promotions': 'CATEGORY_PROMOTIONS',
  'category updates': 'CATEGORY_UPDATES', 'category forums': 'CATEGORY_FORUMS',
  opened: null, archived: null,
}));

/** A Takeout label name -> system id, null for a pseudo-label, undefined for a user label. */
export function takeoutSystemLabel(name: string): string | null | undefined {
  const key = name.trim().toLowerCase();
  if (TAKEOUT_SYSTEM.has(key)) return TAKEOUT_SYSTEM.get(key);
  if (SYSTEM_LABEL_IDS.has(name.trim())) return name.trim();
  return undefined;
}

/** Folder names (directly below a loaded root) that mean a system label rather than a user label. */
// prettier-ignore
const FOLDER_SYSTEM: ReadonlyMap<string, string> = new Map(Object.entries({
  inbox: 'INBOX', sent: 'SENT', 'sent mail': 'SENT', 'sent items': 'SENT', sent_items: 'SENT', 'sent messages': 'SENT',
  spam: 'SPAM', junk: 'SPAM', 'junk e-mail': 'SPAM', trash: 'TRASH', 'deleted items': 'TRASH', 'deleted messages': 'TRASH',
  drafts: 'DRAFT', draft: 'DRAFT', starred: 'STARRED', important: 'IMPORTANT',
}));

export function folderSystemLabel(name: string): string | undefined {
  return FOLDER_SYSTEM.get(name.trim().toLowerCase());
}
