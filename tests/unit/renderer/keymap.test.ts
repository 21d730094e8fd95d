import { describe, expect, it } from 'vitest';
import { matchKey, SHORTCUTS, strokeLabels, type KeyInput } from '../../../renderer/src/keyboard/keymap';
import { initialView, viewReducer } from '../../../renderer/src/state/view-store';

// A Korean input method types Hangul; only the physical key says which shortcut it was.
const HANGUL: Record<string, string> = { KeyJ: 'ㅓ', KeyK: 'ㅏ', KeyN: 'ㅜ', KeyG: 'ㅎ', KeyD: 'ㅇ', KeyI: 'ㅑ', KeyO: 'ㅐ', KeyU: 'ㅕ', KeyP: 'ㅔ' };

const press = (code: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: HANGUL[code] ?? code,
  code,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

function actionOf(keys: KeyInput[], typing = false, mac = false): string | null {
  let prefix: readonly KeyInput[] = [];
  let last: string | null = null;
  for (const k of keys) {
    const m = matchKey(prefix, k, typing, mac);
    prefix = m.kind === 'pending' ? m.prefix : [];
    last = m.kind === 'action' ? m.shortcut.action : null;
  }
  return last;
}

describe('keymap', () => {
  it('matches the physical key, so a non-Latin layout still moves (code KeyJ, key ㅓ)', () => {
    expect(actionOf([press('KeyJ')])).toBe('nextItem');
    expect(actionOf([press('KeyK')])).toBe('previousItem');
    expect(actionOf([press('KeyN')])).toBe('nextMessage');
  });

  it('tells / from ? by Shift on the same key', () => {
    expect(actionOf([press('Slash')])).toBe('focusSearch');
    expect(actionOf([press('Slash', { shiftKey: true })])).toBe('showHelp');
  });

  it('on a Latin layout follows the character typed (AZERTY ? is Shift+Comma, Dvorak j is KeyC)', () => {
    expect(actionOf([{ ...press('Comma', { shiftKey: true }), key: '?' }])).toBe('showHelp');
    expect(actionOf([{ ...press('KeyC'), key: 'j' }])).toBe('nextItem');
    expect(actionOf([{ ...press('KeyJ'), key: 'h' }])).toBeNull();
    expect(actionOf([{ ...press('KeyJ', { shiftKey: true }), key: 'J' }])).toBeNull();
  });

  it('runs two-key sequences, including g d that the old help left out', () => {
    expect(matchKey([], press('KeyG'), false, false).kind).toBe('pending');
    expect(actionOf([press('KeyG'), press('KeyD')])).toBe('goDrafts');
    expect(actionOf([press('KeyG'), press('KeyI')])).toBe('goInbox');
    // A prefix that leads nowhere lets the second key act on its own.
    expect(actionOf([press('KeyG'), press('KeyJ')])).toBe('nextItem');
  });

  it('uses Ctrl on Windows and Linux, Cmd on macOS, and only chords while typing', () => {
    expect(actionOf([press('KeyK', { ctrlKey: true })], true, false)).toBe('focusSearch');
    expect(actionOf([press('KeyK', { metaKey: true })], true, true)).toBe('focusSearch');
    expect(actionOf([press('KeyK', { metaKey: true })], false, false)).toBeNull();
    expect(actionOf([press('KeyJ')], true)).toBeNull();
    expect(actionOf([press('KeyJ', { ctrlKey: true })])).toBeNull();
  });

  it('has every sequence reachable and shown with a label', () => {
    for (const shortcut of SHORTCUTS) {
      for (const seq of shortcut.keys) {
        expect(
          actionOf(
            seq.map((s) => press(s.code, { shiftKey: Boolean(s.shift), ctrlKey: Boolean(s.mod) })),
            Boolean(shortcut.whileTyping),
          ),
        ).toBe(shortcut.action);
        expect(strokeLabels(seq, false).every((l) => l.length > 0)).toBe(true);
      }
    }
    expect(strokeLabels([{ code: 'KeyK', label: 'K', mod: true }], true)).toEqual(['⌘+K']);
  });
});

describe('view store', () => {
  it('closes the open conversation when a different search runs', () => {
    const opened = viewReducer(initialView, {
      type: 'open',
      listKey: 'a',
      index: 0,
      conversation: { threadId: 't1', messageId: 'm1' },
    });
    expect(viewReducer(opened, { type: 'runQuery', query: '' }).open).not.toBeNull();
    expect(viewReducer(opened, { type: 'runQuery', query: 'invoice' }).open).toBeNull();
  });

  it('a mailbox change clears the search', () => {
    const typed = viewReducer(viewReducer(initialView, { type: 'typeSearch', search: 'x' }), { type: 'runQuery', query: 'x' });
    const next = viewReducer(typed, { type: 'selectMailbox', mailbox: { kind: 'label', labelId: 'SENT' } });
    expect(next.search).toBe('');
    expect(next.query).toBe('');
  });
});
