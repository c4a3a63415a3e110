import type { Migration } from '../replica/migrate.ts';
import { entities } from './001-entities.ts';
import { syncState } from './002-sync-state.ts';
import { messageEvents } from './003-message-events.ts';
import { scopes } from './004-scopes.ts';
import { workspace } from './005-workspace.ts';
import { notifications } from './012-notifications.ts';

/**
 * Stand-ins for the replica migrations 006-011 reserved for other issue-5 branches, so that this
 * branch's 012 sits at its position. Each is replaced by the real one at merge; one never written stays a no-op.
 */
const reserved = (version: number): Migration => ({ version, name: `reserved-${version}`, up: () => undefined });

/** Every replica migration in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [
  entities,
  syncState,
  messageEvents,
  scopes,
  workspace,
  reserved(6),
  reserved(7),
  reserved(8),
  reserved(9),
  reserved(10),
  reserved(11),
  notifications,
];
