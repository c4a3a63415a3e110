import type { AddressInfo } from 'node:net';
import { buildApp } from './http/app.ts';
import type { LoginLimit } from './http/routes/auth.ts';
import { LocalBus, type Bus } from './realtime/bus.ts';
import { onCommit } from './realtime/commits.ts';
import { RealtimeHub } from './realtime/hub.ts';
import { PostgresBus } from './realtime/postgres-bus.ts';
import type { StoreLocation } from './store/dialect.ts';
import { openStore } from './store/open.ts';
import { headCursor } from './store/workspace.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The store (`dbFile` for SQLite, `databaseUrl` for PostgreSQL) and how to serve it. */
export type ServerOptions = StoreLocation & {
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Defaults to 127.0.0.1: reachable from this machine only unless asked. */
  host?: string;
  logger?: boolean;
  loginLimit?: LoginLimit;
};

/**
 * Opens (and migrates) the store, then serves the API until `close`. On PostgreSQL, instances
 * sharing the database hear each other's commits over LISTEN/NOTIFY and poke their own sockets.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const db = await openStore(opts);
  let bus: Bus;
  try {
    bus = opts.databaseUrl === undefined ? new LocalBus() : await PostgresBus.open({ databaseUrl: opts.databaseUrl, db });
  } catch (err) {
    await db.destroy();
    throw err;
  }
  const hub = new RealtimeHub();
  onCommit(bus, async () => (await headCursor(db)).seq, ({ seq, scopes }) => hub.poke(seq, scopes));
  const app = await buildApp({ db, hub, bus, logger: opts.logger ?? false, ...(opts.loginLimit && { loginLimit: opts.loginLimit }) });
  const close = async () => {
    hub.close();
    await app.close();
    await bus.close();
    await db.destroy();
  };
  try {
    await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });
  } catch (err) {
    await close();
    throw err;
  }
  const { address, port } = app.server.address() as AddressInfo;
  const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
  return { url: `http://${host}:${port}`, port, close };
}
