import type { Command } from '../commands/command.ts';
import { hasModifier, isMacPlatform, matchesStroke, parseKeys, type KeyStroke } from './keys.ts';
import { activatesOnEnter, isTypingTarget } from './shortcut-target.ts';

/** How long the second key of a sequence ('g i') may wait for the first. */
export const SEQUENCE_MS = 1000;

export interface DispatcherOptions {
  /** The commands at the moment of the key press. */
  commands(): readonly Command[];
  mac?: boolean;
  now?(): number;
}

type Pressed = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

/**
 * The one keydown handler behind every shortcut: finds the enabled command whose keys match and
 * runs it. Keys typed into a field (and anything inside a modal overlay) belong there: only
 * modified shortcuts (Mod+k) and Escape fire from them. Enter on a focused button presses it.
 */
export function createShortcutDispatcher(opts: DispatcherOptions): (e: KeyboardEvent) => void {
  const mac = opts.mac ?? isMacPlatform();
  const now = opts.now ?? (() => Date.now());
  let pending: { first: Pressed; at: number } | null = null;

  const allowed = (stroke: KeyStroke, e: KeyboardEvent): boolean => {
    if (hasModifier(stroke) || stroke.key === 'Escape') return true;
    if (isTypingTarget(e.target) || inModal(e.target)) return false;
    return !(stroke.key === 'Enter' && activatesOnEnter(e.target));
  };

  return (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing || MODIFIER_KEYS.has(e.key)) return;
    const specs = opts
      .commands()
      .filter((c) => c.keys && c.enabled !== false)
      .map((c) => ({ command: c, strokes: parseKeys(c.keys!) }));

    const started = pending && now() - pending.at <= SEQUENCE_MS ? pending.first : null;
    pending = null;
    if (started) {
      const hit = specs.find((s) => s.strokes.length === 2 && matchesStroke(s.strokes[0]!, started, mac) && matchesStroke(s.strokes[1]!, e, mac));
      if (hit && allowed(hit.strokes[1]!, e)) return fire(e, hit.command);
    }

    const single = specs.find((s) => s.strokes.length === 1 && matchesStroke(s.strokes[0]!, e, mac));
    if (single) {
      if (allowed(single.strokes[0]!, e)) fire(e, single.command);
      return;
    }
    const opener = specs.find((s) => s.strokes.length === 2 && matchesStroke(s.strokes[0]!, e, mac));
    if (opener && allowed(opener.strokes[0]!, e)) {
      pending = { first: { key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey }, at: now() };
      e.preventDefault();
    }
  };
}

function fire(e: KeyboardEvent, command: Command): void {
  e.preventDefault();
  command.run();
}

function inModal(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[aria-modal="true"], dialog[open]') !== null;
}
