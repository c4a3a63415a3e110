import { z } from 'zod';
import { DeskError } from '../../../shared/ipc/contract.ts';

/** Position in a list sorted by (key, id): the last row the caller has seen. The key is the sort column's value (a time, a rank, a number, or null). */
export interface Keyset {
  at: string | number | null;
  id: string;
}

const Encoded = z.tuple([z.union([z.string().max(100), z.number(), z.null()]), z.string().max(100)]);

/** Opaque to the renderer, so the engine may change how pages are cut without breaking it. */
export function encodeKeyset(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.at, k.id])).toString('base64url');
}

export function decodeKeyset(cursor: string): Keyset {
  try {
    const [at, id] = Encoded.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { at, id };
  } catch {
    throw new DeskError('invalid_input', 'This list position is not valid any more; reload the list from the top.');
  }
}
