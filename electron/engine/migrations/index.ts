import type { Migration } from '../replica/migrate.ts';
import { entities } from './001-entities.ts';
import { syncState } from './002-sync-state.ts';
import { messageEvents } from './003-message-events.ts';
import { scopes } from './004-scopes.ts';
import { workspace } from './005-workspace.ts';
import { uploads } from './009-uploads.ts';

/** Every replica migration in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [entities, syncState, messageEvents, scopes, workspace, uploads];
