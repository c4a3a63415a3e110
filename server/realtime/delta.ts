import type { Cursor, PullRequest, PullResponse } from '../../shared/sync/protocol.ts';
import type { RealtimeDelta, RealtimeServerMessage } from '../../shared/sync/realtime.ts';

/** A delta carries at most this many changes and bytes; anything larger goes as a poke, and the client pulls. */
export const DELTA_MAX_CHANGES = 100;
export const DELTA_MAX_BYTES = 64 * 1024;

export type Puller = (request: PullRequest) => Promise<PullResponse>;

export interface Composed {
  text: string;
  /** Where the client stands once it applied the delta; absent for a poke. */
  cursor?: Cursor;
}

export const pokeText = (seq: number): string => JSON.stringify({ type: 'poke', seq } satisfies RealtimeServerMessage);

/**
 * What to send a socket whose client stands at `cursor` after a commit up to `seq`: the pull
 * from its cursor, inline, when it is small and complete; otherwise a poke.
 */
export async function composeDelta(pull: Puller, clientId: string, cursor: Cursor, seq: number): Promise<Composed> {
  try {
    const page = await pull({ clientId, cursor, limit: DELTA_MAX_CHANGES });
    if (!page.reset && !page.more) {
      const text = JSON.stringify({ type: 'delta', fromSeq: cursor.seq, page } satisfies RealtimeDelta);
      if (Buffer.byteLength(text) <= DELTA_MAX_BYTES) return { text, cursor: page.cursor };
    }
  } catch {
    // A refused or failed read (session ended, store down) is for the client's own pull to hear about.
  }
  return { text: pokeText(seq) };
}
