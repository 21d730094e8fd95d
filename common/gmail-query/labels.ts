/**
 * label:/is:/in:/has:/category: resolved to plain conditions on label ids and content
 * (decision table rules 6a, 9a, 9b). Kept as data, not closures, so the SQL back end can
 * translate the same resolution that the emulator evaluates.
 */
import type { LabelNode, QueryNode, StateNode } from './ast';
import { foldText } from './text';

export interface LabelInfo {
  readonly id: string;
  readonly name: string;
  readonly type: 'system' | 'user';
}

export type LabelCondition =
  /** The message carries at least one of these label ids. */
  | { readonly kind: 'anyLabel'; readonly labelIds: readonly string[] }
  /** The message carries none of these label ids. */
  | { readonly kind: 'noLabel'; readonly labelIds: readonly string[] }
  | { readonly kind: 'hasAttachment' }
  | { readonly kind: 'userLabels'; readonly present: boolean }
  /** Free text contains one of these token sequences (has:youtube, has:drive, ...). */
  | { readonly kind: 'textSequence'; readonly sequences: ReadonlyArray<readonly string[]> }
  | { readonly kind: 'always' }
  | { readonly kind: 'never' };

const NEVER: LabelCondition = { kind: 'never' };
const ALWAYS: LabelCondition = { kind: 'always' };

// Maps, not object literals, for every table looked up by query text: `label:constructor`
// must not find Object.prototype.constructor.
/** System labels reachable by name through label:, in: and is: alike (rule 9b). */
// prettier-ignore
const SYSTEM_LABEL_NAMES: ReadonlyMap<string, string> = new Map(Object.entries({
  inbox: 'INBOX', starred: 'STARRED', important: 'IMPORTANT', sent: 'SENT',
  draft: 'DRAFT', drafts: 'DRAFT', spam: 'SPAM', trash: 'TRASH', unread: 'UNREAD',
  chat: 'CHAT', chats: 'CHAT',
}));

// prettier-ignore
const CATEGORY_LABELS: ReadonlyMap<string, string> = new Map(Object.entries({
  primary: 'CATEGORY_PERSONAL', personal: 'CATEGORY_PERSONAL', social: 'CATEGORY_SOCIAL',
  promotions: 'CATEGORY_PROMOTIONS', updates: 'CATEGORY_UPDATES', forums: 'CATEGORY_FORUMS',
  reservations: 'CATEGORY_RESERVATIONS', purchases: 'CATEGORY_PURCHASES',
}));

// prettier-ignore
const STAR_NAMES = new Set([
  'yellow-star', 'orange-star', 'red-star', 'purple-star', 'blue-star', 'green-star', 'red-bang',
  'yellow-bang', 'orange-guillemet', 'green-check', 'blue-info', 'purple-question',
]);

const GOOGLE_DOCS = ['docs', 'google', 'com'];
const CONTENT_FEATURES: ReadonlyMap<string, ReadonlyArray<readonly string[]>> = new Map(
  Object.entries({
    drive: [['drive', 'google', 'com'], GOOGLE_DOCS],
    document: [[...GOOGLE_DOCS, 'document']],
    spreadsheet: [[...GOOGLE_DOCS, 'spreadsheets']],
    presentation: [[...GOOGLE_DOCS, 'presentation']],
    youtube: [
      ['youtube', 'com'],
      ['youtu', 'be'],
    ],
  }),
);

export const SPAM_TRASH_IDS: readonly string[] = ['SPAM', 'TRASH'];

/** Label names compare case-insensitively, with `/`, `-` and spaces interchangeable (`label:work-clients`). */
export function normalizeLabelName(name: string): string {
  return foldText(name)
    .trim()
    .replace(/[\s/-]+/g, '-');
}

/** label:NAME: a system label by name, a label id, or user labels whose folded name equals NAME. */
function labelIdsForName(name: string, labels: readonly LabelInfo[]): string[] {
  const wanted = normalizeLabelName(name);
  const system = SYSTEM_LABEL_NAMES.get(wanted);
  const ids = new Set<string>(system ? [system] : []);
  for (const label of labels) {
    if (label.id === name || normalizeLabelName(label.name) === wanted) ids.add(label.id);
  }
  return [...ids];
}

function anyLabel(labelIds: readonly string[]): LabelCondition {
  return labelIds.length > 0 ? { kind: 'anyLabel', labelIds } : NEVER;
}

function resolveIs(value: string, labels: readonly LabelInfo[]): LabelCondition {
  if (value === 'read') return { kind: 'noLabel', labelIds: ['UNREAD'] };
  return anyLabel(labelIdsForName(value, labels));
}

function resolveIn(value: string, labels: readonly LabelInfo[]): LabelCondition {
  if (value === 'anywhere') return ALWAYS;
  if (value === 'archive') return { kind: 'noLabel', labelIds: ['INBOX', 'SPAM', 'TRASH', 'DRAFT'] };
  return anyLabel(labelIdsForName(value, labels));
}

function resolveHas(value: string): LabelCondition {
  if (value === 'attachment') return { kind: 'hasAttachment' };
  if (value === 'userlabels') return { kind: 'userLabels', present: true };
  if (value === 'nouserlabels') return { kind: 'userLabels', present: false };
  if (STAR_NAMES.has(value)) return anyLabel([value.toUpperCase().replace(/-/g, '_')]);
  const sequences = CONTENT_FEATURES.get(value);
  return sequences ? { kind: 'textSequence', sequences } : NEVER;
}

/** Turns one label-ish leaf into a condition against the account's labels. */
export function resolveLabelCondition(node: LabelNode | StateNode, labels: readonly LabelInfo[]): LabelCondition {
  switch (node.kind) {
    case 'label':
      return anyLabel(labelIdsForName(node.name, labels));
    case 'is':
      return resolveIs(node.value, labels);
    case 'in':
      return resolveIn(node.value, labels);
    case 'has':
      return resolveHas(node.value);
    case 'category': {
      const id = CATEGORY_LABELS.get(node.value);
      return id ? anyLabel([id]) : NEVER;
    }
  }
}

/** Whether a label id is a user label: listed as such, or not a known system id pattern. */
export function isUserLabelId(id: string, labels: readonly LabelInfo[]): boolean {
  const known = labels.find((l) => l.id === id);
  if (known) return known.type === 'user';
  return id.startsWith('Label_');
}

function namesSpamOrTrashLeaf(node: QueryNode): boolean {
  if (node.kind === 'in') return ['spam', 'trash', 'anywhere'].includes(node.value);
  if (node.kind === 'is') return node.value === 'spam' || node.value === 'trash';
  if (node.kind === 'label') return ['spam', 'trash'].includes(normalizeLabelName(node.name));
  return false;
}

/**
 * Rule 9a: Spam and Trash are searched only when the query has a positive (not negated)
 * in:spam, in:trash, in:anywhere, label:spam or label:trash term (is: counts too, rule 9b).
 */
export function queryIncludesSpamTrash(node: QueryNode | null, negated = false): boolean {
  if (node === null) return false;
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.some((c) => queryIncludesSpamTrash(c, negated));
    case 'not':
      return queryIncludesSpamTrash(node.child, !negated);
    default:
      return !negated && namesSpamOrTrashLeaf(node);
  }
}
