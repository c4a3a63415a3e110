import type { EntityKind } from '../../../shared/model/index.ts';
import { Cursor } from '../../../shared/sync/protocol.ts';
import type { RealtimeDelta } from '../../../shared/sync/realtime.ts';
import type { CrashPoints } from '../crash-points.ts';
import type { Replica } from '../replica/replica.ts';
import { applyServerPage } from './apply-page.ts';
import { needsBootstrap } from './bootstrap.ts';

/** applied: in the replica (the kinds it changed, and whether the server has more). known: nothing new here. pull: ask the server. */
export type DeltaOutcome = { applied: Set<EntityKind>; more: boolean } | 'known' | 'pull';

/**
 * Applies a realtime delta through the same rebase as a pull, in one transaction, only when the
 * replica stands exactly where the delta starts. It never drops a mutation still pending here: its
 * push may be on its way and only the push's answer says whether it was applied or rejected, so a
 * delta that acknowledges one waits for a pull after that answer.
 */
export function applyDelta(replica: Replica, { fromSeq, page }: RealtimeDelta, crashPoints?: CrashPoints): Promise<DeltaOutcome> {
  const { meta, writer, outbox } = replica;
  return writer.transaction(async (): Promise<DeltaOutcome> => {
    const cursor = meta.getJson('cursor', Cursor);
    if (page.reset || !cursor || needsBootstrap(replica) || cursor.epoch !== page.cursor.epoch) return 'pull';
    if (cursor.seq >= page.cursor.seq) return 'known';
    if (cursor.seq !== fromSeq) return 'pull';
    const firstPending = outbox.pending(1)[0]?.id;
    if (firstPending !== undefined && firstPending <= page.lastMutationId) return 'pull';
    return { applied: await applyServerPage(replica, page, crashPoints), more: page.more };
  });
}
