import type { Migration } from '../replica/migrate.ts';
import { entities } from './001-entities.ts';
import { syncState } from './002-sync-state.ts';
import { messageEvents } from './003-message-events.ts';
import { scopes } from './004-scopes.ts';
import { workspace } from './005-workspace.ts';
import { drafts } from './006-drafts.ts';
import { search } from './007-search.ts';
import { queueViews } from './008-queue-views.ts';
import { notifications } from './009-notifications.ts';
import { uploads } from './010-uploads.ts';
import { problemLinks } from './011-problem-links.ts';
import { ticketMetrics } from './012-ticket-metrics.ts';
import { reportFacts } from './015-report-facts.ts';

/**
 * Replica migrations 013 and 014 belong to other session-3 branches; on this branch they are empty
 * steps so that 015 keeps its number. Merging those branches replaces these two with theirs.
 */
const reserved = (version: number): Migration => ({ version, name: 'reserved', up: () => undefined });

/** Every replica migration in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [entities, syncState, messageEvents, scopes, workspace, drafts, search, queueViews, notifications, uploads, problemLinks, ticketMetrics, reserved(13), reserved(14), reportFacts];
