import type { Kysely } from 'kysely';
import { EntityKind, type EntityOf } from '../../../shared/model/index.ts';
import { consistentRead } from '../../../server/store/consistent-read.ts';
import { openDatabase } from '../../../server/store/dialect.ts';
import { fromRow } from '../../../server/store/rows.ts';
import { entityTables, type Database } from '../../../server/store/schema.ts';
import { readChecksums } from '../../../server/sync/checksums.ts';
import type { ScopeChecksum } from '../../../shared/sync/protocol.ts';
import type { TestServer } from '../../support/server.ts';

export interface ClientRecord {
  clientId: string;
  agentId: string;
  lastMutationId: number;
}

export interface Rejection {
  clientId: string;
  mutationId: number;
  name: string;
  reason: string;
}

/** A change-log entry made by a client mutation. */
export interface AttributedChange {
  seq: number;
  clientId: string;
  mutationId: number;
  kind: EntityKind;
  entityId: string;
}

/** What the server holds, read at one moment. */
export interface ServerSnapshot {
  rows: { [K in EntityKind]: EntityOf<K>[] };
  clients: ClientRecord[];
  rejections: Rejection[];
  changes: AttributedChange[];
  headSeq: number;
}

type Loose = Kysely<Record<string, Record<string, unknown>>>;

/**
 * Reads the test server's store with Kysely, beside the running server: the oracle's only way to
 * the server's data, so switching the suite to another store (ORBIT_TEST_STORE) changes `open` only.
 */
export class ServerState {
  readonly #db: Kysely<Database>;

  private constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  static open(server: TestServer): ServerState {
    return new ServerState(openDatabase(server.location));
  }

  async tickets(): Promise<EntityOf<'ticket'>[]> {
    return this.#rows(this.#db, 'ticket');
  }

  async agents(): Promise<EntityOf<'agent'>[]> {
    return this.#rows(this.#db, 'agent');
  }

  /** The server's count and hash sum of each scope. */
  checksums(scopes: readonly string[]): Promise<ScopeChecksum[]> {
    return readChecksums(this.#db, scopes);
  }

  async headSeq(): Promise<number> {
    const row = await this.#db.selectFrom('workspace').select('last_seq').executeTakeFirstOrThrow();
    return Number(row.last_seq);
  }

  /** Everything the oracle compares, read at one moment (one snapshot on PostgreSQL too). */
  snapshot(): Promise<ServerSnapshot> {
    return consistentRead(this.#db, async (trx) => {
      const rows = {} as Record<EntityKind, unknown[]>;
      for (const kind of EntityKind.options) rows[kind] = await this.#rows(trx, kind);
      const clients = await trx.selectFrom('clients').select(['client_id', 'agent_id', 'last_mutation_id']).execute();
      const rejections = await trx.selectFrom('rejected_mutations').select(['client_id', 'mutation_id', 'name', 'reason']).execute();
      const changes = await trx
        .selectFrom('change_log')
        .select(['seq', 'client_id', 'mutation_id', 'kind', 'entity_id'])
        .where('client_id', 'is not', null)
        .orderBy('seq')
        .execute();
      const { last_seq } = await trx.selectFrom('workspace').select('last_seq').executeTakeFirstOrThrow();
      return {
        rows: rows as ServerSnapshot['rows'],
        clients: clients.map((c) => ({ clientId: c.client_id, agentId: c.agent_id, lastMutationId: Number(c.last_mutation_id) })),
        rejections: rejections.map((r) => ({ clientId: r.client_id, mutationId: Number(r.mutation_id), name: r.name, reason: r.reason })),
        changes: changes.map((c) => ({
          seq: Number(c.seq),
          clientId: c.client_id as string,
          mutationId: Number(c.mutation_id),
          kind: c.kind,
          entityId: c.entity_id,
        })),
        headSeq: Number(last_seq),
      };
    });
  }

  close(): Promise<void> {
    return this.#db.destroy();
  }

  async #rows<K extends EntityKind>(db: Kysely<Database>, kind: K): Promise<EntityOf<K>[]> {
    const rows = await (db as unknown as Loose).selectFrom(entityTables[kind]).selectAll().orderBy('id').execute();
    return rows.map((r) => fromRow(kind, r));
  }
}
