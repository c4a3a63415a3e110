import { EntityKind } from '../../../shared/model/index.ts';
import type { ScopeChecksum } from '../../../shared/sync/protocol.ts';
import { addToChecksum, rowHash } from '../../../shared/sync/row-hash.ts';
import type { Db } from '../replica/open-replica.ts';
import { idsInScopes } from './scope-rows.ts';

const withHash = new WeakSet<Db>();

/** The replica's connection, with `orbit_row_hash(kind, id, version)` (shared/sync/row-hash.ts) callable from SQL. */
function hashing(db: Db): Db {
  if (!withHash.has(db)) {
    db.function('orbit_row_hash', { deterministic: true }, (kind, id, version) => rowHash(kind as EntityKind, String(id), Number(version)));
    withHash.add(db);
  }
  return db;
}

/**
 * The checksum of one scope over the replica's server rows: every row the scope holds by the
 * rows' own columns, hashed with the version the server sent it at. Rows without a server version
 * (retained, or never confirmed) do not count. Meaningful while the replica holds server state
 * only (no pending mutation applied), as inside a rebase before the replay.
 */
export function localChecksum(db: Db, scope: string): ScopeChecksum {
  let count = 0;
  let sum = 0;
  for (const kind of EntityKind.options) {
    const ids = idsInScopes(kind, [scope]);
    if (!ids) continue;
    const row = hashing(db)
      .prepare<unknown[], { n: number; s: number }>(
        `SELECT count(*) AS n, coalesce(sum(orbit_row_hash(v.kind, v.id, v.version)), 0) AS s FROM _versions v WHERE v.kind = ? AND v.id IN (${ids.sql})`,
      )
      .get(kind, ...ids.params);
    count += row?.n ?? 0;
    sum = addToChecksum(sum, row?.s ?? 0);
  }
  return { scope, count, sum };
}
