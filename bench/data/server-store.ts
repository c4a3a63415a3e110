import type { Kysely } from 'kysely';
import { hashPassword } from '../../server/auth/password.ts';
import { DEMO_PASSWORD, DEMO_WORKSPACE_NAME } from '../../server/demo/credentials.ts';
import { setCredential } from '../../server/store/credentials.ts';
import { openStore } from '../../server/store/open.ts';
import type { Database } from '../../server/store/schema.ts';
import { createSession } from '../../server/store/sessions.ts';
import { resetWorkspace } from '../../server/store/workspace.ts';
import type { ChecksumDeltas } from '../../server/sync/checksums.ts';

/** The server's own store code, the one place the bench opens it through (a store location is all it needs). */
async function withStore<T>(dbFile: string, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = await openStore(dbFile);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** An empty store with the newest schema and its workspace row. */
export function createStore(dbFile: string): Promise<void> {
  return withStore(dbFile, async () => undefined);
}

/**
 * What the server needs beside bulk-loaded rows: every agent's log-in (the demo password), the
 * scopes' checksums, and a new epoch (as the demo seed does).
 */
export function completeStore(dbFile: string, agentIds: readonly string[], lastTicketNumber: number, checksums: ChecksumDeltas): Promise<void> {
  return withStore(dbFile, async (db) => {
    const password = await hashPassword(DEMO_PASSWORD);
    await db.transaction().execute(async (trx) => {
      for (const id of agentIds) await setCredential(trx, id, password);
      await checksums.store(trx);
      await resetWorkspace(trx, { name: DEMO_WORKSPACE_NAME, lastTicketNumber });
    });
  });
}

/** Session tokens for these agents, made in the store (a log-in per simulated agent would spend seconds on scrypt). */
export function mintSessions(dbFile: string, agentIds: readonly string[]): Promise<string[]> {
  return withStore(dbFile, async (db) => {
    const tokens: string[] = [];
    for (const id of agentIds) tokens.push(await createSession(db, id));
    return tokens;
  });
}
