import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/**
 * Starts bench/server/serve.ts over a server store in a child process: the server gets a core of
 * its own, as it would on its own machine, instead of sharing the clients' event loop.
 */
export async function startServerProcess(dbFile: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, [new URL('./serve.ts', import.meta.url).pathname, '--db', dbFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([once(lines, 'line'), exited.then(([code]) => Promise.reject(new Error(`The bench server exited (code ${String(code)}) before serving.`)))]);
  const { url } = JSON.parse(String(first[0])) as { url: string };
  return {
    url,
    pid: child.pid as number,
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
