import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { MutationRejected, mutators, type Mutator } from '../../shared/mutators/index.ts';
import { MAX_PUSH_MUTATIONS, PushRequest, type MutationOutcome, type PendingMutation, type PushResponse } from '../../shared/sync/protocol.ts';
import type { Actor } from '../auth/actor.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { parseBody } from '../http/parse-body.ts';
import { advanceLastMutationId, claimClient, recordedRejection, recordRejection } from '../store/clients.ts';
import { dialectOf } from '../store/dialect.ts';
import type { Database } from '../store/schema.ts';
import { serverMutationTx, type CommitEffect } from './mutation-tx.ts';
import { WriteBatch } from './write-batch.ts';

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
async function earlierOutcome(trx: Transaction<Database>, clientId: string, mutationId: number): Promise<MutationOutcome> {
  const reason = await recordedRejection(trx, clientId, mutationId);
  return reason === undefined ? { id: mutationId, status: 'duplicate' } : { id: mutationId, status: 'rejected', error: reason };
}

/** The store failed while a mutation ran; its savepoint is rolled back, what came before it in the transaction stands. */
class StoreFailure extends Error {
  readonly mutationId: number;

  constructor(mutationId: number, cause: unknown) {
    super(`The store failed while mutation ${mutationId} ran.`, { cause });
    this.mutationId = mutationId;
  }
}

/**
 * Runs one new mutation inside the batch's transaction, under its own savepoint: a refused one
 * leaves nothing but its rejection record, a store failure nothing at all (StoreFailure); what it
 * had recorded in the batch goes with the savepoint.
 */
async function applyOne(
  trx: ControlledTransaction<Database>,
  batch: WriteBatch,
  actor: Actor,
  clientId: string,
  m: PendingMutation,
  mutator: Mutator,
  effect: CommitEffect,
): Promise<MutationOutcome> {
  const args = mutator.args.safeParse(m.args);
  let error: string;
  if (!args.success) {
    error = argsRefusal(m.name, args.error);
  } else {
    const attempt = await trx.savepoint('mutation').execute();
    const mark = batch.mark();
    try {
      await mutator.run(serverMutationTx(attempt, batch, actor, { clientId, mutationId: m.id }, effect), args.data);
      await attempt.releaseSavepoint('mutation').execute();
      return { id: m.id, status: 'applied' };
    } catch (err) {
      // If the store is gone, this rollback throws too and the whole transaction goes.
      await attempt.rollbackToSavepoint('mutation').execute();
      batch.rollback(mark);
      if (!(err instanceof MutationRejected)) throw new StoreFailure(m.id, err);
      error = err.message;
    }
  }
  await recordRejection(trx, { clientId, mutationId: m.id, name: m.name, reason: error });
  return { id: m.id, status: 'rejected', error };
}

/** What one transaction made of a push: the outcomes up to where it stopped, and why it stopped early. */
interface BatchRun {
  /** The client's counter after the commit. */
  last: number;
  results: MutationOutcome[];
  stop: { gap: { at: number; expected: number } } | { failure: StoreFailure } | null;
}

/**
 * Applies a push batch in ONE store transaction: the write lock taken once, the client's counter
 * read once and advanced once, the change log and checksums written once at the end, one commit. Mutations run in client order. A gap stops the batch
 * there and what came before commits. A store failure inside a mutation rolls back its savepoint
 * and stops the batch there too, committing what came before if the store still takes it (the
 * caller answers 503 either way, so the client resends and hears "duplicate" for what did commit).
 */
async function applyBatch(db: Kysely<Database>, actor: Actor, request: ReturnType<typeof parsePush>, effect: CommitEffect): Promise<BatchRun> {
  const { clientId } = request;
  const trx = await db.startTransaction().execute();
  try {
    const batch = await WriteBatch.begin(trx);
    const first = await claimClient(trx, clientId, actor.agentId);
    const run: BatchRun = { last: first, results: [], stop: null };
    for (const [i, m] of request.mutations.entries()) {
      if (m.id <= run.last) {
        run.results.push(await earlierOutcome(trx, clientId, m.id));
        continue;
      }
      if (m.id !== run.last + 1) {
        run.stop = { gap: { at: m.id, expected: run.last + 1 } };
        break;
      }
      const applied: CommitEffect = { lastSeq: 0, scopes: new Set() };
      let outcome: MutationOutcome;
      try {
        outcome = await applyOne(trx, batch, actor, clientId, m, request.resolved[i] as Mutator, applied);
      } catch (err) {
        if (!(err instanceof StoreFailure)) throw err;
        run.stop = { failure: err };
        break;
      }
      run.results.push(outcome);
      run.last = m.id;
      // A refused mutation's changes were rolled back with its savepoint: nothing of it to announce.
      if (outcome.status !== 'applied') continue;
      if (applied.lastSeq) effect.lastSeq = applied.lastSeq;
      applied.scopes.forEach((scope) => effect.scopes.add(scope));
    }
    await batch.finish();
    if (dialectOf(db) === 'sqlite') {
      // The store answers synchronously: without a turn of the event loop here, pushes queued for
      // the lock would run one after another in one stretch of promise callbacks, and no socket
      // would be read (new requests, realtime) until the whole queue was through.
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Under the write lock no other push of this client can have moved the counter meanwhile.
    if (run.last !== first && !(await advanceLastMutationId(trx, clientId, first, run.last))) {
      throw new Error(`The counter of client ${clientId} moved under the write lock.`);
    }
    await trx.commit().execute();
    return run;
  } catch (err) {
    await trx.rollback().execute().catch(() => {});
    throw err;
  }
}

const unavailable = (message: string, cause: unknown) => Object.assign(new ApiFailure(503, 'unavailable', message), { cause });

/**
 * Applies a push in client order, in one transaction. A gap stops the batch with 409 (what came
 * before stays applied, which is right); a store failure stops it with 503 so the client retries,
 * and the 503 says what was kept: never an acknowledgement of anything not committed.
 * `onCommit` hears once about a batch that committed changes, even one that then stopped.
 */
export async function applyPush(
  db: Kysely<Database>,
  actor: Actor,
  body: unknown,
  onCommit: (effect: CommitEffect) => void,
): Promise<PushResponse> {
  const request = parsePush(body);
  const effect: CommitEffect = { lastSeq: 0, scopes: new Set() };
  let run: BatchRun;
  try {
    run = await applyBatch(db, actor, request, effect);
  } catch (err) {
    if (err instanceof ApiFailure) throw err;
    throw unavailable('The server could not store this push just now; nothing of it was kept. Retry later.', err);
  }
  if (effect.lastSeq) onCommit(effect);
  const { stop } = run;
  if (stop && 'gap' in stop) {
    throw new ApiFailure(409, 'mutation_gap', `Mutation ${stop.gap.at} skips ahead; send from mutation ${stop.gap.expected}.`, stop.gap.expected);
  }
  if (stop) {
    const kept = run.results.length > 0 ? ` the ones before it are stored (up to ${run.last}), but` : '';
    throw unavailable(`The server could not store mutation ${stop.failure.mutationId} just now;${kept} nothing of it or after it was kept. Retry from it later.`, stop.failure.cause);
  }
  return { lastMutationId: run.last, results: run.results };
}
