import type { Agent, Team } from '../../shared/model/index.ts';
import { generateDemo } from '../../server/demo/generate.ts';

/** One copy of the demo roster: its three teams and ten agents (a lead and an admin among them). */
export interface RosterGroup {
  teams: Team[];
  agents: Agent[];
}

/**
 * `groups` copies of the demo's teams and agents, so a large workspace has as many agents as a big
 * help desk. Group 0 is the demo's own (its log-ins work as documented); later groups number their
 * team names and agent names and address their agents as `name+gN@…`.
 */
export function rosterGroups(groups: number, seed: number, now: Date): RosterGroup[] {
  return Array.from({ length: groups }, (_, g) => {
    // The tiniest demo: only its roster is used, and each group gets its own ids.
    const { teams, agents } = generateDemo({ scale: 1e-6, seed: seed * 1_000 + g, now });
    if (g === 0) return { teams, agents };
    const n = g + 1;
    return {
      teams: teams.map((t) => ({ ...t, name: `${t.name} ${n}` })),
      agents: agents.map((a) => ({ ...a, name: `${a.name} ${n}`, email: a.email.replace('@', `+g${n}@`) })),
    };
  });
}
