import type { Command } from './command.ts';

/** Commands grouped by section, sections in first-seen order, commands by title within each. */
export function bySection(commands: readonly Command[]): [string, Command[]][] {
  const groups = new Map<string, Command[]>();
  for (const c of commands) groups.set(c.section, [...(groups.get(c.section) ?? []), c]);
  return [...groups].map(([section, list]) => [section, [...list].sort((a, b) => a.title.localeCompare(b.title))]);
}
