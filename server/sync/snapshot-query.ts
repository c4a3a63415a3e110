import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import { UNSOLVED_STATUSES } from '../../shared/rules/status.ts';
import type { HistoryPart } from '../../shared/sync/protocol.ts';
import { groupScopes } from '../../shared/sync/scopes.ts';
import type { Database } from '../store/schema.ts';

/** The store's tables with the `version` column migration 005 added to the entity tables. */
export type VersionedTables = { [T in keyof Database]: Database[T] & { version: number } };
export type VersionedDb = Kysely<VersionedTables> | Transaction<VersionedTables>;

type TicketEb = ExpressionBuilder<{ t: VersionedTables['tickets'] }, 't'>;

/** A ticket condition, built per query. */
export type TicketTerm = (eb: TicketEb) => Expression<SqlBool>;

/**
 * One condition per index range the scopes cover: a team (or no team), or the tickets assigned to
 * a user. Org holds no tickets. Empty when the scopes can hold no ticket.
 */
export function scopeTerms(scopes: readonly string[]): TicketTerm[] {
  const { teamIds, agentIds } = groupScopes(scopes);
  return [
    ...teamIds.map((teamId): TicketTerm => (eb) => (teamId === null ? eb('t.team_id', 'is', null) : eb('t.team_id', '=', teamId))),
    ...agentIds.map((agentId): TicketTerm => (eb) => eb('t.assignee_id', '=', agentId)),
  ];
}

/** Tickets in any of `scopes`, or null when the scopes hold no tickets. */
export function ticketInScopes(eb: TicketEb, scopes: readonly string[]): Expression<SqlBool> | null {
  const terms = scopeTerms(scopes).map((term) => term(eb));
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
