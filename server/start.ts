import type { AddressInfo } from 'node:net';
import { buildApp } from './http/app.ts';
import type { LoginLimit } from './http/routes/auth.ts';
import { RealtimeHub } from './realtime/hub.ts';
import { openStore } from './store/open.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServerOptions {
  dbFile: string;
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Defaults to 127.0.0.1: reachable from this machine only unless asked. */
  host?: string;
  logger?: boolean;
  loginLimit?: LoginLimit;
}

/** Opens (and migrates) the store, then serves the API until `close`. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const db = await openStore(opts.dbFile);
  const hub = new RealtimeHub();
  const app = await buildApp({ db, hub, logger: opts.logger ?? false, ...(opts.loginLimit && { loginLimit: opts.loginLimit }) });
  const close = async () => {
    hub.close();
    await app.close();
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
