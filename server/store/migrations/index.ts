import type { Migration } from 'kysely/migration';
import * as entities from './001-entities.ts';
import * as sync from './002-sync.ts';
import * as auth from './003-auth.ts';
import * as messageEvents from './004-message-events.ts';
import * as scopes from './005-scopes.ts';
import * as workspace from './006-workspace.ts';
import * as ticketLinks from './007-ticket-links.ts';
import * as attachmentNames from './008-attachment-names.ts';
import * as ticketMetrics from './009-ticket-metrics.ts';
import * as savedReports from './011-saved-reports.ts';

/** Every migration by name, in order. Forward only: a shipped migration is never edited, only followed. */
export const migrations: Record<string, Migration> = {
  '001-entities': entities,
  '002-sync': sync,
  '003-auth': auth,
  '004-message-events': messageEvents,
  '005-scopes': scopes,
  '006-workspace': workspace,
  '007-ticket-links': ticketLinks,
  '008-attachment-names': attachmentNames,
  '009-ticket-metrics': ticketMetrics,
  // 010 belongs to another session-3 branch
  '011-saved-reports': savedReports,
};
