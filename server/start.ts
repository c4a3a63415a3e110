import type { AddressInfo } from 'node:net';
import { buildApp } from './http/app.ts';
import type { LoginLimit } from './http/routes/auth.ts';
import type { SurveyLimit } from './http/routes/surveys.ts';
import { LocalBus, type Bus } from './realtime/bus.ts';
import { groupPuller } from './realtime/group-puller.ts';
import { RealtimeHub } from './realtime/hub.ts';
import { hubOnBus } from './realtime/hub-on-bus.ts';
import { publishPresence } from './realtime/presence-topic.ts';
import { PostgresBus } from './realtime/postgres-bus.ts';
import type { StoreLocation } from './store/dialect.ts';
import { openStore } from './store/open.ts';

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
  surveyLimit?: SurveyLimit;
  /** The origin customers reach this server at (survey links). */
  publicUrl?: string;
  /** Mutations of pushes let wait for the write lock at once (server/sync/push-admission.ts). */
  maxQueuedMutations?: number;
};

/**
 * Opens (and migrates) the store, then serves the API until `close`. On PostgreSQL, instances
 * sharing the database hear each other's commits and presence over LISTEN/NOTIFY and tell their own sockets.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const db = await openStore(opts);
  // Undone in reverse: sockets first, then HTTP, the bus, the store.
  const opened: (() => Promise<void> | void)[] = [() => db.destroy()];
  const close = async () => {
    for (const step of opened.splice(0).reverse()) await step();
  };
  try {
    const bus: Bus = opts.databaseUrl === undefined ? new LocalBus() : await PostgresBus.open({ databaseUrl: opts.databaseUrl, db });
    opened.push(() => bus.close());
    const hub = new RealtimeHub({ pullGroup: groupPuller(db), publishPresence: (notice) => void publishPresence(bus, notice) });
    hubOnBus(bus, hub, db);
    const app = await buildApp({ db, hub, bus, logger: opts.logger ?? false, ...(opts.loginLimit && { loginLimit: opts.loginLimit }),
      ...(opts.surveyLimit && { surveyLimit: opts.surveyLimit }),
      ...(opts.publicUrl !== undefined && { publicUrl: opts.publicUrl }),
      ...(opts.maxQueuedMutations !== undefined && { maxQueuedMutations: opts.maxQueuedMutations }),
    });
    opened.push(() => app.close(), () => hub.close());
    await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });
    const { address, port } = app.server.address() as AddressInfo;
    const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
    return { url: `http://${host}:${port}`, port, close };
  } catch (err) {
    await close();
    throw err;
  }
}
