import type { EntityKind, EntityOf } from '../../../shared/model/index.ts';
import { UNSOLVED_STATUSES } from '../../../shared/rules/status.ts';

type Column<K extends EntityKind> = (row: EntityOf<K>) => string | number | null;

/** Where each kind lives and how its typed columns derive from the row (see migrations/001-entities.ts). */
export const entityTables: { readonly [K in EntityKind]: { readonly table: string; readonly columns: Readonly<Record<string, Column<K>>> } } = {
  team: { table: 'teams', columns: {} },
  agent: { table: 'agents', columns: { name: (a) => a.name } },
  account: { table: 'accounts', columns: { name: (a) => a.name } },
  contact: { table: 'contacts', columns: { account_id: (c) => c.accountId, name: (c) => c.name } },
  ticket: {
    table: 'tickets',
    columns: {
      unsolved: (t) => (UNSOLVED_STATUSES.includes(t.status) ? 1 : 0),
      team_id: (t) => t.teamId,
      assignee_id: (t) => t.assigneeId,
      requester_id: (t) => t.requesterId,
      account_id: (t) => t.accountId,
      created_at: (t) => utc(t.createdAt),
      updated_at: (t) => utc(t.updatedAt),
    },
  },
  message: {
    table: 'messages',
    columns: { ticket_id: (m) => m.ticketId, author_id: (m) => m.authorId, created_at: (m) => utc(m.createdAt) },
  },
  article: { table: 'articles', columns: {} },
};

/** ISO times may carry any offset; typed columns hold UTC so that text order is time order. */
function utc(iso: string): string {
  return new Date(iso).toISOString();
}
