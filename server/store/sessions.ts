import type { Kysely } from 'kysely';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { Database } from './schema.ts';

const SESSION_DAYS = 30;

/** Starts a session and returns its token; only the token's hash is stored. */
export async function createSession(db: Kysely<Database>, agentId: string, now = new Date()): Promise<string> {
  const token = newToken();
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), agent_id: agentId, created_at: now.toISOString(), expires_at: expires.toISOString() })
    .execute();
  return token;
}

/** The agent a live session token belongs to. */
export async function sessionAgent(db: Kysely<Database>, token: string, now = new Date()): Promise<string | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select('agent_id')
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row?.agent_id;
}
