import { EntityKind } from '../../../shared/model/index.ts';
import { rowHash } from '../../../shared/sync/row-hash.ts';
import { scopesOfRow, ticketScopes } from '../../../shared/sync/scopes.ts';
import { log } from '../log.ts';
import { entityTables } from '../replica/entity-tables.ts';
import type { Replica } from '../replica/replica.ts';

interface Found {
  id: string;
  version: number | null;
  scopes: string | null;
  hash: number | null;
  present: number;
  team_id: string | null;
  assignee_id: string | null;
  has_ticket: number;
}

/** Where a kind's scope columns come from: a ticket's own, a message's ticket's. */
const SCOPE_COLUMNS: Record<string, { join: string; columns: string }> = {
  ticket: { join: '', columns: 'e.team_id, e.assignee_id, 1 AS has_ticket' },
  message: { join: 'LEFT JOIN tickets t ON t.id = e.ticket_id', columns: 't.team_id, t.assignee_id, t.id IS NOT NULL AS has_ticket' },
};

function derivedScopes(kind: EntityKind, row: Found): string[] {
  if (kind !== 'ticket' && kind !== 'message') return scopesOfRow(kind, {});
  return row.has_ticket ? ticketScopes({ teamId: row.team_id, assigneeId: row.assignee_id }) : [];
}

const checked = new WeakSet<Replica>();

/**
 * Once per session (the replica may have changed while the engine was not looking: a crash, a
 * disk fault, a hand edit), checks the record of server rows against the rows themselves. A
 * record whose row is missing, whose hash does not match its version, or whose row now sits in
 * other scopes is dropped; a row the record does not know (and no pending mutation keeps) is
 * suspect too. Returns every held scope such rows are in (so that none of their scopes counts as
 * sound): those are downloaded again. Rows in none of them are removed. Runs at server state
 * (inside a rebase, before the replay).
 */
export function checkReplicaOnce(replica: Replica, held: readonly string[]): string[] {
  if (checked.has(replica)) return [];
  checked.add(replica);
  return replica.serverRows.batch(() => checkRows(replica, held));
}

function checkRows(replica: Replica, held: readonly string[]): string[] {
  const { db, serverRows } = replica;
  const repair = new Set<string>();
  const outside: [EntityKind, string][] = [];
  let suspicious = 0;
  for (const kind of EntityKind.options) {
    const { join, columns } = SCOPE_COLUMNS[kind] ?? { join: '', columns: 'NULL AS team_id, NULL AS assignee_id, 0 AS has_ticket' };
    const table = entityTables[kind].table;
    const recorded = db
      .prepare<[string], Found>(`SELECT v.id, v.version, v.scopes, v.hash, e.id IS NOT NULL AS present, ${columns} FROM _versions v LEFT JOIN ${table} e ON e.id = v.id ${join} WHERE v.kind = ?`)
      .all(kind);
    const unknown = db
      .prepare<[string, string], Found>(
        `SELECT e.id, NULL AS version, NULL AS scopes, NULL AS hash, 1 AS present, ${columns} FROM ${table} e ${join}
         WHERE NOT EXISTS (SELECT 1 FROM _versions v WHERE v.kind = ? AND v.id = e.id) AND NOT EXISTS (SELECT 1 FROM _retained r WHERE r.kind = ? AND r.id = e.id)`,
      )
      .all(kind, kind);
    for (const row of [...recorded, ...unknown]) {
      const now = row.present ? derivedScopes(kind, row) : [];
      const recordedScopes = row.scopes === null ? null : (JSON.parse(row.scopes) as string[]);
      const sound = recordedScopes !== null && row.present && row.hash === rowHash(kind, row.id, row.version ?? -1) && JSON.stringify(now) === row.scopes;
      if (sound) continue;
      suspicious++;
      if (recordedScopes) serverRows.versions.forget(kind, row.id);
      const touched = [...(recordedScopes ?? []), ...now].filter((s) => held.includes(s));
      touched.forEach((s) => repair.add(s));
      if (row.present && !now.some((s) => held.includes(s))) outside.push([kind, row.id]);
    }
  }
  if (suspicious) log.warn(`${suspicious} replica rows do not match the record of what the server sent; downloading ${[...repair].join(', ') || 'nothing'} again`);
  for (const [kind, id] of outside) serverRows.remove(kind, id);
  return [...repair];
}
