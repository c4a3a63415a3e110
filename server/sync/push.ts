import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { MutationRejected, mutators, type Mutator } from '../../shared/mutators/index.ts';
import { MAX_PUSH_MUTATIONS, PushRequest, type MutationOutcome, type PendingMutation, type PushResponse } from '../../shared/sync/protocol.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { parseBody } from '../http/parse-body.ts';
import { advanceLastMutationId, claimClient, lastMutationId, recordedRejection, recordRejection } from '../store/clients.ts';
import type { Database } from '../store/schema.ts';
import { lockForWriting } from '../store/workspace.ts';
import { serverMutationTx, type CommitEffect } from './mutation-tx.ts';

type Outcome =
  | { status: 'applied'; effect: CommitEffect }
  | { status: 'duplicate' }
  | { status: 'rejected'; error: string }
  | { status: 'gap'; expected: number };

/** A reason an agent can read: the mutator's own zod messages, with the field they are about. */
function argsRefusal(name: string, error: z.ZodError): string {
  const issues = error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return `Invalid arguments for ${name}: ${issues.join('; ')}`;
}

/** Checks the whole batch before anything runs: size, shape, and that every mutator exists. */
export function parsePush(body: unknown): PushRequest & { resolved: Mutator[] } {
  const count = (body as { mutations?: unknown } | null)?.mutations;
  if (Array.isArray(count) && count.length > MAX_PUSH_MUTATIONS) {
    throw new ApiFailure(413, 'payload_too_large', `A push may carry at most ${MAX_PUSH_MUTATIONS} mutations; send the rest in the next one.`);
  }
  const request = parseBody(PushRequest, body);
  const unknown = [...new Set(request.mutations.map((m) => m.name).filter((name) => !mutators.has(name)))];
  if (unknown.length) {
    throw new ApiFailure(422, 'unknown_mutator', `This server does not know ${unknown.join(', ')}; nothing of this push was applied. Update the app.`);
  }
  return { ...request, resolved: request.mutations.map((m) => mutators.get(m.name) as Mutator) };
}

/**
 * A mutation seen before is never run again. If it was refused, the resend hears the same
 * refusal: its first answer may have been lost, and the agent must still learn why.
 */
async function earlierOutcome(db: Kysely<Database>, clientId: string, mutationId: number): Promise<Outcome> {
  const reason = await recordedRejection(db, clientId, mutationId);
  return reason === undefined ? { status: 'duplicate' } : { status: 'rejected', error: reason };
}

/** One mutation, exactly once: its writes, its outcome and the client's counter commit together or not at all. */
async function applyOne(db: Kysely<Database>, actor: Actor, clientId: string, m: PendingMutation, mutator: Mutator): Promise<Outcome> {
  const trx = await db.startTransaction().execute();
  try {
    await lockForWriting(trx);
    const last = await lastMutationId(trx, clientId);
    if (m.id !== last + 1) {
      await trx.rollback().execute();
      return m.id <= last ? earlierOutcome(db, clientId, m.id) : { status: 'gap', expected: last + 1 };
    }
    let outcome: Outcome;
    const args = mutator.args.safeParse(m.args);
    if (!args.success) {
      outcome = { status: 'rejected', error: argsRefusal(m.name, args.error) };
    } else {
      const attempt = await trx.savepoint('mutation').execute();
      const effect: CommitEffect = { lastSeq: 0, scopes: new Set() };
      try {
        await mutator.run(serverMutationTx(attempt, actor, { clientId, mutationId: m.id }, effect), args.data);
        await attempt.releaseSavepoint('mutation').execute();
        outcome = { status: 'applied', effect };
      } catch (err) {
        if (!(err instanceof MutationRejected)) throw err;
        // A refused mutation leaves no trace but its rejection record.
        await attempt.rollbackToSavepoint('mutation').execute();
        outcome = { status: 'rejected', error: err.message };
      }
    }
    if (outcome.status === 'rejected') await recordRejection(trx, { clientId, mutationId: m.id, name: m.name, reason: outcome.error });
    if (!(await advanceLastMutationId(trx, clientId, last, m.id))) {
      // A concurrent push of the same client got there first.
      await trx.rollback().execute();
      return earlierOutcome(db, clientId, m.id);
    }
    await trx.commit().execute();
    return outcome;
  } catch (err) {
    await trx.rollback().execute().catch(() => {});
    throw err;
  }
}

/**
 * Applies a push in client order. A gap stops the batch with 409 (what came before stays
 * applied, which is right); a store failure stops it with 503 so the client retries.
 * `onCommit` hears about every batch that committed changes, even one that then stopped.
 */
export async function applyPush(
  db: Kysely<Database>,
  actor: Actor,
  body: unknown,
  onCommit: (effect: CommitEffect) => void,
): Promise<PushResponse> {
  const request = parsePush(body);
  await claimClient(db, request.clientId, actor.agentId);
  const effect: CommitEffect = { lastSeq: 0, scopes: new Set() };
  const results: MutationOutcome[] = [];
  try {
    for (const [i, m] of request.mutations.entries()) {
      let outcome: Outcome;
      try {
        outcome = await applyOne(db, actor, request.clientId, m, request.resolved[i] as Mutator);
      } catch (err) {
        const failure = new ApiFailure(503, 'unavailable', `The server could not store mutation ${m.id} just now; nothing of it was kept. Retry later.`);
        failure.cause = err;
        throw failure;
      }
      if (outcome.status === 'gap') {
        throw new ApiFailure(409, 'mutation_gap', `Mutation ${m.id} skips ahead; send from mutation ${outcome.expected}.`, outcome.expected);
      }
      if (outcome.status === 'applied' && outcome.effect.lastSeq) {
        effect.lastSeq = outcome.effect.lastSeq;
        outcome.effect.scopes.forEach((scope) => effect.scopes.add(scope));
      }
      results.push(outcome.status === 'rejected' ? { id: m.id, status: 'rejected', error: outcome.error } : { id: m.id, status: outcome.status });
    }
  } finally {
    if (effect.lastSeq) onCommit(effect);
  }
  return { lastMutationId: await lastMutationId(db, request.clientId), results };
}
