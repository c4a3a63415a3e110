import type { Agent } from '../../../shared/model/index.ts';
import type { StatementCache } from '../replica/statement-cache.ts';

export function directoryAgents(sql: StatementCache): Agent[] {
  return sql.all<{ data: string }>({ sql: 'SELECT data FROM agents ORDER BY name', params: [] }).map((r) => JSON.parse(r.data) as Agent);
}
