import { Agent, request } from 'node:http';
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
  /** Pushes the server refused as busy (503 with Retry-After) and this agent sent again after the wait. */
  busy = 0;
  readonly #serverUrl: string;
  readonly #token: string;
  readonly #socket: WebSocket;
  /**
   * Its own keep-alive connection, as each workstation has. With fetch's shared pool, a thousand
   * agents failed as "fetch failed" (its cause was not logged then); this way a failure says what
   * the server answered.
   */
  readonly #http = new Agent({ keepAlive: true, maxSockets: 1 });
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

  /**
   * Pushes one mutation and answers how many milliseconds it took until the server committed it:
   * a busy server's 503 is retried after its Retry-After (with jitter, as a workstation backs off),
   * and that wait counts.
   */
  async push(name: string, args: unknown): Promise<number> {
    const mutation: PendingMutation = { id: ++this.#mutationId, name, args, createdAt: new Date().toISOString() };
    const payload = JSON.stringify({ clientId: this.clientId, mutations: [mutation] });
    const started = performance.now();
    let { status, body, retryAfter } = await this.#post(routes.push, payload);
    while (status === 503 && retryAfter !== null) {
      this.busy += 1;
      await new Promise((resolve) => setTimeout(resolve, retryAfter! * 1000 * (0.5 + Math.random())));
      ({ status, body, retryAfter } = await this.#post(routes.push, payload));
    }
    const ms = performance.now() - started;
    const answer = JSON.parse(body) as PushResponse;
    if (status !== 200 || answer.results[0]?.status !== 'applied') throw new Error(`A simulated push was not applied: ${body.slice(0, 300)}`);
    return ms;
  }

  #post(path: string, payload: string): Promise<{ status: number; body: string; retryAfter: number | null }> {
    return new Promise((resolve, reject) => {
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${this.#token}` };
      const req = request(new URL(path, this.#serverUrl), { method: 'POST', agent: this.#http, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        const retryAfter = res.headers['retry-after'] === undefined ? null : Number(res.headers['retry-after']);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), retryAfter }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.#socket.terminate();
    this.#http.destroy();
  }
}
