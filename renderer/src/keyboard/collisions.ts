import type { Command } from '../commands/command.ts';
import { normalizeKeys } from './keys.ts';

export interface KeyCollision {
  keys: string;
  ids: string[];
}

/**
 * Shortcuts that would fight: two commands on the same keys, or a single key that is also the
 * start of a sequence ('g' and 'g i': the sequence could never be typed). Disabled commands count
 * too: which one is enabled changes with what is on screen.
 */
export function findCollisions(commands: readonly Command[]): KeyCollision[] {
  const byKeys = new Map<string, string[]>();
  for (const c of commands) {
    if (!c.keys) continue;
    const k = normalizeKeys(c.keys);
    byKeys.set(k, [...(byKeys.get(k) ?? []), c.id]);
  }
  const collisions: KeyCollision[] = [];
  for (const [keys, ids] of byKeys) if (ids.length > 1) collisions.push({ keys, ids });
  for (const [keys, ids] of byKeys) {
    const first = keys.split(' ')[0]!;
    if (keys === first) continue;
    const single = byKeys.get(first);
    if (single) collisions.push({ keys: `${first} / ${keys}`, ids: [...single, ...ids] });
  }
  return collisions;
}
