import type { Cursor, PullResponse } from '../../shared/sync/protocol.ts';
import type { RealtimeDelta, RealtimeServerMessage } from '../../shared/sync/realtime.ts';
import type { GroupReader } from '../sync/group-pull.ts';

/** A delta carries at most this many changes and bytes; anything larger goes as a poke, and the client pulls. */
export const DELTA_MAX_CHANGES = 100;
export const DELTA_MAX_BYTES = 64 * 1024;

/** What a pull from `cursor` would answer each reader, by client id (server/sync/group-pull.ts, bound to the store); absent: poke. */
export type GroupPuller = (cursor: Cursor, readers: readonly GroupReader[]) => Promise<ReadonlyMap<string, PullResponse>>;

export interface Composed {
  text: string;
  /** Where the client stands once it applied the delta; absent for a poke. */
  cursor?: Cursor;
}

export const pokeText = (seq: number): string => JSON.stringify({ type: 'poke', seq } satisfies RealtimeServerMessage);

/** The inline delta for a client at `fromSeq`, when its page is complete and small; null when it must pull instead (poke). */
export function deltaFor(page: PullResponse | undefined, fromSeq: number): Composed | null {
  if (!page || page.reset || page.more) return null;
  const text = JSON.stringify({ type: 'delta', fromSeq, page } satisfies RealtimeDelta);
  return Buffer.byteLength(text) <= DELTA_MAX_BYTES ? { text, cursor: page.cursor } : null;
}
