import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface Child<T> {
  /** The JSON line the script printed first, once ready. */
  hello: T;
  pid: number;
  close(): Promise<void>;
}

/**
 * Runs a bench script in a child process of the same Node, as a server runs on its own machine
 * (its own core and heap), and resolves with the first line it prints once ready (JSON unless
 * `hello` reads it). SIGTERM stops it.
 */
export async function startChild<T>(script: URL, args: string[], opts: { nodeArgs?: string[]; hello?: (line: string) => T } = {}): Promise<Child<T>> {
  const { nodeArgs = [], hello = (line: string) => JSON.parse(line) as T } = opts;
  // `node --cpu-prof bench/cli.ts …` profiles the children too (a server, an initial sync), each in its own file.
  const profiling = process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'));
  const child = spawn(process.execPath, [...profiling, ...nodeArgs, script.pathname, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([once(lines, 'line'), exited.then(([code]) => Promise.reject(new Error(`${script.pathname} exited (code ${String(code)}) before it was ready.`)))]);
  return {
    hello: hello(String(first[0])),
    pid: child.pid as number,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
