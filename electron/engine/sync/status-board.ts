import type { SyncStatus } from '../../../shared/ipc/views.ts';

type Reported = Omit<SyncStatus, 'pending' | 'rejected'>;

/**
 * The one SyncStatus of the engine. Outbox counts are read fresh each time; every change of
 * what the agent would see is emitted once (`sync.status` event).
 */
export class SyncStatusBoard {
  #state: Reported;
  #lastEmitted = '';
  readonly #counts: () => { pending: number; rejected: number };
  readonly #emit: (status: SyncStatus) => void;

  constructor(initial: Reported, counts: () => { pending: number; rejected: number }, emit: (status: SyncStatus) => void) {
    this.#state = initial;
    this.#counts = counts;
    this.#emit = emit;
  }

  get(): SyncStatus {
    return { ...this.#state, ...this.#counts() };
  }

  /** Applies a change (or just re-reads the counts) and emits when anything visible changed. */
  update(patch: Partial<Reported> = {}): void {
    this.#state = { ...this.#state, ...patch };
    const status = this.get();
    const json = JSON.stringify(status);
    if (json === this.#lastEmitted) return;
    this.#lastEmitted = json;
    this.#emit(status);
  }
}
