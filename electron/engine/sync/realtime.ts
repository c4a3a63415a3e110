import WebSocket from 'ws';
import { RealtimeServerMessage, type RealtimeClientMessage, type RealtimeDelta, type RealtimePresence } from '../../../shared/sync/realtime.ts';
import { routes } from '../../../shared/sync/routes.ts';
import { log } from '../log.ts';
import { backoffDelay } from './backoff.ts';

export interface RealtimeHandlers {
  /** The server committed something we may see: pull. */
  onPoke(): void;
  /** The server committed something we may see, and sent it along. */
  onDelta(delta: RealtimeDelta): void;
  /** Another agent's presence on a ticket we may see. */
  onPresence(presence: RealtimePresence): void;
  /** (Re)connected: anything may have happened while we were away. */
  onOpen(): void;
  onClose(): void;
  /** The server refused the token. The link stops; it does not retry. */
  onUnauthorized(): void;
}

/**
 * The realtime socket to the server (deltas and pokes after commits, presence both ways),
 * authenticated with the same bearer token as HTTP. It reconnects with backoff until stopped.
 */
export class RealtimeLink {
  readonly #url: URL;
  readonly #token: string;
  readonly #handlers: RealtimeHandlers;
  #socket: WebSocket | null = null;
  #retry: NodeJS.Timeout | null = null;
  #attempt = 0;
  #stopped = false;
  #connected = false;

  constructor(serverUrl: string, token: string, handlers: RealtimeHandlers) {
    this.#url = new URL(routes.realtime, serverUrl);
    this.#url.protocol = this.#url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.#token = token;
    this.#handlers = handlers;
  }

  get connected(): boolean {
    return this.#connected;
  }

  /** Sends when connected; false when not (the message is not queued: callers resend what still matters on open). */
  send(message: RealtimeClientMessage): boolean {
    if (!this.#connected || this.#socket?.readyState !== WebSocket.OPEN) return false;
    this.#socket.send(JSON.stringify(message));
    return true;
  }

  start(): void {
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    this.#socket?.terminate();
    this.#socket = null;
    this.#connected = false;
  }

  #connect(): void {
    const socket = new WebSocket(this.#url, { headers: { authorization: `Bearer ${this.#token}` }, handshakeTimeout: 15_000 });
    this.#socket = socket;
    socket.on('open', () => {
      this.#attempt = 0;
      this.#connected = true;
      this.#handlers.onOpen();
    });
    socket.on('message', (data) => this.#receive(data.toString()));
    socket.on('unexpected-response', (_req, res) => {
      socket.terminate();
      if (res.statusCode === 401) {
        this.stop();
        this.#handlers.onUnauthorized();
      }
    });
    // 'close' follows every failure and carries the reconnect; errors need no more than that.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.#socket !== socket) return;
      const wasConnected = this.#connected;
      this.#connected = false;
      this.#socket = null;
      if (wasConnected) this.#handlers.onClose();
      if (!this.#stopped) this.#retry = setTimeout(() => this.#connect(), backoffDelay(this.#attempt++)).unref();
    });
  }

  #receive(text: string): void {
    const parsed = RealtimeServerMessage.safeParse(parse(text));
    if (!parsed.success) {
      log.warn('ignored a realtime message this version does not understand');
      return;
    }
    const message = parsed.data;
    if (message.type === 'poke') this.#handlers.onPoke();
    else if (message.type === 'delta') this.#handlers.onDelta(message);
    else if (message.type === 'presence') this.#handlers.onPresence(message);
    else log.warn(`the realtime server refused a message: ${message.message}`);
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
