import type { Kysely, Transaction } from 'kysely';
import { PullRequest, type Cursor, type PullResponse } from '../../shared/sync/protocol.ts';
import type { Actor } from '../auth/actor.ts';
import { parseBody } from '../http/parse-body.ts';
import { firstMutationAfter, readChanges } from '../store/change-log.ts';
import { claimClient } from '../store/clients.ts';
import { consistentRead } from '../store/consistent-read.ts';
import type { Database } from '../store/schema.ts';
import { readWorkspace } from '../store/workspace.ts';
import { readChecksums, scopesOfReader } from './checksums.ts';
import { compactedScopes } from './compaction.ts';
import type { Visibility } from './scopes.ts';

export const DEFAULT_PULL_LIMIT = 1000;

/** A pull's answer before the client's own counter is added. */
type SharedPage = Exclude<PullResponse, { reset: false }> | Omit<Extract<PullResponse, { reset: false }>, 'lastMutationId'>;

/**
 * Changes after the cursor in the caller's scopes, read in one transaction. The returned
 * cursor also moves past changes the caller may not see, so they are never scanned again. The
 * page that reaches the head carries the caller's scopes and their checksums at that head.
 */
export async function pull(db: Kysely<Database>, actor: Actor, body: unknown): Promise<PullResponse> {
  const request = parseBody(PullRequest, body);
  const limit = request.limit ?? DEFAULT_PULL_LIMIT;
  return consistentRead(db, async (trx) => {
    const last = await claimClient(trx, request.clientId, actor.agentId);
    const page = await readPage(trx, actor.visibility, request.cursor, limit);
    if (page.reset) return page;
    // Only acknowledge mutations whose changes are all in what the client has after this page.
    const firstBeyond = page.more ? await firstMutationAfter(trx, request.clientId, page.cursor.seq) : null;
    return { ...page, lastMutationId: firstBeyond === null ? last : Math.min(last, firstBeyond - 1) };
  });
}

async function readPage(trx: Transaction<Database>, visibility: Visibility, cursor: Cursor, limit: number): Promise<SharedPage> {
  const { epoch, last_seq: head } = await readWorkspace(trx);
  if (cursor.epoch !== epoch) {
    return { reset: true, reason: 'The server data was replaced (new epoch); download everything again. Pending changes are kept.' };
  }
  if (cursor.seq > head) {
    return { reset: true, reason: 'The cursor is ahead of the server (restored from an older backup); download everything again.' };
  }
  const page = await readChanges(trx, visibility, cursor.seq, head, limit + 1);
  const more = page.length > limit;
  const changes = more ? page.slice(0, limit) : page;
  const seq = more ? (changes.at(-1)?.seq ?? head) : head;
  const resetScopes = await compactedScopes(trx, visibility, cursor.seq);
  const checksums = more ? undefined : await readChecksums(trx, await scopesOfReader(trx, visibility));
  return {
    reset: false,
    cursor: { epoch, seq },
    changes,
    more,
    ...(checksums && { checksums }),
    ...(resetScopes.length > 0 && { resetScopes }),
  };
}
