import { useEffect, useRef } from 'react';
import type { Command } from './command.ts';
import { useCommandStore } from './command-store.ts';

/**
 * Registers commands while the calling component is mounted. Pass a fresh list on every render:
 * it is re-registered only when ids, titles, keys or enabled flags change, and `run` always calls
 * the latest closure.
 */
export function useCommands(commands: readonly Command[]): void {
  const source = useRef(Symbol('commands')).current;
  const latest = useRef(commands);
  latest.current = commands;
  const signature = commands.map((c) => `${c.id}|${c.title}|${c.section}|${c.keys ?? ''}|${c.enabled ?? true}|${(c.keywords ?? []).join(',')}`).join('\n');

  useEffect(() => {
    const stable = latest.current.map((c) => ({ ...c, run: () => latest.current.find((l) => l.id === c.id)?.run() }));
    useCommandStore.getState().register(source, stable);
  }, [source, signature]);

  useEffect(() => () => useCommandStore.getState().unregister(source), [source]);
}
