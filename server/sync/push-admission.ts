import { MAX_PUSH_MUTATIONS } from '../../shared/sync/protocol.ts';
import { ApiFailure } from '../http/api-failure.ts';

/**
 * Mutations one server instance lets wait for the write lock (or run) at once: at ≈ 0.5–1 ms of
 * store work a mutation, a second or two of queue. Past it a push is refused at once rather than
 * held: a client that waits a minute for its answer learns nothing it could not learn from a 503
 * now, and its socket, request and parsed body stay on the server all that time.
 */
export const MAX_QUEUED_MUTATIONS = 2000;

/** Mutations a second one instance applies, roughly, to tell a refused client when to come back. */
const MUTATIONS_PER_SECOND = 1000;

/** How many mutations a push body says it carries (1 for one that will not parse: it is refused later, cheaply). */
function mutationsIn(body: unknown): number {
  const mutations = (body as { mutations?: unknown } | null)?.mutations;
  return Array.isArray(mutations) ? Math.min(Math.max(mutations.length, 1), MAX_PUSH_MUTATIONS) : 1;
}

/**
 * Backpressure on pushes: counts the mutations of the pushes under way on this instance and
 * refuses one that would take the count over `max` with 503 and Retry-After (clients retry a 503
 * with backoff, nothing of it is applied). A push always gets in when none is under way, so a
 * batch larger than `max` still goes through alone.
 */
export class PushAdmission {
  readonly #max: number;
  #queued = 0;

  constructor(max = MAX_QUEUED_MUTATIONS) {
    this.#max = max;
  }

  /** Mutations of the pushes under way now. */
  get queued(): number {
    return this.#queued;
  }

  async run<T>(body: unknown, push: () => Promise<T>): Promise<T> {
    const count = mutationsIn(body);
    if (this.#queued > 0 && this.#queued + count > this.#max) {
      const seconds = Math.max(1, Math.ceil(this.#queued / MUTATIONS_PER_SECOND));
      const refusal = new ApiFailure(503, 'unavailable', `The server is busy with ${this.#queued} mutations of other pushes; nothing of this one was applied. Retry in ${seconds} s.`);
      refusal.retryAfter = seconds;
      throw refusal;
    }
    this.#queued += count;
    try {
      return await push();
    } finally {
      this.#queued -= count;
    }
  }
}
