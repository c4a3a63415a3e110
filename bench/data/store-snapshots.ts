import SQLite from 'better-sqlite3';
import { SyncApi } from '../../electron/engine/sync/sync-api.ts';
import { EntityKind } from '../../shared/model/index.ts';
import { ORG_SCOPE } from '../../shared/sync/scopes.ts';
import type { BootstrapResponse, SnapshotRequest, SnapshotResponse } from '../../shared/sync/protocol.ts';
import { fromRow } from '../../server/store/rows.ts';
import { entityTables } from '../../server/store/schema.ts';

/** Nothing listens here: the API is never asked over the network. */
const NOWHERE = 'http://127.0.0.1:9';

/**
 * Snapshot pages read straight from a server's SQLite store, in rowid order, for the engine's own
 * bootstrap: fills a full replica at the speed of the replica's writes, without the server's
 * snapshot queries. Every row of a kind comes with its first share; the later shares are empty.
 */
export class StoreSnapshots extends SyncApi {
  readonly #db: SQLite.Database;

  constructor(serverDb: string) {
    super(NOWHERE, null);
    this.#db = new SQLite(serverDb, { readonly: true });
  }

  override async bootstrap(): Promise<BootstrapResponse> {
    const { epoch, last_seq } = this.#db.prepare<[], { epoch: string; last_seq: number }>('SELECT epoch, last_seq FROM workspace').get() as { epoch: string; last_seq: number };
    const counts = Object.fromEntries(EntityKind.options.map((kind) => [kind, this.#db.prepare<[], number>(`SELECT count(*) FROM ${entityTables[kind]}`).pluck().get() ?? 0]));
    const held = this.#db.prepare<[], string>('SELECT scope FROM scope_checksums WHERE row_count > 0 ORDER BY scope').pluck().all();
    return { cursor: { epoch, seq: last_seq }, lastMutationId: 0, counts, scopes: [...new Set([ORG_SCOPE, ...held])] };
  }

  override async snapshot(request: SnapshotRequest): Promise<SnapshotResponse> {
    if (request.history && request.history.part !== 'open') return { rows: [], versions: [], next: null };
    const limit = request.limit ?? 1000;
    const rows = this.#db
      .prepare<[number, number], Record<string, unknown>>(`SELECT rowid AS _rowid, * FROM ${entityTables[request.kind]} WHERE rowid > ? ORDER BY rowid LIMIT ?`)
      .all(Number(request.after ?? 0), limit);
    const last = rows.at(-1);
    return {
      rows: rows.map((r) => fromRow(request.kind, r)),
      versions: rows.map((r) => Number(r.version)),
      next: rows.length === limit && last ? String(last._rowid) : null,
    };
  }

  close(): void {
    this.#db.close();
  }
}
