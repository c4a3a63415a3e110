import type { Kysely } from 'kysely';
import type { Role } from '../../shared/model/index.ts';
import { getEntity } from '../store/entities.ts';
import type { Database } from '../store/schema.ts';
import { visibilityOf, type Visibility } from '../sync/scopes.ts';

/** The signed-in agent a request acts for. */
export interface Actor {
  agentId: string;
  role: Role;
  visibility: Visibility;
}

export async function loadActor(db: Kysely<Database>, agentId: string): Promise<Actor | undefined> {
  const agent = (await getEntity(db, 'agent', agentId))?.entity;
  return agent && { agentId, role: agent.role, visibility: visibilityOf(agent) };
}
