import { MAX_PUSH_MUTATIONS, type PendingMutation } from '../../../shared/sync/protocol.ts';
import type { CrashPoints } from '../crash-points.ts';
import type { Replica } from '../replica/replica.ts';
import { ServerAnswerInvalid, ServerRefused, type SyncApi } from './sync-api.ts';

const BATCH_MUTATIONS = Math.min(100, MAX_PUSH_MUTATIONS);
/** Well under the server's MAX_SYNC_BODY_BYTES, so a batch of long replies is never refused as too large. */
const BATCH_BYTES = 1024 * 1024;

/** The server cannot take this workstation's changes and retrying will not help; pushing stops. */
export class PushBlocked extends Error {
  override readonly name = 'PushBlocked';
}

/**
 * Sends pending mutations in client order, in batches, until none is left. Applied and duplicate
 * ones become acknowledged (they leave once a pull brings their effect); rejected ones are kept
 * with the server's reason. Returns how many were sent.
 */
export async function pushOutbox(replica: Replica, api: SyncApi, clientId: string, crashPoints?: CrashPoints): Promise<number> {
  const { outbox, writer } = replica;
  let sent = 0;
  let gapRetried = false;
  for (;;) {
    const batch = fitBatch(outbox.pending(BATCH_MUTATIONS));
    if (batch.length === 0) return sent;
    try {
      const answer = await api.push({ clientId, mutations: batch });
      await crashPoints?.reach('push.answered');
      const sentIds = new Set(batch.map((m) => m.id));
      const outcomes = answer.results.filter((r) => sentIds.has(r.id));
      // Without an outcome the batch would be sent again forever.
      if (outcomes.length === 0) throw new ServerAnswerInvalid('The server answered a push without the outcome of any change sent.');
      await writer.transaction(() => {
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') outbox.reject(outcome.id, outcome.error ?? 'The server refused this change.');
          else outbox.acknowledge(outcome.id);
        }
      });
      sent += outcomes.length;
    } catch (err) {
      if (!(err instanceof ServerRefused)) throw err;
      if (err.code === 'mutation_gap' && err.expected !== undefined && !gapRetried) {
        // The server lost mutations it had acknowledged (restored?): send them again if we still have them.
        gapRetried = true;
        const expected = err.expected;
        if (await writer.transaction(() => outbox.reopenFrom(expected))) continue;
        throw new PushBlocked(
          `The server is missing changes this workstation sent earlier (from #${expected}) and they are no longer here to resend. Ask an administrator to check the server's data.`,
        );
      }
      if (err.code === 'unknown_mutator') {
        throw new PushBlocked(
          `The server does not know a kind of change this workstation made (${err.message}). Update Orbit or the server, then restart Orbit; your changes are kept until then.`,
        );
      }
      throw err;
    }
  }
}

/** At least one mutation, then as many as fit in BATCH_BYTES. */
function fitBatch(candidates: PendingMutation[]): PendingMutation[] {
  let bytes = 0;
  const batch: PendingMutation[] = [];
  for (const m of candidates) {
    bytes += JSON.stringify(m).length;
    if (batch.length > 0 && bytes > BATCH_BYTES) break;
    batch.push(m);
  }
  return batch;
}
