import { useId } from 'react';
import { useSession, useTeams } from '../data/queries.ts';

/** The teams an agent may filter by: their own; leads and admins every team. */
export function useFilterTeams() {
  const session = useSession();
  const teams = useTeams();
  const agent = session.data?.state === 'signed_in' ? session.data.agent : null;
  const all = teams.data ?? [];
  if (!agent) return [];
  return agent.role === 'agent' ? all.filter((t) => agent.teamIds.includes(t.id)) : all;
}

/** One team, or all the agent can see. */
export function TeamFilter({ teamIds, onChange }: { teamIds: string[]; onChange(teamIds: string[]): void }) {
  const id = useId();
  const teams = useFilterTeams();
  return (
    <span className="team-filter">
      <label htmlFor={id}>Team</label>
      <select id={id} value={teamIds[0] ?? ''} onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}>
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </span>
  );
}
