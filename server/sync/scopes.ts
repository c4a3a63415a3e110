import type { Agent, EntityKind } from '../../shared/model/index.ts';

/**
 * Which scope a row belongs to, and which scopes an agent may read. The one home of these
 * rules, so user scopes and eviction can extend them in one place.
 */
export const ORG_SCOPE = 'org';

export function teamScope(teamId: string | null): string {
  return `team:${teamId ?? 'none'}`;
}

/** What an agent may read: every scope (admin) or the listed ones, which always include `org`. */
export type Visibility = { readonly all: true } | { readonly all: false; readonly scopes: readonly string[] };

export function visibilityOf(agent: Pick<Agent, 'role' | 'teamIds'>): Visibility {
  if (agent.role === 'admin') return { all: true };
  return { all: false, scopes: [ORG_SCOPE, ...agent.teamIds.map(teamScope)] };
}

export function canSee(visibility: Visibility, scope: string): boolean {
  return visibility.all || visibility.scopes.includes(scope);
}

export function seesAny(visibility: Visibility, scopes: Iterable<string>): boolean {
  for (const scope of scopes) if (canSee(visibility, scope)) return true;
  return false;
}

/**
 * The scope of a row. A ticket lives in its team's scope; a message in its ticket's
 * (passed in, since it needs a lookup); everything else is shared by the whole org.
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
