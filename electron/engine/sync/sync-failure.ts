import type { SyncStatus } from '../../../shared/ipc/views.ts';
import { log } from '../log.ts';
import { backoffDelay } from './backoff.ts';
import { ServerAnswerInvalid, ServerRefused, ServerUnreachable } from './sync-api.ts';

export interface SyncFailure {
  phase: SyncStatus['phase'];
  /** In words for the agent: what happened and what to do. */
  message: string;
  signOut?: boolean;
}

export const SESSION_ENDED_MESSAGE = 'Your session has ended. Sign in again; your unsynced changes are kept.';

/** What a failed sync cycle means for the agent, and what the loop does next. */
export function describeSyncFailure(err: unknown): SyncFailure {
  if (err instanceof ServerUnreachable) {
    return { phase: 'offline', message: `Offline: ${err.message} Your changes are kept and sent when the server is back.` };
  }
  if (err instanceof ServerRefused) {
    if (err.status === 401) {
      return { phase: 'signed_out', message: SESSION_ENDED_MESSAGE, signOut: true };
    }
    if (err.status >= 500 || err.status === 429) {
      return { phase: 'offline', message: `The server is having trouble (HTTP ${err.status}); retrying. Your changes are kept.` };
    }
    if (err.status === 403) {
      return { phase: 'error', message: `The server refused this workstation: ${err.message} Your changes are kept; ask an administrator.` };
    }
    return { phase: 'error', message: `Sync failed: ${err.message}` };
  }
  if (err instanceof ServerAnswerInvalid) return { phase: 'error', message: err.message };
  log.error('sync failed unexpectedly', err);
  return { phase: 'error', message: 'Sync failed unexpectedly; retrying. If it keeps happening, restart Orbit. Your changes are kept.' };
}

/** When to try again after failed attempt number `attempt`: the backoff, or later if the server asked (Retry-After). */
export function retryDelay(err: unknown, attempt: number, random: () => number = Math.random): number {
  const asked = err instanceof ServerRefused ? (err.retryAfterMs ?? 0) : 0;
  return Math.max(backoffDelay(attempt, random), asked);
}
