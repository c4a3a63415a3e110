import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { EntityKind, EntityOf } from '../../../shared/model/index.ts';
import { Replica } from '../../../electron/engine/replica/replica.ts';
import { StatementCache } from '../../../electron/engine/replica/statement-cache.ts';
import { freePort } from '../../support/free-port.ts';
import { agentAlex, contact, T0, TEAM_A, ticket } from '../shared/fixtures.ts';

/** A fresh replica path per call, in a temp folder removed after the file's tests. */
export function tempFiles(): () => string {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-engine-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return () => join(dir, `replica-${++n}.sqlite`);
}

/** Opens replicas on fresh files, each closed after its test. */
export function freshReplicas(): () => Promise<Replica> {
  const newFile = tempFiles();
  const open: Replica[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
  });
  return async () => {
    const replica = await Replica.open(newFile());
    open.push(replica);
    return replica;
  };
}

/** A URL where nothing listens: the engine sees the server as unreachable. */
export async function unreachableServerUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

export type Row = { [K in EntityKind]: { kind: K; row: EntityOf<K> } }[EntityKind];

export const team: EntityOf<'team'> = { id: TEAM_A, name: 'Billing', createdAt: T0, updatedAt: T0 };
export const baseRows: Row[] = [
  { kind: 'team', row: team },
  { kind: 'agent', row: agentAlex },
  { kind: 'contact', row: contact },
  { kind: 'ticket', row: ticket() },
];

export async function putRows(replica: Replica, rows: readonly Row[]): Promise<void> {
  await replica.writer.transaction(() => {
    for (const { kind, row } of rows) replica.store.put(kind, row as never);
  });
}

/**
 * A replica as a finished sign-in leaves it (session, client id, cursor, rows), pointing at
 * `serverUrl`, so an Engine opened on it acts for Alex without talking to a server first.
 */
export async function signedInReplica(dbFile: string, serverUrl: string, opts: { rows?: readonly Row[]; sealedToken?: string } = {}): Promise<void> {
  const replica = await Replica.open(dbFile);
  await putRows(replica, opts.rows ?? baseRows);
  await replica.writer.transaction(() => {
    replica.meta.set('server_url', serverUrl);
    replica.meta.set('agent_id', agentAlex.id);
    replica.meta.set('workspace_name', 'Test');
    replica.meta.set('client_id', '0195f0a0-0000-7000-8000-0000000000cc');
    replica.meta.set('token', opts.sealedToken ?? 'test-token');
    replica.meta.setJson('cursor', { epoch: 'e1', seq: 0 });
  });
  await replica.close();
}

/**
 * A replica holding `rows` for a file's query tests: opened before them, closed after. `plan` is
 * the EXPLAIN QUERY PLAN of a query, one detail line per step.
 */
export function queryReplica(rows: () => readonly Row[], setup?: (replica: Replica) => void) {
  const newFile = tempFiles();
  let replica: Replica | undefined;
  let sql: StatementCache | undefined;
  beforeAll(async () => {
    replica = await Replica.open(newFile());
    sql = new StatementCache(replica.db);
    await putRows(replica, rows());
    setup?.(replica);
  }, 60_000);
  afterAll(() => replica?.close());
  const opened = () => {
    if (!replica || !sql) throw new Error('the replica opens in beforeAll');
    return { replica, sql };
  };
  return {
    get replica() {
      return opened().replica;
    },
    get sql() {
      return opened().sql;
    },
    plan: (q: { sql: string; params: readonly unknown[] }) =>
      opened()
        .replica.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
        .all(...q.params)
        .map((r) => (r as { detail: string }).detail),
  };
}
