import { DeskError } from '../../../shared/ipc/contract.ts';
import { SocketServerMessage, type DeskResult, type DeskTransport, type SocketClientMessage } from '../../../shared/ipc/envelope.ts';
import type { ConnectionState, DeskConnection } from './connection.ts';

export interface SocketTransportOptions {
  url: string;
  /** Reconnect delays grow from min to max (doubling, with jitter). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

type Pending = (result: DeskResult) => void;

const unavailable = (message: string): DeskResult => ({ ok: false, error: new DeskError('unavailable', message).toBody() });

const NOT_CONNECTED = 'Not connected to the Orbit engine. Reconnecting; try again in a moment.';
const LOST_IN_FLIGHT =
  'The connection to the Orbit engine dropped before it answered. Once it is back, check whether the change was saved before trying again.';

/**
 * `window.desk` for a plain browser: the browser host's WebSocket. Calls made while a
 * connection attempt is under way wait for it; calls made while disconnected, and calls
 * whose answer was lost with the socket, fail at once with DeskError('unavailable').
 */
export class SocketTransport implements DeskTransport, DeskConnection {
  private readonly url: string;
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private socket: WebSocket | null = null;
  private state: ConnectionState = 'connecting';
  private attempt = 0;
  private nextId = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closedForGood = false;
  private readonly pending = new Map<number, Pending>();
  private readonly waitingForOpen: Array<() => void> = [];
  private readonly eventListeners = new Set<(event: string, payload: unknown) => void>();
  private readonly stateListeners = new Set<() => void>();

  constructor(options: SocketTransportOptions) {
    this.url = options.url;
    this.minDelayMs = options.minDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.connect();
  }

  invoke(name: string, input: unknown): Promise<DeskResult> {
    if (this.state === 'open') return this.send(name, input);
    if (this.state === 'closed') return Promise.resolve(unavailable(NOT_CONNECTED));
    return new Promise((resolve) => {
      this.waitingForOpen.push(() => resolve(this.state === 'open' ? this.send(name, input) : unavailable(NOT_CONNECTED)));
    });
  }

  on(listener: (event: string, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  getState(): ConnectionState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Stops reconnecting and fails whatever is still waiting. */
  close(): void {
    this.closedForGood = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close();
    this.setState('closed');
    this.failAll(NOT_CONNECTED);
  }

  private send(name: string, input: unknown): Promise<DeskResult> {
    const id = this.nextId++;
    const message: SocketClientMessage = { t: 'invoke', id, name, input };
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.socket?.send(JSON.stringify(message));
    });
  }

  private connect(): void {
    this.setState('connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.setState('open');
      this.releaseWaiting();
    });
    socket.addEventListener('message', (e) => this.receive(e.data));
    socket.addEventListener('close', () => this.onClose(socket));
  }

  private onClose(socket: WebSocket): void {
    if (socket !== this.socket || this.closedForGood) return;
    this.socket = null;
    this.setState('closed');
    this.failAll(LOST_IN_FLIGHT);
    const delay = Math.min(this.maxDelayMs, this.minDelayMs * 2 ** this.attempt++);
    this.retryTimer = setTimeout(() => this.connect(), delay / 2 + Math.random() * (delay / 2));
  }

  private receive(data: unknown): void {
    let parsed: ReturnType<typeof SocketServerMessage.safeParse>;
    try {
      parsed = SocketServerMessage.safeParse(JSON.parse(String(data)));
    } catch {
      console.warn('Ignored a desk socket message that is not JSON');
      return;
    }
    if (!parsed.success) {
      console.warn('Ignored a malformed desk socket message', parsed.error.issues[0]);
      return;
    }
    const message = parsed.data;
    if (message.t === 'event') {
      for (const listener of this.eventListeners) listener(message.name, message.payload);
      return;
    }
    const resolve = this.pending.get(message.id);
    this.pending.delete(message.id);
    resolve?.(message.result);
  }

  private failAll(message: string): void {
    for (const resolve of this.pending.values()) resolve(unavailable(message));
    this.pending.clear();
    this.releaseWaiting();
  }

  private releaseWaiting(): void {
    for (const release of this.waitingForOpen.splice(0)) release();
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener();
  }
}
