import { useEffect, useRef } from 'react';
import { activatesOnEnter, isTypingTarget } from './shortcut-target.ts';

/** Handlers by `KeyboardEvent.key` (e.g. 'j', 'Enter'). */
export type ShortcutMap = Partial<Record<string, () => void>>;

/**
 * Single-key shortcuts on the whole window. They never fire while typing in a field,
 * with a modifier held (Ctrl+R stays reload), or when Enter would press a focused control.
 */
export function useShortcuts(shortcuts: ShortcutMap): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (isTypingTarget(e.target)) return;
      if (e.key === 'Enter' && activatesOnEnter(e.target)) return;
      const handler = latest.current[e.key];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
