import { access, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngineWorker } from '../engine/worker-client.ts';
import { attachDeskSocket } from './desk-socket.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { hostOrigins, newSocketKey, socketGuard } from './socket-guard.ts';
import { staticFiles } from './static-files.ts';

export interface BrowserHostOptions {
  /** Where the replica lives (replica.sqlite); created if missing. */
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to bind; loopback by default, so no other machine can reach the engine. */
  host?: string;
  /** The built renderer; defaults to out/renderer of this checkout. */
  rendererDir?: string;
  /** Pre-fills the log-in screen's Server field. */
  serverUrl?: string;
}

export interface BrowserHost {
  /** The page to open: carries the socket key, so treat it like a password. */
  url: string;
  close(): Promise<void>;
}

export const DESK_SOCKET_PATH = '/desk';
const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

async function assertBuilt(rendererDir: string): Promise<void> {
  const indexFile = join(rendererDir, 'index.html');
  await access(indexFile).catch(() => {
    throw new Error(`The renderer is not built (${indexFile} is missing): run \`npx electron-vite build\` first.`);
  });
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done(server.address() as AddressInfo);
    });
  });
}

/** Serves the workstation to a browser: the built renderer, plus `window.desk` bridged to a real engine. */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const host = opts.host ?? '127.0.0.1';
  const rendererDir = opts.rendererDir ?? DEFAULT_RENDERER_DIR;
  await assertBuilt(rendererDir);
  const serveFile = staticFiles(rendererDir, SECURITY_HEADERS);

  // The replica holds the agent's session token: keep the folder private to this user.
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  const engine = await startEngineWorker({ dbFile: join(opts.dataDir, 'replica.sqlite') });

  const server = createServer((req, res) => {
    serveFile(req, res).catch((err: unknown) => {
      console.warn(`[browser-host] ${req.method} ${req.url}: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    });
  });
  let address: AddressInfo;
  try {
    address = await listen(server, opts.port ?? 0, host);
  } catch (err) {
    await engine.close();
    throw err;
  }

  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  const key = newSocketKey();
  const socket = attachDeskSocket({ server, engine, guard: socketGuard({ key, origins: hostOrigins(origin), path: DESK_SOCKET_PATH }) });

  const page = new URL('/', origin);
  page.searchParams.set('key', key);
  if (opts.serverUrl) page.searchParams.set('server', opts.serverUrl);

  return {
    url: page.href,
    async close() {
      await socket.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await engine.close();
    },
  };
}
