import type { Agent, Team } from '../../../shared/model/index.ts';
import type { StatementCache } from '../replica/statement-cache.ts';

export function directoryAgents(sql: StatementCache): Agent[] {
  return sql.all<{ data: string }>({ sql: 'SELECT data FROM agents ORDER BY name', params: [] }).map((r) => JSON.parse(r.data) as Agent);
}

/** Every team, by name (the teams table has no name column: a few dozen rows sort fine in memory). */
export function directoryTeams(sql: StatementCache): Team[] {
  return sql
    .all<{ data: string }>({ sql: 'SELECT data FROM teams', params: [] })
    .map((r) => JSON.parse(r.data) as Team)
    .sort((a, b) => a.name.localeCompare(b.name));
}
