/**
 * The one table of keyboard shortcuts. It drives both the key handler and the `?` help, so the
 * two cannot drift. A key matches by the Latin character it types when it types one (so `?` works
 * on any Latin layout), and otherwise by `KeyboardEvent.code`, the physical key, so `j` still
 * moves down while a Korean, Russian or other non-Latin input method is on.
 */
import type { MessageKey } from '../i18n/translate';

export type ShortcutAction =
  | 'nextItem'
  | 'previousItem'
  | 'open'
  | 'backToList'
  | 'nextMessage'
  | 'previousMessage'
  | 'focusSearch'
  | 'clearSearch'
  | 'goInbox'
  | 'goStarred'
  | 'goSent'
  | 'goDrafts'
  | 'goAllMail'
  | 'openSettings'
  | 'showHelp';

/** One key press: a physical key, plus the modifiers it needs. `mod` is Ctrl, or Cmd on macOS. */
export interface KeyStroke {
  /** The physical key (US position), used when the layout types no Latin character. */
  readonly code: string;
  /** The character it types on a Latin layout, when it has one. */
  readonly char?: string;
  readonly shift?: boolean;
  readonly mod?: boolean;
  /** What the help shows for this key. */
  readonly label: string;
}

export interface Shortcut {
  readonly action: ShortcutAction;
  /** Each alternative is a sequence of strokes (`g` then `i` is two). */
  readonly keys: readonly (readonly KeyStroke[])[];
  /** What the help says it does (a catalog key). */
  readonly description: MessageKey;
  /** Also fires while the caret is in a text field (only for modifier chords). */
  readonly whileTyping?: boolean;
}

const key = (code: string, label: string, extra: Partial<KeyStroke> = {}): KeyStroke => ({ code, label, ...extra });
const letter = (l: string): KeyStroke => key(`Key${l.toUpperCase()}`, l, { char: l });
const go = (l: string): readonly KeyStroke[] => [letter('g'), letter(l)];

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'nextItem', keys: [[letter('j')]], description: 'shortcut.nextItem' },
  { action: 'previousItem', keys: [[letter('k')]], description: 'shortcut.previousItem' },
  { action: 'open', keys: [[key('Enter', 'Enter')], [letter('o')]], description: 'shortcut.open' },
  { action: 'backToList', keys: [[letter('u')]], description: 'shortcut.backToList' },
  { action: 'nextMessage', keys: [[letter('n')]], description: 'shortcut.nextMessage' },
  { action: 'previousMessage', keys: [[letter('p')]], description: 'shortcut.previousMessage' },
  {
    action: 'focusSearch',
    keys: [[key('Slash', '/', { char: '/' })], [key('KeyK', 'K', { char: 'k', mod: true })]],
    description: 'shortcut.focusSearch',
    whileTyping: true,
  },
  { action: 'clearSearch', keys: [[key('Escape', 'Esc')]], description: 'shortcut.clearSearch' },
  { action: 'goInbox', keys: [go('i')], description: 'shortcut.goInbox' },
  { action: 'goStarred', keys: [go('s')], description: 'shortcut.goStarred' },
  { action: 'goSent', keys: [go('t')], description: 'shortcut.goSent' },
  { action: 'goDrafts', keys: [go('d')], description: 'shortcut.goDrafts' },
  { action: 'goAllMail', keys: [go('a')], description: 'shortcut.goAllMail' },
  { action: 'openSettings', keys: [[key('Comma', ',', { char: ',', mod: true })]], description: 'shortcut.openSettings', whileTyping: true },
  { action: 'showHelp', keys: [[key('Slash', '?', { char: '?', shift: true })]], description: 'shortcut.showHelp' },
];

/** How long the first key of a sequence (`g`) waits for the second. */
export const SEQUENCE_TIMEOUT_MS = 1200;

export interface KeyInput {
  readonly key: string;
  readonly code: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

export function isMac(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

const LATIN_CHAR = /^[\x21-\x7e]$/;

function keyMatches(stroke: KeyStroke, input: KeyInput): boolean {
  if (stroke.char && LATIN_CHAR.test(input.key)) {
    // Ctrl+K types "k" or "K" depending on Shift; the character already carries Shift otherwise.
    return (stroke.mod ? input.key.toLowerCase() : input.key) === stroke.char;
  }
  return stroke.code === input.code && Boolean(stroke.shift) === input.shiftKey;
}

function strokeMatches(stroke: KeyStroke, input: KeyInput, mac: boolean): boolean {
  if (input.altKey || !keyMatches(stroke, input)) return false;
  const mod = mac ? input.metaKey : input.ctrlKey;
  const other = mac ? input.ctrlKey : input.metaKey;
  return Boolean(stroke.mod) === mod && !other;
}

export type KeyMatch =
  { readonly kind: 'action'; readonly shortcut: Shortcut } | { readonly kind: 'pending'; readonly prefix: readonly KeyInput[] } | { readonly kind: 'none' };

/**
 * Matches a key press against the table, given the strokes already pressed in a sequence.
 * Pure, so the table's behaviour is tested without a browser.
 */
export function matchKey(prefix: readonly KeyInput[], input: KeyInput, typing: boolean, mac = isMac()): KeyMatch {
  const pressed = [...prefix, input];
  let pending = false;
  for (const shortcut of SHORTCUTS) {
    if (typing && !shortcut.whileTyping) continue;
    for (const sequence of shortcut.keys) {
      if (sequence.length < pressed.length) continue;
      const all = pressed.every((p, i) => strokeMatches(sequence[i]!, p, mac));
      if (!all) continue;
      if (sequence.length === pressed.length) return { kind: 'action', shortcut };
      pending = true;
    }
  }
  if (pending) return { kind: 'pending', prefix: pressed };
  // A stale prefix that led nowhere: try the key on its own.
  if (prefix.length > 0) return matchKey([], input, typing, mac);
  return { kind: 'none' };
}

/** The labels the help shows for one alternative, with Ctrl or ⌘ spelled for this platform. */
export function strokeLabels(sequence: readonly KeyStroke[], mac = isMac()): string[] {
  return sequence.map((s) => (s.mod ? `${mac ? '⌘' : 'Ctrl'}+${s.label}` : s.label));
}
