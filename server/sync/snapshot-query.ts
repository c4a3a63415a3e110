import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import { UNSOLVED_STATUSES } from '../../shared/rules/status.ts';
import type { HistoryPart } from '../../shared/sync/protocol.ts';
import { parseScope } from '../../shared/sync/scopes.ts';
import type { Database } from '../store/schema.ts';

/** The store's tables with the `version` column migration 005 added to the entity tables. */
export type VersionedTables = { [T in keyof Database]: Database[T] & { version: number } };
export type VersionedDb = Kysely<VersionedTables> | Transaction<VersionedTables>;

type TicketEb = ExpressionBuilder<{ t: VersionedTables['tickets'] }, 't'>;

/** Tickets in any of `scopes` (team and user scopes; org holds no tickets), or null when no scope can hold one. */
export function ticketInScopes(eb: TicketEb, scopes: readonly string[]): Expression<SqlBool> | null {
  const teams: string[] = [];
  const users: string[] = [];
  let noTeam = false;
  for (const scope of scopes) {
    const ref = parseScope(scope);
    if (ref.type === 'team' && ref.teamId === null) noTeam = true;
    else if (ref.type === 'team' && ref.teamId !== null) teams.push(ref.teamId);
    else if (ref.type === 'user') users.push(ref.agentId);
  }
  const terms: Expression<SqlBool>[] = [];
  if (teams.length) terms.push(eb('t.team_id', 'in', teams));
  if (noTeam) terms.push(eb('t.team_id', 'is', null));
  if (users.length) terms.push(eb('t.assignee_id', 'in', users));
  return terms.length ? eb.or(terms) : null;
}

/**
 * Tickets in one share of the history (see HistoryPart). The three shares cover every ticket
 * exactly once, and a ticket can only move to `rest`, the share read last.
 */
export function ticketInPart(eb: TicketEb, history: HistoryPart): Expression<SqlBool> {
  const settled = eb('t.version', '<=', history.cursorSeq);
  const unsolved = eb('t.status', 'in', [...UNSOLVED_STATUSES]);
  const recent = eb('t.updated_at', '>=', new Date(history.recentSince).toISOString());
  switch (history.part) {
    case 'open':
      return eb.and([settled, unsolved]);
    case 'recent':
      return eb.and([settled, eb.not(unsolved), recent]);
    case 'rest':
      return eb.or([eb.not(settled), eb.and([eb.not(unsolved), eb.not(recent)])]);
  }
}

/** Both filters together, or null when the scopes hold no tickets. */
export function ticketFilter(eb: TicketEb, scopes: readonly string[], history: HistoryPart | undefined): Expression<SqlBool> | null {
  const inScopes = ticketInScopes(eb, scopes);
  if (!inScopes) return null;
  return history ? eb.and([inScopes, ticketInPart(eb, history)]) : inScopes;
}
