import type { Kysely, Transaction } from 'kysely';
import type { PasswordHash } from '../auth/password.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function setCredential(db: Db, agentId: string, { hash, salt }: PasswordHash): Promise<void> {
  const updated_at = new Date().toISOString();
  await db
    .insertInto('credentials')
    .values({ agent_id: agentId, password_hash: hash, salt, updated_at })
    .onConflict((oc) => oc.column('agent_id').doUpdateSet({ password_hash: hash, salt, updated_at }))
    .execute();
}

/** The agent with this email (case-insensitive) and their password hash, if both exist. */
export async function findLogin(db: Db, email: string): Promise<{ agentId: string; password: PasswordHash } | undefined> {
  const row = await db
    .selectFrom('agents')
    .innerJoin('credentials', 'credentials.agent_id', 'agents.id')
    .select(['agents.id', 'credentials.password_hash', 'credentials.salt'])
    .where((eb) => eb(eb.fn('lower', ['agents.email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  return row && { agentId: row.id, password: { hash: row.password_hash, salt: row.salt } };
}
