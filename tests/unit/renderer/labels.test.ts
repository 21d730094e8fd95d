import { describe, expect, it } from 'vitest';
import type { LabelSummary } from '../../../common/mail-types';
import {
  ALL_MAIL_QUERY,
  buildLabelTree,
  labelNodeSelector,
  labelQuery,
  sameSelector,
  selectorTitle,
  SYSTEM_MAILBOXES,
  visibleLabelRows,
} from '../../../renderer/src/lib/labels';
import { englishT, koreanT } from '../i18n/translators';

function label(id: string, name: string, unread = 0, type: 'user' | 'system' = 'user'): LabelSummary {
  return { id, name, type, messagesTotal: unread * 2, messagesUnread: unread, threadsTotal: 0, threadsUnread: 0 };
}

describe('buildLabelTree', () => {
  const labels = [
    label('INBOX', 'INBOX', 5, 'system'),
    label('L3', 'Work/Clients/Acme', 2),
    label('L1', 'work', 1),
    label('L2', 'Work', 0),
    label('L4', 'Travel', 0),
    label('L5', 'Lists/Gardening', 3),
    label('L6', 'Lists/tidepool', 1),
  ];
  const tree = buildLabelTree(labels);

  it('keeps only user labels, sorted case-insensitively', () => {
    expect(tree.map((n) => n.name)).toEqual(['Lists', 'Travel', 'Work', 'work']);
  });
  it('nests by "/" and creates bare path segments', () => {
    const lists = tree[0]!;
    expect(lists.label).toBeNull();
    expect(lists.children.map((c) => c.path)).toEqual(['Lists/Gardening', 'Lists/tidepool']);
    const work = tree.find((n) => n.name === 'Work')!;
    expect(work.label?.id).toBe('L2');
    expect(work.children[0]!.name).toBe('Clients');
    expect(work.children[0]!.children[0]!.label?.id).toBe('L3');
    expect(work.children[0]!.children[0]!.depth).toBe(2);
  });
  it('sums unread counts up the tree', () => {
    expect(tree[0]!.unreadTotal).toBe(4);
    expect(tree.find((n) => n.name === 'Work')!.unreadTotal).toBe(2);
  });
  it('hides the children of collapsed paths', () => {
    expect(visibleLabelRows(tree, new Set()).map((n) => n.path)).toEqual([
      'Lists',
      'Lists/Gardening',
      'Lists/tidepool',
      'Travel',
      'Work',
      'Work/Clients',
      'Work/Clients/Acme',
      'work',
    ]);
    expect(visibleLabelRows(tree, new Set(['Lists', 'Work/Clients'])).map((n) => n.path)).toEqual(['Lists', 'Travel', 'Work', 'Work/Clients', 'work']);
  });
  it('ignores empty segments', () => {
    expect(buildLabelTree([label('X', 'a//b/')])[0]!.children[0]!.path).toBe('a/b');
  });
});

describe('selectors', () => {
  it('selects a label by id, or a bare path by query', () => {
    const tree = buildLabelTree([label('L5', 'Lists/Gardening'), label('L7', 'My Stuff/x')]);
    expect(labelNodeSelector(tree[0]!)).toEqual({ kind: 'query', query: 'label:Lists' });
    expect(labelNodeSelector(tree[0]!.children[0]!)).toEqual({ kind: 'label', labelId: 'L5' });
    expect(labelQuery('My Stuff')).toBe('label:"My Stuff"');
  });
  it('compares selectors', () => {
    expect(sameSelector({ kind: 'label', labelId: 'INBOX' }, { kind: 'label', labelId: 'INBOX' })).toBe(true);
    expect(sameSelector({ kind: 'label', labelId: 'INBOX' }, { kind: 'query', query: 'INBOX' })).toBe(false);
  });
  it('titles mailboxes, labels and queries', () => {
    const labels = [label('L1', 'Receipts')];
    expect(selectorTitle({ kind: 'label', labelId: 'INBOX' }, labels, englishT)).toBe('Inbox');
    expect(selectorTitle({ kind: 'label', labelId: 'CATEGORY_SOCIAL' }, labels, englishT)).toBe('Social');
    expect(selectorTitle({ kind: 'label', labelId: 'L1' }, labels, englishT)).toBe('Receipts');
    expect(selectorTitle({ kind: 'query', query: ALL_MAIL_QUERY }, labels, englishT)).toBe('All Mail');
    expect(selectorTitle({ kind: 'query', query: 'from:ana' }, labels, englishT)).toBe('from:ana');
    expect(selectorTitle({ kind: 'label', labelId: 'INBOX' }, labels, koreanT)).toBe('받은편지함');
  });
  it('lists every system mailbox once, All Mail as a query', () => {
    expect(SYSTEM_MAILBOXES.map((m) => englishT(m.nameKey))).toEqual(['Inbox', 'Starred', 'Important', 'Sent', 'Drafts', 'All Mail', 'Spam', 'Trash']);
    expect(SYSTEM_MAILBOXES.find((m) => m.key === 'ALL')!.selector).toEqual({ kind: 'query', query: '' });
  });
});
