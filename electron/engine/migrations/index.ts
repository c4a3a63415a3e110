import type { Migration } from '../replica/migrate.ts';
import { entities } from './001-entities.ts';
import { syncState } from './002-sync-state.ts';
import { messageEvents } from './003-message-events.ts';
import { scopes } from './004-scopes.ts';
import { workspace } from './005-workspace.ts';
import { drafts } from './008-drafts.ts';

// MERGE NOTE (i5-composer): versions 6 and 7 belong to other issue-5 branches; these no-op stand-ins
// only keep the numbering whole on this branch. Replace them with the real 006 and 007 when merging.
const reserved = (version: number): Migration => ({ version, name: `reserved-${version}`, up() {} });

/** Every replica migration in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [entities, syncState, messageEvents, scopes, workspace, reserved(6), reserved(7), drafts];
