import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { pullForGroup } from '../sync/group-pull.ts';
import { DELTA_MAX_CHANGES, type GroupPuller } from './delta.ts';

/** The hub's group reads, from the store: at most one delta's worth of changes (more means a poke). */
export function groupPuller(db: Kysely<Database>): GroupPuller {
  return (cursor, readers) => pullForGroup(db, cursor, readers, DELTA_MAX_CHANGES);
}
