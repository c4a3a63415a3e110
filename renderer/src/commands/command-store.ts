import { create } from 'zustand';
import type { Command } from './command.ts';

interface CommandState {
  /** Registered command lists by the key of the component that registered them. */
  sources: ReadonlyMap<symbol, readonly Command[]>;
  register(source: symbol, commands: readonly Command[]): void;
  unregister(source: symbol): void;
}

/** Every command of the mounted UI. Ids are unique across the UI; a duplicate replaces the one registered before it. */
export const useCommandStore = create<CommandState>()((set) => ({
  sources: new Map(),
  register: (source, commands) => set((s) => ({ sources: new Map(s.sources).set(source, commands) })),
  unregister: (source) =>
    set((s) => {
      const sources = new Map(s.sources);
      sources.delete(source);
      return { sources };
    }),
}));

/** The current commands, one per id, in registration order. */
export function allCommands(sources: ReadonlyMap<symbol, readonly Command[]>): Command[] {
  const byId = new Map<string, Command>();
  for (const list of sources.values()) for (const c of list) byId.set(c.id, c);
  return [...byId.values()];
}
