import type { AttachmentService } from './attachments/attachment-service.ts';
import type { CrashPoints } from './crash-points.ts';
import type { EngineEvents } from './events.ts';
import type { NotificationDeriver } from './notifications/derive.ts';
import type { PresenceBoard } from './presence/presence-board.ts';
import type { Replica } from './replica/replica.ts';
import type { StatementCache } from './replica/statement-cache.ts';
import type { SessionStore } from './session/session-store.ts';
import type { SyncStatusBoard } from './sync/status-board.ts';
import type { SyncLoop } from './sync/sync-loop.ts';

/** What the procedure handlers work with: one engine's replica, session, sync and events. */
export interface EngineContext {
  replica: Replica;
  sql: StatementCache;
  session: SessionStore;
  sync: SyncLoop;
  status: SyncStatusBoard;
  events: EngineEvents;
  presence: PresenceBoard;
  crashPoints: CrashPoints;
  notifications: NotificationDeriver;
  attachments: AttachmentService;
}
