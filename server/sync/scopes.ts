import type { Agent, EntityKind } from '../../shared/model/index.ts';
import { agentScopes, ORG_SCOPE, teamScope } from '../../shared/sync/scopes.ts';

export { ORG_SCOPE, teamScope };

/** What an agent may read: every scope (admin) or the listed ones, which always include `org`. */
export type Visibility = { readonly all: true } | { readonly all: false; readonly scopes: readonly string[] };

export function visibilityOf(agent: Pick<Agent, 'id' | 'role' | 'teamIds'>): Visibility {
  const scopes = agentScopes(agent);
  return scopes === 'all' ? { all: true } : { all: false, scopes };
}

export function canSee(visibility: Visibility, scope: string): boolean {
  return visibility.all || visibility.scopes.includes(scope);
}

export function seesAny(visibility: Visibility, scopes: Iterable<string>): boolean {
  for (const scope of scopes) if (canSee(visibility, scope)) return true;
  return false;
}

/**
 * The home scope of a row, kept in its table's `scope` column: a ticket's team, a message's
 * ticket's (passed in, since it needs a lookup), org for the rest. Which replicas hold the row
 * is decided by all its scopes (shared/sync/scopes.ts `scopesOfRow`), not by this one.
 */
export function scopeOf(kind: EntityKind, row: { teamId?: string | null }, ticketScope?: string): string {
  switch (kind) {
    case 'ticket':
      return teamScope(row.teamId ?? null);
    case 'message':
      if (ticketScope === undefined) throw new Error('The scope of a message is the scope of its ticket, which was not given.');
      return ticketScope;
    default:
      return ORG_SCOPE;
  }
}
