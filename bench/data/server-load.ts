import SQLite from 'better-sqlite3';
import type { EntityKind, EntityOf } from '../../shared/model/index.ts';
import { ORG_SCOPE, ticketScopes } from '../../shared/sync/scopes.ts';
import type { StoreLocation } from '../../server/store/dialect.ts';
import { insertEntities } from '../../server/store/entities.ts';
import { toRow } from '../../server/store/rows.ts';
import { entityTables } from '../../server/store/schema.ts';
import { ChecksumDeltas } from '../../server/sync/checksums.ts';
import { scopeOf } from '../../server/sync/scopes.ts';
import { completeStore, createStore, withStore } from './server-store.ts';
import type { LargeWorkspace } from './workspace.ts';

/** Rows per transaction: large enough that commits cost nothing, small enough to keep memory flat. */
const BATCH_ROWS = 50_000;

export type LoadedCounts = Record<(typeof entityTables)[EntityKind], number>;

interface ScopedRow {
  kind: EntityKind;
  entity: EntityOf<EntityKind>;
  /** Every scope the row is in; the first is its home scope (the `scope` column). */
  scopes: string[];
}

/** The workspace's rows in load order (directory, then chunk by chunk), each with its scopes. */
function* scopedRows(workspace: LargeWorkspace): Generator<ScopedRow> {
  for (const entity of workspace.teams) yield { kind: 'team', entity, scopes: [ORG_SCOPE] };
  for (const entity of workspace.agents) yield { kind: 'agent', entity, scopes: [ORG_SCOPE] };
  for (const chunk of workspace.chunks()) {
    for (const entity of chunk.accounts) yield { kind: 'account', entity, scopes: [ORG_SCOPE] };
    for (const entity of chunk.contacts) yield { kind: 'contact', entity, scopes: [ORG_SCOPE] };
    for (const entity of chunk.articles) yield { kind: 'article', entity, scopes: [ORG_SCOPE] };
    const scopesOf = new Map(chunk.tickets.map((t) => [t.id, ticketScopes(t)]));
    for (const entity of chunk.tickets) yield { kind: 'ticket', entity, scopes: scopesOf.get(entity.id) as string[] };
    for (const entity of chunk.messages) yield { kind: 'message', entity, scopes: scopesOf.get(entity.ticketId) as string[] };
  }
}

const homeScope = ({ kind, entity, scopes }: ScopedRow) => scopeOf(kind, entity as { teamId?: string | null }, scopes[0]);

/**
 * Writes a large workspace into a new server store: rows at version 0 (no logged change yet) with
 * the checksums the server would have kept for them, every agent's log-in, a new epoch. SQLite
 * takes the bulk-load path of TOOLCHAIN.md; PostgreSQL the server's own batched inserts.
 */
export async function loadStore(location: StoreLocation, workspace: LargeWorkspace, onProgress: (message: string) => void = () => {}): Promise<LoadedCounts> {
  await createStore(location);
  const checksums = new ChecksumDeltas();
  const counts = Object.fromEntries(Object.values(entityTables).map((t) => [t, 0])) as LoadedCounts;
  let lastNumber = 0;
  const counted = function* (): Generator<ScopedRow> {
    for (const row of scopedRows(workspace)) {
      checksums.add(row.scopes, row.kind, row.entity.id, 0);
      counts[entityTables[row.kind]] += 1;
      if (row.kind === 'ticket') lastNumber = Math.max(lastNumber, (row.entity as EntityOf<'ticket'>).number ?? 0);
      if (counts.tickets % 100_000 === 0 && row.kind === 'ticket') onProgress(`${counts.tickets.toLocaleString('en')} tickets written`);
      yield row;
    }
  };
  if (location.dbFile !== undefined) bulkLoadSqlite(location.dbFile, counted(), onProgress);
  else await loadThroughStore(location, counted());
  await completeStore(location, workspace.agents.map((a) => a.id), lastNumber, checksums);
  return counts;
}

/** Entity indexes dropped, prepared inserts in 50k-row transactions with no journal, indexes built after. */
function bulkLoadSqlite(dbFile: string, rows: Iterable<ScopedRow>, onProgress: (message: string) => void): void {
  const db = new SQLite(dbFile);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    const tables = Object.values(entityTables);
    const indexes = db
      .prepare<string[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`)
      .all(...tables);
    for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
    const inserts = new Map<string, { columns: string[]; statement: SQLite.Statement<unknown[]> }>();
    let pending = 0;
    db.exec('BEGIN');
    for (const row of rows) {
      const values = toRow(row.kind, row.entity, homeScope(row)) as Record<string, unknown>;
      const table = entityTables[row.kind];
      let insert = inserts.get(table);
      if (!insert) {
        const columns = Object.keys(values);
        insert = { columns, statement: db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`) };
        inserts.set(table, insert);
      }
      insert.statement.run(insert.columns.map((c) => values[c]));
      if (++pending % BATCH_ROWS === 0) db.exec('COMMIT; BEGIN');
    }
    db.exec('COMMIT');
    for (const { name, sql } of indexes) {
      onProgress(`building index ${name}`);
      db.exec(sql);
    }
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/** Through the server's own insertEntities, a kind's consecutive rows at a time, BATCH_ROWS per transaction. */
async function loadThroughStore(location: StoreLocation, rows: Iterable<ScopedRow>): Promise<void> {
  await withStore(location, async (db) => {
    let batch: ScopedRow[] = [];
    const flush = async () => {
      const [first] = batch;
      if (!first) return;
      const items = batch.map((row) => ({ entity: row.entity, scope: homeScope(row) }));
      await db.transaction().execute((trx) => insertEntities(trx, first.kind, items));
      batch = [];
    };
    for (const row of rows) {
      if (batch.length >= BATCH_ROWS || (batch[0] && batch[0].kind !== row.kind)) await flush();
      batch.push(row);
    }
    await flush();
  });
}
