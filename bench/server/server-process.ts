import type { StoreLocation } from '../../server/store/dialect.ts';
import { startChild } from '../harness/child.ts';

export interface ServerProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** A real Orbit server (bench/server/serve.ts) over a store, in its own process. */
export async function startServerProcess(location: StoreLocation): Promise<ServerProcess> {
  const args = location.dbFile !== undefined ? ['--db', location.dbFile] : ['--database-url', location.databaseUrl];
  const child = await startChild<{ url: string }>(new URL('./serve.ts', import.meta.url), args);
  return { url: child.hello.url, pid: child.pid, close: child.close };
}
