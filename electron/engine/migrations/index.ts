import type { Migration } from '../replica/migrate.ts';
import { entities } from './001-entities.ts';
import { syncState } from './002-sync-state.ts';
import { scopes } from './004-scopes.ts';

/**
 * Version 3 belongs to the mutators work, merged separately; until it lands this empty step keeps
 * the numbering whole. The merge replaces it with that migration.
 */
const reservedForMutators: Migration = { version: 3, name: 'reserved-for-mutators', up: () => undefined };

/** Every replica migration in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [entities, syncState, reservedForMutators, scopes];
