import { z } from 'zod';
import type { Agent, EntityKind, Ticket } from '../model/index.ts';

/**
 * Replication scopes: which replicas hold a row. `org` holds the directory, customers and
 * articles; `team:<id>` (or `team:none`) a team's tickets; `user:<id>` the tickets assigned to
 * that agent, whatever their team. A ticket's messages are in its ticket's scopes. A row may be
 * in several scopes at once (a team's ticket assigned to someone). The server and the engine
 * both read these rules from here.
 */
export const Scope = z.string().regex(/^(org|team:none|team:[0-9a-f-]{36}|user:[0-9a-f-]{36})$/, 'Not a scope (org, team:<id>, team:none or user:<id>).');

export const ORG_SCOPE = 'org';

export function teamScope(teamId: string | null): string {
  return `team:${teamId ?? 'none'}`;
}

export function userScope(agentId: string): string {
  return `user:${agentId}`;
}

/** The parts of a scope name. */
export type ScopeRef = { type: 'org' } | { type: 'team'; teamId: string | null } | { type: 'user'; agentId: string };

export function parseScope(scope: string): ScopeRef {
  if (scope === ORG_SCOPE) return { type: 'org' };
  if (scope === 'team:none') return { type: 'team', teamId: null };
  if (scope.startsWith('team:')) return { type: 'team', teamId: scope.slice('team:'.length) };
  if (scope.startsWith('user:')) return { type: 'user', agentId: scope.slice('user:'.length) };
  throw new Error(`Not a scope: ${scope}`);
}

/** The ticket-holding scopes of a set: teams (null: tickets of no team), and users (their assigned tickets). */
export interface TicketScopes {
  teamIds: (string | null)[];
  agentIds: string[];
}

export function groupScopes(scopes: readonly string[]): TicketScopes {
  const groups: TicketScopes = { teamIds: [], agentIds: [] };
  for (const scope of scopes) {
    const ref = parseScope(scope);
    if (ref.type === 'team') groups.teamIds.push(ref.teamId);
    else if (ref.type === 'user') groups.agentIds.push(ref.agentId);
  }
  return groups;
}

/** Kinds whose rows all live in `org`. Tickets and messages live in team and user scopes. */
export const ORG_KINDS: readonly EntityKind[] = ['team', 'agent', 'account', 'contact', 'article', 'slaPolicy', 'macro', 'view', 'report'];

export function ticketScopes(ticket: Pick<Ticket, 'teamId' | 'assigneeId'>): string[] {
  const team = teamScope(ticket.teamId);
  return ticket.assigneeId ? [team, userScope(ticket.assigneeId)] : [team];
}

/** Every scope a row is in. A message needs its ticket: its scopes are its ticket's. */
export function scopesOfRow(kind: EntityKind, row: object, ticketOfMessage?: Pick<Ticket, 'teamId' | 'assigneeId'>): string[] {
  if (kind === 'ticket') return ticketScopes(row as Ticket);
  if (kind === 'message') {
    if (!ticketOfMessage) throw new Error('The scopes of a message are those of its ticket, which was not given.');
    return ticketScopes(ticketOfMessage);
  }
  return [ORG_SCOPE];
}

/**
 * What an agent's replica holds: every scope for an admin ('all'); for agents and leads the org,
 * their teams, and their own user scope (tickets assigned to them in any team).
 */
export function agentScopes(agent: Pick<Agent, 'id' | 'role' | 'teamIds'>): string[] | 'all' {
  if (agent.role === 'admin') return 'all';
  return [ORG_SCOPE, ...agent.teamIds.map(teamScope), userScope(agent.id)];
}
