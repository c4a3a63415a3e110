import { startChild } from '../harness/child.ts';

export interface ServerProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** A real Orbit server (bench/server/serve.ts) over a server store, in its own process. */
export async function startServerProcess(dbFile: string): Promise<ServerProcess> {
  const child = await startChild<{ url: string }>(new URL('./serve.ts', import.meta.url), ['--db', dbFile]);
  return { url: child.hello.url, pid: child.pid, close: child.close };
}
