import type { Kysely } from 'kysely';
import { hashPassword } from '../../server/auth/password.ts';
import { DEMO_PASSWORD, DEMO_WORKSPACE_NAME } from '../../server/demo/credentials.ts';
import { setCredential } from '../../server/store/credentials.ts';
import type { StoreLocation } from '../../server/store/dialect.ts';
import { openStore } from '../../server/store/open.ts';
import type { Database } from '../../server/store/schema.ts';
import { createSession } from '../../server/store/sessions.ts';
import { headCursor, resetWorkspace } from '../../server/store/workspace.ts';
import type { Cursor } from '../../shared/sync/protocol.ts';
import type { ChecksumDeltas } from '../../server/sync/checksums.ts';
import { UNSOLVED_STATUSES } from '../../shared/rules/status.ts';

/** The server's own store code, the one place the bench opens a store through: SQLite or PostgreSQL alike. */
export async function withStore<T>(location: StoreLocation, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = await openStore(location);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** An empty store with the newest schema and its workspace row. */
export function createStore(location: StoreLocation): Promise<void> {
  return withStore(location, async () => undefined);
}

/**
 * What the server needs beside bulk-loaded rows: every agent's log-in (the demo password), the
 * scopes' checksums, and a new epoch (as the demo seed does).
 */
export function completeStore(location: StoreLocation, agentIds: readonly string[], lastTicketNumber: number, checksums: ChecksumDeltas): Promise<void> {
  return withStore(location, async (db) => {
    const password = await hashPassword(DEMO_PASSWORD);
    await db.transaction().execute(async (trx) => {
      for (const id of agentIds) await setCredential(trx, id, password);
      await checksums.store(trx);
      await resetWorkspace(trx, { name: DEMO_WORKSPACE_NAME, lastTicketNumber });
    });
  });
}

/** Session tokens for these agents, made in the store (a log-in per simulated agent would spend seconds on scrypt). */
export function mintSessions(location: StoreLocation, agentIds: readonly string[]): Promise<string[]> {
  return withStore(location, async (db) => {
    const tokens: string[] = [];
    for (const id of agentIds) tokens.push(await createSession(db, id));
    return tokens;
  });
}

/** Where the change log stands now. */
export function storeHead(location: StoreLocation): Promise<Cursor> {
  return withStore(location, headCursor);
}

/** Up to `limit` unsolved tickets of each team, for writers that need tickets they may change. */
export function openTicketsByTeam(location: StoreLocation, limit: number): Promise<Map<string, string[]>> {
  return withStore(location, async (db) => {
    const byTeam = new Map<string, string[]>();
    for (const { id } of await db.selectFrom('teams').select('id').execute()) {
      const rows = await db.selectFrom('tickets').select('id').where('team_id', '=', id).where('status', 'in', [...UNSOLVED_STATUSES]).orderBy('id').limit(limit).execute();
      byTeam.set(id, rows.map((r) => r.id));
    }
    return byTeam;
  });
}

/** A customer every agent may edit (the org scope): the change a fan-out is timed with. */
export function someContact(location: StoreLocation): Promise<string> {
  return withStore(location, async (db) => (await db.selectFrom('contacts').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id);
}
