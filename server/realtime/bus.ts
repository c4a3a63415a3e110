/** What a bus message may carry: it may travel to another server instance as JSON. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Hears one topic's messages. The payload is `unknown`: it may come from another instance (or version), so check it. */
export type BusHandler = (payload: unknown) => void;

/**
 * Fan-out between server instances: what one instance publishes, every instance's subscribers
 * hear (its own included). Delivery is best effort, like the pokes it carries: a client that
 * misses one still pulls on its next cycle.
 */
export interface Bus {
  /**
   * Delivers `payload` to the topic's subscribers here at once and on other instances soon.
   * Other instances get `fallback` instead when `payload` is too big to travel; without a
   * fallback, a too-big payload stays on this instance and the failure is reported. Never rejects.
   */
  publish(topic: string, payload: Json, fallback?: Json): Promise<void>;
  subscribe(topic: string, handler: BusHandler): () => void;
  /** Called when messages from other instances may have been lost (the link dropped and came back). */
  onGap(handler: () => void): () => void;
  close(): Promise<void>;
}

/** Handlers by topic, and delivery to them; one handler's failure never keeps the message from the others. */
export class Subscribers {
  readonly #handlers = new Map<string, Set<BusHandler>>();
  readonly #onError: (err: unknown) => void;

  constructor(onError: (err: unknown) => void) {
    this.#onError = onError;
  }

  add(topic: string, handler: BusHandler): () => void {
    const set = this.#handlers.get(topic) ?? new Set();
    this.#handlers.set(topic, set);
    set.add(handler);
    return () => set.delete(handler);
  }

  deliver(topic: string, payload: unknown): void {
    for (const handler of this.#handlers.get(topic) ?? []) {
      try {
        handler(payload);
      } catch (err) {
        this.#onError(err);
      }
    }
  }
}

export const reportBusError = (err: unknown) => console.error(`Realtime bus: ${err instanceof Error ? err.message : String(err)}`);

/** The bus of a server that runs alone (the SQLite store): everything stays in this process. */
export class LocalBus implements Bus {
  readonly #subscribers = new Subscribers(reportBusError);

  async publish(topic: string, payload: Json): Promise<void> {
    this.#subscribers.deliver(topic, payload);
  }

  subscribe(topic: string, handler: BusHandler): () => void {
    return this.#subscribers.add(topic, handler);
  }

  onGap(): () => void {
    return () => {};
  }

  async close(): Promise<void> {}
}
