import { entitySchemas, type EntityKind, type EntityOf } from '../../../shared/model/index.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { log } from '../log.ts';
import type { EntityStore } from '../replica/entity-store.ts';

/**
 * Checks a row from the server against its schema. A bad row is logged and skipped: one
 * malformed row must never stop a sync (the rest of the page is still good).
 */
export function validServerRow<K extends EntityKind>(kind: K, data: unknown): EntityOf<K> | undefined {
  const parsed = entitySchemas[kind].safeParse(data);
  if (parsed.success) return parsed.data as EntityOf<K>;
  const issue = parsed.error.issues[0];
  const id = typeof data === 'object' && data !== null && 'id' in data ? String(data.id) : '?';
  log.warn(`skipped an invalid ${kind} row from the server (id ${id}): ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  return undefined;
}

/** Writes one snapshot page; returns how many rows were valid. */
export function applySnapshotRows(store: EntityStore, kind: EntityKind, rows: readonly unknown[]): number {
  let written = 0;
  for (const data of rows) {
    const row = validServerRow(kind, data);
    if (!row) continue;
    store.put(kind, row);
    written++;
  }
  return written;
}

/** Applies change-log entries in order; returns the kinds whose rows changed. */
export function applyChanges(store: EntityStore, changes: readonly Change[]): Set<EntityKind> {
  const kinds = new Set<EntityKind>();
  for (const change of changes) {
    if (change.op === 'del') {
      store.delete(change.kind, change.id);
      kinds.add(change.kind);
      continue;
    }
    const row = validServerRow(change.kind, change.data);
    if (!row) continue;
    if (row.id !== change.id) {
      log.warn(`skipped a ${change.kind} change whose row id ${row.id} differs from its entity id ${change.id}`);
      continue;
    }
    store.put(change.kind, row);
    kinds.add(change.kind);
  }
  return kinds;
}
