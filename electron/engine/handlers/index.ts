import type { EngineContext } from '../engine-context.ts';
import { articleHandlers } from './article.ts';
import { customerHandlers } from './customer.ts';
import { presenceHandlers } from './presence.ts';
import { queueHandlers } from './queue.ts';
import { sessionHandlers } from './session.ts';
import { syncIssueHandlers } from './sync-issues.ts';
import { syncHandlers } from './sync.ts';
import { ticketHandlers } from './ticket.ts';
import { viewHandlers } from './queue-views.ts';
import { ticketActionHandlers } from './ticket-actions.ts';
import { composerHandlers } from './composer.ts';
import { attachmentHandlers } from './attachments.ts';
import { slaHandlers } from './sla.ts';
import { searchHandlers } from './search.ts';
import { notificationHandlers } from './notifications.ts';
import { reportHandlers } from './reports.ts';
import { satisfactionHandlers } from './satisfaction.ts';
import type { Handlers } from './types.ts';

/** Every procedure of shared/ipc/contract.ts, by area. */
export function createHandlers(ctx: EngineContext): Handlers {
  return {
    ...sessionHandlers(ctx),
    ...queueHandlers(ctx),
    ...ticketHandlers(ctx),
    ...customerHandlers(ctx),
    ...articleHandlers(ctx),
    ...syncHandlers(ctx),
    ...syncIssueHandlers(ctx),
    ...presenceHandlers(ctx),
    ...viewHandlers(ctx),
    ...ticketActionHandlers(ctx),
    ...composerHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...slaHandlers(ctx),
    ...searchHandlers(ctx),
    ...notificationHandlers(ctx),
    ...reportHandlers(ctx),
    ...satisfactionHandlers(ctx),
  };
}
