import { useSession, useTeams } from '../data/queries.ts';
import { Choice } from './Choice.tsx';

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
  const teams = useFilterTeams();
  return <Choice className="team-filter" label="Team" none="All teams" value={teamIds[0]} options={teams.map((t) => ({ value: t.id, label: t.name }))} onChange={(v) => onChange(v ? [v] : [])} />;
}
