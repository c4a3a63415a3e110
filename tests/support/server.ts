import { seedDemo, SeedRefused } from '../../server/demo/seed.ts';
import { startServer, type RunningServer } from '../../server/start.ts';
import type { StoreLocation } from '../../server/store/dialect.ts';
import { openStore } from '../../server/store/open.ts';
import { freshStore, type StoreKind } from './store.ts';

export interface TestServerOptions {
  /** Seed the demo workspace (full size with `true`) into an empty database; a database with data is used as it is. */
  demo?: boolean | { scale: number; seed?: number };
  /** The kind of fresh store to make; ORBIT_TEST_STORE (SQLite unless set) by default. */
  store?: StoreKind;
  /** Reuse this store (e.g. to restart a stopped server on the same data, or a second instance on one database). */
  location?: StoreLocation;
  /** 0 or absent: any free port. Pass a stopped server's port to restart it where clients expect it. */
  port?: number;
  /** The server's push backpressure (ServerOptions.maxQueuedMutations); its default when absent. */
  maxQueuedMutations?: number;
}

export type TestServer = RunningServer & { location: StoreLocation };

/** A real Orbit server on 127.0.0.1 over a real store: a SQLite file or a PostgreSQL database. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const location = opts.location ?? (await freshStore(opts.store ? { kind: opts.store } : {}));
  if (opts.demo) {
    const { scale, seed } = opts.demo === true ? { scale: 1, seed: undefined } : opts.demo;
    const db = await openStore(location);
    try {
      await seedDemo(db, { scale, ...(seed !== undefined && { seed }) });
    } catch (err) {
      if (!(err instanceof SeedRefused)) throw err;
    } finally {
      await db.destroy();
    }
  }
  const server = await startServer({ ...location, port: opts.port ?? 0, ...(opts.maxQueuedMutations !== undefined && { maxQueuedMutations: opts.maxQueuedMutations }) });
  return { ...server, location };
}
