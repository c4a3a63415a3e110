import type { EntityKind } from '../../../shared/model/index.ts';
import { groupScopes, ORG_KINDS, ORG_SCOPE } from '../../../shared/sync/scopes.ts';
import { entityTables } from '../replica/entity-tables.ts';

/** A SELECT of row ids, with its parameters. */
export interface IdQuery {
  sql: string;
  params: unknown[];
}

/** Tickets in any of `scopes` by their own columns (team, assignee); null when the scopes hold no tickets. */
function ticketIds(scopes: readonly string[]): IdQuery | null {
  const { teamIds, agentIds } = groupScopes(scopes);
  const teams = teamIds.filter((t) => t !== null);
  const terms: string[] = [];
  if (teams.length) terms.push(`team_id IN (${teams.map(() => '?').join(', ')})`);
  if (teamIds.includes(null)) terms.push('team_id IS NULL');
  if (agentIds.length) terms.push(`assignee_id IN (${agentIds.map(() => '?').join(', ')})`);
  return terms.length ? { sql: `SELECT id FROM tickets WHERE ${terms.join(' OR ')}`, params: [...teams, ...agentIds] } : null;
}

const threadsOf = (tickets: IdQuery): IdQuery => ({ sql: `SELECT id FROM messages WHERE ticket_id IN (${tickets.sql})`, params: tickets.params });

/**
 * The ids of `kind` rows of the replica that are in any of `scopes`, judged by the rows' own
 * columns with the rules of shared/sync/scopes.ts (a message by its ticket). Null when none can be.
 */
export function idsInScopes(kind: EntityKind, scopes: readonly string[]): IdQuery | null {
  if (ORG_KINDS.includes(kind)) return scopes.includes(ORG_SCOPE) ? { sql: `SELECT id FROM ${entityTables[kind].table}`, params: [] } : null;
  const tickets = ticketIds(scopes);
  if (!tickets) return null;
  return kind === 'ticket' ? tickets : threadsOf(tickets);
}

/** Like idsInScopes, but only rows in none of `kept`: what losing `scopes` takes away while `kept` stay. */
export function idsOnlyIn(kind: EntityKind, scopes: readonly string[], kept: readonly string[]): IdQuery | null {
  if (ORG_KINDS.includes(kind)) return kept.includes(ORG_SCOPE) ? null : idsInScopes(kind, scopes);
  const lost = ticketIds(scopes);
  if (!lost) return null;
  const stay = ticketIds(kept);
  const tickets = stay ? { sql: `${lost.sql} EXCEPT ${stay.sql}`, params: [...lost.params, ...stay.params] } : lost;
  return kind === 'ticket' ? tickets : threadsOf(tickets);
}
