import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import type { Database } from '../store/schema.ts';
import { reportBusError, Subscribers, type Bus, type BusHandler, type Json } from './bus.ts';

/** One channel per database carries every topic; PostgreSQL keeps notifications within their database. */
const CHANNEL = 'orbit_bus';
/** NOTIFY refuses a payload of 8000 bytes or more. */
export const MAX_NOTIFY_BYTES = 7999;
const RECONNECT_FIRST_MS = 100;
const RECONNECT_MAX_MS = 5_000;
/** How the listening connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'orbit-bus';

const Envelope = z.object({ origin: z.string(), topic: z.string(), payload: z.unknown() });

export interface PostgresBusOptions {
  databaseUrl: string;
  /** The store's pool: publishing is one `pg_notify` on any of its connections. */
  db: Kysely<Database>;
  onError?: (err: unknown) => void;
}

/**
 * The bus between server instances sharing one PostgreSQL database: NOTIFY to publish, one
 * dedicated LISTEN connection per instance to hear. Local subscribers hear a message at once
 * (and skip its echo), so this instance's own sockets never wait on the database. A dropped
 * listening connection is reopened with backoff, and `onGap` handlers run once it is back.
 */
export class PostgresBus implements Bus {
  readonly #origin = randomUUID();
  readonly #opts: PostgresBusOptions;
  readonly #onError: (err: unknown) => void;
  readonly #subscribers: Subscribers;
  readonly #gapHandlers = new Set<() => void>();
  #listener: pg.Client | null = null;
  #retry: NodeJS.Timeout | null = null;
  #failures = 0;
  #closed = false;

  private constructor(opts: PostgresBusOptions) {
    this.#opts = opts;
    this.#onError = opts.onError ?? reportBusError;
    this.#subscribers = new Subscribers(this.#onError);
  }

  /** Resolves once this instance listens; an unreachable database fails here, at server start. */
  static async open(opts: PostgresBusOptions): Promise<PostgresBus> {
    const bus = new PostgresBus(opts);
    try {
      await bus.#listen();
    } catch (err) {
      await bus.close();
      throw err;
    }
    return bus;
  }

  async publish(topic: string, payload: Json, fallback?: Json): Promise<void> {
    this.#subscribers.deliver(topic, payload);
    const text = this.#envelope(topic, payload) ?? (fallback === undefined ? null : this.#envelope(topic, fallback));
    if (text === null) {
      this.#onError(new Error(`A "${topic}" message is over NOTIFY's ${MAX_NOTIFY_BYTES} bytes and has no fallback that fits; only this instance heard it.`));
      return;
    }
    try {
      await sql`select pg_notify(${CHANNEL}, ${text})`.execute(this.#opts.db);
    } catch (err) {
      this.#onError(err);
    }
  }

  subscribe(topic: string, handler: BusHandler): () => void {
    return this.#subscribers.add(topic, handler);
  }

  onGap(handler: () => void): () => void {
    this.#gapHandlers.add(handler);
    return () => this.#gapHandlers.delete(handler);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    const listener = this.#listener;
    this.#listener = null;
    await listener?.end().catch(() => {});
  }

  #envelope(topic: string, payload: Json): string | null {
    const text = JSON.stringify({ origin: this.#origin, topic, payload });
    return Buffer.byteLength(text) <= MAX_NOTIFY_BYTES ? text : null;
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#opts.databaseUrl, keepAlive: true, application_name: LISTENER_APPLICATION_NAME });
    this.#listener = client;
    client.on('notification', (n) => this.#receive(n.payload));
    client.on('error', (err) => this.#lost(client, err));
    client.on('end', () => this.#lost(client, new Error('the connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      this.#lost(client, err);
      throw err;
    }
  }

  #receive(text: string | undefined): void {
    let envelope: z.infer<typeof Envelope>;
    try {
      envelope = Envelope.parse(JSON.parse(text ?? ''));
    } catch (err) {
      this.#onError(new Error(`Ignored a malformed notification on ${CHANNEL}: ${err instanceof Error ? err.message : String(err)}`));
      return;
    }
    if (envelope.origin !== this.#origin) this.#subscribers.deliver(envelope.topic, envelope.payload);
  }

  /** Called for every failure of a listening client; only the first for the current one schedules a reconnect. */
  #lost(client: pg.Client, err: unknown): void {
    if (client !== this.#listener || this.#closed) return;
    this.#listener = null;
    client.end().catch(() => {});
    const delay = Math.min(RECONNECT_FIRST_MS * 2 ** this.#failures++, RECONNECT_MAX_MS);
    this.#onError(new Error(`Lost the LISTEN connection (${err instanceof Error ? err.message : String(err)}); retrying in ${delay} ms.`));
    this.#retry = setTimeout(() => void this.#relisten(), delay);
  }

  async #relisten(): Promise<void> {
    this.#retry = null;
    try {
      await this.#listen();
    } catch {
      return; // #lost has scheduled the next attempt.
    }
    this.#failures = 0;
    for (const handler of this.#gapHandlers) {
      try {
        handler();
      } catch (err) {
        this.#onError(err);
      }
    }
  }
}
