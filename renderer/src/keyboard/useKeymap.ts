import { useEffect, useLayoutEffect, useRef } from 'react';
import { matchKey, SEQUENCE_TIMEOUT_MS, type KeyInput, type ShortcutAction } from './keymap';

/** A handler returns false when the shortcut does not apply now, so the key keeps its default. */
export type ShortcutHandlers = Partial<Record<ShortcutAction, () => boolean | void>>;

function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** Listens on the window and runs the handler the keymap table names for each key press. */
export function useKeymap(handlers: ShortcutHandlers, enabled: boolean): void {
  // Handlers close over this render's state; the listener reads the newest without re-binding.
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const prefix = useRef<{ keys: readonly KeyInput[]; at: number }>({ keys: [], at: 0 });

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const now = Date.now();
      const held = now - prefix.current.at < SEQUENCE_TIMEOUT_MS ? prefix.current.keys : [];
      const match = matchKey(held, event, isTypingTarget(event.target));
      if (match.kind === 'pending') {
        prefix.current = { keys: match.prefix, at: now };
        return;
      }
      prefix.current = { keys: [], at: 0 };
      if (match.kind === 'none') return;
      const handler = latest.current[match.shortcut.action];
      if (handler && handler() !== false) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
