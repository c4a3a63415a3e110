import { useEffect } from 'react';
import { allCommands, useCommandStore } from '../commands/command-store.ts';
import { findCollisions } from './collisions.ts';
import { createShortcutDispatcher } from './dispatcher.ts';

/** Mounts the one window keydown listener that runs registered commands by their keys (see dispatcher.ts). */
export function useShortcutDispatcher(): void {
  useEffect(() => {
    const onKeyDown = createShortcutDispatcher({ commands: () => allCommands(useCommandStore.getState().sources) });
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Development only: two commands on one shortcut is a bug to see at once (the components test checks the whole workspace).
  useEffect(() => {
    if (!import.meta.env.DEV) return;
    const reported = new Set<string>();
    const check = () => {
      for (const c of findCollisions(allCommands(useCommandStore.getState().sources))) {
        const text = `Shortcut collision on "${c.keys}": ${c.ids.join(', ')}`;
        if (reported.has(text)) continue;
        reported.add(text);
        console.error(text);
      }
    };
    check();
    return useCommandStore.subscribe(check);
  }, []);
}
