import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { loadActor, type Actor } from '../auth/actor.ts';
import type { Database } from '../store/schema.ts';
import { sessionAgent } from '../store/sessions.ts';
import { unauthorized } from './api-failure.ts';

/** The agent behind the request's `Authorization: Bearer <token>` header, or a 401. */
export async function authenticate(db: Kysely<Database>, request: FastifyRequest): Promise<Actor> {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(request.headers.authorization ?? '');
  if (!match?.[1]) throw unauthorized('Send the session token as "Authorization: Bearer <token>"; sign in to get one.');
  const agentId = await sessionAgent(db, match[1]);
  const actor = agentId && (await loadActor(db, agentId));
  if (!actor) throw unauthorized();
  return actor;
}
