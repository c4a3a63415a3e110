/**
 * Shortcut specs as commands declare them (see commands/command.ts): a single `KeyboardEvent.key`
 * ('r', '?', 'Enter'), with modifiers ('Mod+k', 'Shift+A', 'Alt+ArrowUp'), or a two-key sequence ('g i').
 * 'Mod' is Cmd on macOS and Ctrl elsewhere.
 */
export interface KeyStroke {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export type KeySpec = readonly KeyStroke[];

export function isMacPlatform(): boolean {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return /Mac|iPhone|iPad/.test(nav?.platform ?? nav?.userAgent ?? '');
}

function parseStroke(text: string): KeyStroke {
  // '+' alone (or as the last part, 'Shift++') is the plus key.
  const parts = text === '+' ? ['+'] : text.endsWith('++') ? [...text.slice(0, -2).split('+'), '+'] : text.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return { mod: mods.has('mod'), shift: mods.has('shift'), alt: mods.has('alt'), key };
}

export function parseKeys(spec: string): KeySpec {
  return spec.trim().split(/\s+/).map(parseStroke);
}

/** One canonical text per spec, so that 'Mod+K' and 'mod+k' collide. */
export function normalizeKeys(spec: string): string {
  return parseKeys(spec)
    .map((s) => `${s.mod ? 'Mod+' : ''}${s.alt ? 'Alt+' : ''}${s.shift ? 'Shift+' : ''}${s.key.length === 1 ? s.key.toLowerCase() : s.key}`)
    .join(' ');
}

export function hasModifier(stroke: KeyStroke): boolean {
  return stroke.mod || stroke.alt;
}

/** Does this keydown match the stroke? A one-character key carries its own shift ('?', 'A'), so Shift is only checked when the spec names it. */
export function matchesStroke(stroke: KeyStroke, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'> & { code?: string }, mac: boolean): boolean {
  const mod = mac ? e.metaKey : e.ctrlKey;
  const otherMod = mac ? e.ctrlKey : e.metaKey;
  if (mod !== stroke.mod || otherMod || e.altKey !== stroke.alt) return false;
  if (stroke.key.length === 1) {
    if (stroke.shift && !e.shiftKey) return false;
    if (!(stroke.mod || stroke.alt || stroke.shift)) return e.key === stroke.key;
    // With a modifier the key can read otherwise (Alt+1 is '¡' on a Mac, Ctrl+k is 'л' on a Russian layout): the physical key counts too.
    return e.key.toLowerCase() === stroke.key.toLowerCase() || (e.code !== undefined && e.code === physicalCode(stroke.key));
  }
  return e.shiftKey === stroke.shift && e.key === stroke.key;
}

function physicalCode(key: string): string | undefined {
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  return undefined;
}

const SYMBOLS_MAC: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
const NAMES: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', ' ': 'Space' };

/** What the help overlay and the palette show for a spec: one group of key caps per stroke. */
export function displayKeys(spec: string, mac = isMacPlatform()): string[][] {
  return parseKeys(spec).map((s) => {
    const caps: string[] = [];
    if (s.mod) caps.push(mac ? SYMBOLS_MAC.Mod! : 'Ctrl');
    if (s.alt) caps.push(mac ? SYMBOLS_MAC.Alt! : 'Alt');
    if (s.shift) caps.push(mac ? SYMBOLS_MAC.Shift! : 'Shift');
    const name = NAMES[s.key] ?? s.key;
    caps.push(s.mod || s.alt ? name.toUpperCase() : name);
    return caps;
  });
}
