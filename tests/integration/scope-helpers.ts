import Database from 'better-sqlite3';
import { Replica } from '../../electron/engine/replica/replica.ts';
import { bootstrap } from '../../electron/engine/sync/bootstrap.ts';
import { localChecksum } from '../../electron/engine/sync/local-checksums.ts';
import { pullChanges } from '../../electron/engine/sync/pull.ts';
import { SyncApi } from '../../electron/engine/sync/sync-api.ts';
import { DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { readChecksums } from '../../server/sync/checksums.ts';
import { newId } from '../../shared/ids.ts';
import type { Agent } from '../../shared/model/index.ts';
import type { BootstrapRequest } from '../../shared/sync/bootstrap-request.ts';
import type { ScopeChecksum, SnapshotRequest } from '../../shared/sync/protocol.ts';
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
}

/** A replica of `email`'s scopes, downloaded and pulled to the head with the engine's own sync code (no loop, no socket). */
export async function syncedReplica(serverUrl: string, dbFile: string, email: string, serverDb: string): Promise<ReplicaSession> {
  const { token } = await new SyncApi(serverUrl, null).login(email, DEMO_PASSWORD);
  const api = new RecordingApi(serverUrl, token);
  const replica = await Replica.open(dbFile);
  const clientId = newId();
  const noHooks = { onProgress: () => undefined, onRows: () => undefined };
  await bootstrap(replica, api, clientId, noHooks);
  const pull = async () => {
    const result = await pullChanges(replica, api, clientId);
    if (result === 'reset') throw new Error('the server asked for a full reset');
  };
  await pull();
  return { replica, api, clientId, agent: await agentByEmail(serverDb, email), pull };
}

/** The ticket and message ids the server has in an agent's scopes (team tickets and those assigned to them). */
export async function serverProjection(serverDb: string, agent: Agent): Promise<{ tickets: string[]; messages: string[] }> {
  return readStore(serverDb, async (db) => {
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

/** The server's checksums of the scopes the replica holds, and the replica's own, computed the engine's way. */
export async function checksumsOf(dbFile: string, serverDb: string): Promise<{ local: ScopeChecksum[]; server: ScopeChecksum[] }> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const scopes = JSON.parse(db.prepare<[], string>(`SELECT value FROM _meta WHERE key = 'scopes'`).pluck().get() ?? '[]') as string[];
    const local = scopes.map((scope) => localChecksum(db, scope));
    const server = await readStore(serverDb, (s) => readChecksums(s, scopes));
    return { local, server };
  } finally {
    db.close();
  }
}
