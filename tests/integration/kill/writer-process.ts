import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WRITER = fileURLToPath(new URL('./writer.ts', import.meta.url));

export interface WriterArgs {
  db: string;
  server: string;
  email: string;
  password: string;
  ticket: string;
  /** Starts every message body, so that this run's messages can be told apart. */
  label: string;
  drain?: boolean;
}

/** writer.ts as a child process on the project's Node, with what it has printed so far. */
export class WriterProcess {
  /** Message ids whose call returned ok, in order. */
  readonly shown: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  drained = false;
  readonly #child: ChildProcess;
  readonly #waiters = new Set<() => void>();
  #ended: { code: number | null; signal: NodeJS.Signals | null; stderr: string } | null = null;

  /** `compileCache`: a folder where Node keeps compiled modules, so the many restarts start fast. */
  constructor(args: WriterArgs, compileCache: string) {
    const argv = Object.entries(args).flatMap(([k, v]) => (typeof v === 'boolean' ? (v ? [`--${k}`] : []) : [`--${k}`, v]));
    this.#child = spawn(process.execPath, [WRITER, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_COMPILE_CACHE: compileCache } });
    let stdout = '';
    let stderr = '';
    this.#child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ok ')) this.shown.push(line.slice(3));
        if (line === 'drained') this.drained = true;
      }
      this.#waiters.forEach((w) => w());
    });
    this.#child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) =>
      this.#child.on('exit', (code, signal) => {
        this.#ended = { code, signal, stderr };
        this.#waiters.forEach((w) => w());
        resolve(this.#ended);
      }),
    );
  }

  /** Resolves once `count` calls returned ok; rejects if the process ends first. */
  shownAtLeast(count: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.shown.length >= count) resolve();
        else if (this.#ended) reject(new Error(`the writer ended on its own (code ${this.#ended.code}, signal ${this.#ended.signal}) after ${this.shown.length} writes:\n${this.#ended.stderr}`));
        else return;
        this.#waiters.delete(check);
      };
      this.#waiters.add(check);
      check();
    });
  }

  /** SIGKILL: no handler runs, nothing is flushed; resolves once the process is gone. */
  async kill(): Promise<void> {
    this.#child.kill('SIGKILL');
    await this.exited;
  }
}
