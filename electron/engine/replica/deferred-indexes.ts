import { z } from 'zod';
import { entityTables } from './entity-tables.ts';
import type { Meta } from './meta.ts';
import type { Db } from './open-replica.ts';
import type { ReplicaWriter } from './writer.ts';

const Statements = z.array(z.string());
const TABLES = Object.values(entityTables).map((t) => t.table);

/**
 * Drops the secondary indexes of the entity tables, keeping their SQL in `_meta`, so that a bulk
 * load writes the tables alone (several times faster); `restoreIndexes` builds them afterwards.
 * Call inside a ReplicaWriter transaction.
 */
export function deferIndexes(db: Db, meta: Meta): void {
  const indexes = db
    .prepare<unknown[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${TABLES.map(() => '?').join(', ')})`)
    .all(...TABLES);
  if (indexes.length === 0) return;
  meta.setJson('deferred_indexes', [...(meta.getJson('deferred_indexes', Statements) ?? []), ...indexes.map((i) => i.sql)]);
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
}

/** Builds the deferred indexes, one per transaction so that the agent's own writes can go in between (not synced: a lost one is built again). */
export async function restoreIndexes(db: Db, meta: Meta, writer: ReplicaWriter): Promise<void> {
  for (let left = true; left; ) {
    left = await writer.transaction(() => {
      const [next, ...rest] = meta.getJson('deferred_indexes', Statements) ?? [];
      if (next === undefined) return false;
      db.exec(next.replace(/^CREATE (UNIQUE )?INDEX /i, (m) => `${m}IF NOT EXISTS `));
      if (rest.length) meta.setJson('deferred_indexes', rest);
      else meta.delete('deferred_indexes');
      return rest.length > 0;
    }, { durable: false });
  }
}
