import type { WebSocket } from 'ws';
import type { ServerEvent } from '../../shared/sync/protocol.ts';
import { seesAny, type Visibility } from '../sync/scopes.ts';

const KEEP_ALIVE_MS = 30_000;

interface Subscriber {
  visibility: Visibility;
  alive: boolean;
}

/**
 * The connected realtime sockets. After a commit, each socket whose agent may see one of the
 * changed scopes gets a poke; a socket that misses a keep-alive round is dropped.
 */
export class RealtimeHub {
  readonly #subscribers = new Map<WebSocket, Subscriber>();
  readonly #timer: NodeJS.Timeout;

  constructor(keepAliveMs = KEEP_ALIVE_MS) {
    this.#timer = setInterval(() => this.#sweep(), keepAliveMs);
    this.#timer.unref();
  }

  get size(): number {
    return this.#subscribers.size;
  }

  add(socket: WebSocket, visibility: Visibility): void {
    const subscriber: Subscriber = { visibility, alive: true };
    this.#subscribers.set(socket, subscriber);
    socket.on('pong', () => (subscriber.alive = true));
    socket.on('close', () => this.#subscribers.delete(socket));
    socket.on('error', () => socket.terminate());
    // Clients only listen; anything they send is ignored.
  }

  poke(seq: number, scopes: Iterable<string>): void {
    const changed = [...scopes];
    const message = JSON.stringify({ type: 'poke', seq } satisfies ServerEvent);
    for (const [socket, { visibility }] of this.#subscribers) {
      if (socket.readyState === socket.OPEN && seesAny(visibility, changed)) socket.send(message);
    }
  }

  #sweep(): void {
    for (const [socket, subscriber] of this.#subscribers) {
      if (!subscriber.alive) {
        socket.terminate();
        this.#subscribers.delete(socket);
        continue;
      }
      subscriber.alive = false;
      socket.ping();
    }
  }

  close(): void {
    clearInterval(this.#timer);
    for (const socket of this.#subscribers.keys()) socket.terminate();
    this.#subscribers.clear();
  }
}
