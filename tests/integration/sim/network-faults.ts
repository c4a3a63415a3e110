import type { Random } from '../../../server/demo/prng.ts';

/**
 * What the network does to one HTTP request: pass it; drop it before the server sees it; drop the
 * answer after the server committed; deliver it twice at once; deliver it late; or hold it back,
 * fail the caller, and deliver it after later requests (a stale resend arriving out of order).
 */
export type HttpFault = 'pass' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'delay' | 'reorder';

/** A count per fault, all zero. */
export function faultTally(): Record<HttpFault, number> {
  return { pass: 0, dropRequest: 0, dropResponse: 0, duplicate: 0, delay: 0, reorder: 0 };
}

/** What the network does to one realtime message from the server. A delayed one may overtake later ones. */
export type FrameFault = 'pass' | 'drop' | 'duplicate' | 'delay';

/** The decisions of one faulty link, drawn in the order requests and messages arrive. */
export interface FaultPlan {
  http(): HttpFault;
  frame(): FrameFault;
  /** How long a delayed request or message waits. */
  delayMs(): number;
  /** After how many later requests a reordered one is delivered. */
  reorderAfter(): number;
}

const HTTP_WEIGHTS: readonly (readonly [HttpFault, number])[] = [
  ['pass', 64],
  ['dropRequest', 8],
  ['dropResponse', 8],
  ['duplicate', 8],
  ['delay', 8],
  ['reorder', 4],
];

const FRAME_WEIGHTS: readonly (readonly [FrameFault, number])[] = [
  ['pass', 70],
  ['drop', 15],
  ['duplicate', 5],
  ['delay', 10],
];

/** A link that misbehaves about one request in three, every decision from `random`. */
export function seededFaults(random: Random): FaultPlan {
  return {
    http: () => random.weighted(HTTP_WEIGHTS),
    frame: () => random.weighted(FRAME_WEIGHTS),
    delayMs: () => random.int(1, 40),
    reorderAfter: () => random.int(2, 8),
  };
}
