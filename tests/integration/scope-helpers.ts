import Database from 'better-sqlite3';
import { entityTables } from '../../electron/engine/replica/entity-tables.ts';
import { Replica } from '../../electron/engine/replica/replica.ts';
import { bootstrap } from '../../electron/engine/sync/bootstrap.ts';
import { catchUp } from '../../electron/engine/sync/catch-up.ts';
import { SyncApi } from '../../electron/engine/sync/sync-api.ts';
import { DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import type { StoreLocation } from '../../server/store/dialect.ts';
import { readChecksums } from '../../server/sync/checksums.ts';
import { newId } from '../../shared/ids.ts';
import type { Agent, EntityKind, Message, Ticket } from '../../shared/model/index.ts';
import type { BootstrapRequest } from '../../shared/sync/bootstrap-request.ts';
import type { ScopeChecksum, SnapshotRequest } from '../../shared/sync/protocol.ts';
import { addToChecksum, rowHash } from '../../shared/sync/row-hash.ts';
import { ORG_KINDS, ORG_SCOPE, ticketScopes } from '../../shared/sync/scopes.ts';
import { agentByEmail, readStore } from '../unit/server/api.ts';

/** A SyncApi that remembers what it downloaded: which scopes each snapshot page asked for, and how many bootstraps began. */
export class RecordingApi extends SyncApi {
  readonly snapshots: SnapshotRequest[] = [];
  bootstraps = 0;

  override snapshot(request: SnapshotRequest) {
    this.snapshots.push(request);
    return super.snapshot(request);
  }

  override bootstrap(request: BootstrapRequest) {
    this.bootstraps++;
    return super.bootstrap(request);
  }

  forget(): void {
    this.snapshots.length = 0;
    this.bootstraps = 0;
  }

  /** Every distinct scope list the snapshot pages asked for since the last `forget`. */
  snapshotScopes(): string[][] {
    return [...new Set(this.snapshots.map((s) => JSON.stringify(s.scopes)))].map((s) => JSON.parse(s) as string[]);
  }
}

export interface ReplicaSession {
  replica: Replica;
  api: RecordingApi;
  clientId: string;
  agent: Agent;
  pull(): Promise<void>;
  /** Closes the replica and opens the file again, as a restart of the app does. */
  reopen(): Promise<void>;
}

/** A replica of `email`'s scopes, downloaded and pulled to the head with the engine's own sync code (no loop, no socket). */
export async function syncedReplica(serverUrl: string, dbFile: string, email: string, server: StoreLocation): Promise<ReplicaSession> {
  const { token } = await new SyncApi(serverUrl, null).login(email, DEMO_PASSWORD);
  const api = new RecordingApi(serverUrl, token);
  const replica = await Replica.open(dbFile);
  const clientId = newId();
  const noHooks = { onProgress: () => undefined, onRows: () => undefined };
  await bootstrap(replica, api, clientId, noHooks);
  const session: ReplicaSession = {
    replica,
    api,
    clientId,
    agent: await agentByEmail(server, email),
    async pull() {
      const result = await catchUp(session.replica, api, clientId, { onRows: () => undefined });
      if (result === 'reset') throw new Error('the server asked for a full reset');
    },
    async reopen() {
      await session.replica.close();
      session.replica = await Replica.open(dbFile);
    },
  };
  await session.pull();
  return session;
}

/** The ticket and message ids the server has in an agent's scopes (team tickets and those assigned to them). */
export async function serverProjection(server: StoreLocation, agent: Agent): Promise<{ tickets: string[]; messages: string[] }> {
  return readStore(server, async (db) => {
    const tickets = await db
      .selectFrom('tickets')
      .select('id')
      .where((eb) => eb.or([eb('team_id', 'in', agent.teamIds.length ? agent.teamIds : ['-']), eb('assignee_id', '=', agent.id)]))
      .orderBy('id')
      .execute();
    const ids = tickets.map((t) => t.id);
    const messages = ids.length ? await db.selectFrom('messages').select('id').where('ticket_id', 'in', ids).orderBy('id').execute() : [];
    return { tickets: ids, messages: messages.map((m) => m.id) };
  });
}

/** The ticket and message ids a replica file holds, read through a connection of its own. */
export function replicaRows(dbFile: string): { tickets: string[]; messages: string[] } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const ids = (table: string) => db.prepare<[], string>(`SELECT id FROM ${table} ORDER BY id`).pluck().all();
    return { tickets: ids('tickets'), messages: ids('messages') };
  } finally {
    db.close();
  }
}

/**
 * The checksum of each scope a replica file holds, computed here from its rows and their server
 * versions with the shared rules only (an oracle independent of the engine's bookkeeping), beside
 * the sums the engine recorded.
 */
export function replicaChecksums(dbFile: string): { scopes: string[]; rows: ScopeChecksum[]; recorded: ScopeChecksum[] } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const scopes = JSON.parse(db.prepare<[], string>(`SELECT value FROM _meta WHERE key = 'scopes'`).pluck().get() ?? '[]') as string[];
    const sums = new Map(scopes.map((scope) => [scope, { scope, count: 0, sum: 0 }]));
    const count = (rowScopes: string[], kind: EntityKind, id: string, version: number) => {
      for (const scope of rowScopes) {
        const s = sums.get(scope);
        if (s) Object.assign(s, { count: s.count + 1, sum: addToChecksum(s.sum, rowHash(kind, id, version)) });
      }
    };
    const versioned = (kind: EntityKind, table: string) =>
      db.prepare<[string], { id: string; version: number; data: string }>(`SELECT e.id, v.version, e.data FROM ${table} e JOIN _versions v ON v.kind = ? AND v.id = e.id`).all(kind);
    const tickets = new Map<string, string[]>();
    for (const row of versioned('ticket', 'tickets')) {
      tickets.set(row.id, ticketScopes(JSON.parse(row.data) as Ticket));
      count(tickets.get(row.id) ?? [], 'ticket', row.id, row.version);
    }
    for (const row of versioned('message', 'messages')) count(tickets.get((JSON.parse(row.data) as Message).ticketId) ?? [], 'message', row.id, row.version);
    for (const kind of ORG_KINDS) for (const row of versioned(kind, entityTables[kind].table)) count([ORG_SCOPE], kind, row.id, row.version);
    const recorded = scopes.map((scope) => ({ scope, count: 0, sum: 0, ...db.prepare<[string], { count: number; sum: number }>('SELECT count, sum FROM _scope_sums WHERE scope = ?').get(scope) }));
    return { scopes, rows: [...sums.values()], recorded };
  } finally {
    db.close();
  }
}

/** replicaChecksums beside the server's sums for the same scopes. */
export async function checksumsOf(dbFile: string, server: StoreLocation): Promise<{ rows: ScopeChecksum[]; recorded: ScopeChecksum[]; server: ScopeChecksum[] }> {
  const { scopes, rows, recorded } = replicaChecksums(dbFile);
  return { rows, recorded, server: await readStore(server, (s) => readChecksums(s, scopes)) };
}
