import { WebSocket } from 'ws';
import { newId } from '../../shared/ids.ts';
import type { PendingMutation, PushResponse } from '../../shared/sync/protocol.ts';
import type { Cursor } from '../../shared/sync/protocol.ts';
import { routes } from '../../shared/sync/routes.ts';

/**
 * A simulated workstation as the server sees it: a realtime socket that reported its cursor (so
 * commits come as inline deltas, as they do for real engines) and pushes of its own mutations.
 * It applies nothing: it only counts what arrives and times its pushes.
 */
export class SimAgent {
  readonly clientId = newId();
  received = 0;
  readonly #serverUrl: string;
  readonly #token: string;
  readonly #socket: WebSocket;
  #mutationId = 0;
  #waiters: ((at: number) => void)[] = [];

  private constructor(serverUrl: string, token: string, socket: WebSocket) {
    this.#serverUrl = serverUrl;
    this.#token = token;
    this.#socket = socket;
    socket.on('message', () => {
      this.received += 1;
      const at = performance.now();
      for (const wake of this.#waiters.splice(0)) wake(at);
    });
  }

  static async connect(serverUrl: string, token: string, cursor: Cursor): Promise<SimAgent> {
    const socket = new WebSocket(new URL(routes.realtime, serverUrl.replace(/^http/, 'ws')), { headers: { authorization: `Bearer ${token}` } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const agent = new SimAgent(serverUrl, token, socket);
    socket.send(JSON.stringify({ type: 'cursor', clientId: agent.clientId, cursor }));
    return agent;
  }

  /** When the socket next hears anything from the server (performance.now() time). */
  nextMessage(): Promise<number> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Pushes one mutation and answers how many milliseconds the server took to commit it. */
  async push(name: string, args: unknown): Promise<number> {
    const mutation: PendingMutation = { id: ++this.#mutationId, name, args, createdAt: new Date().toISOString() };
    const started = performance.now();
    const response = await fetch(new URL(routes.push, this.#serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#token}` },
      body: JSON.stringify({ clientId: this.clientId, mutations: [mutation] }),
    });
    const answer = (await response.json()) as PushResponse;
    const ms = performance.now() - started;
    if (!response.ok || answer.results[0]?.status !== 'applied') throw new Error(`A simulated push was not applied: ${JSON.stringify(answer).slice(0, 300)}`);
    return ms;
  }

  close(): void {
    this.#socket.terminate();
  }
}
