import type { EventName, EventPayload } from '../../shared/ipc/contract.ts';
import { log } from './log.ts';

export type EngineListener = (event: string, payload: unknown) => void;

/** Fans the engine's events (shared/ipc/contract.ts `events`) out to every listener. */
export class EngineEvents {
  readonly #listeners = new Set<EngineListener>();

  on(listener: EngineListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) {
      try {
        listener(event, payload);
      } catch (err) {
        log.error(`a listener of "${event}" threw`, err);
      }
    }
  }
}
