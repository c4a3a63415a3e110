import { existsSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/** The nice value of this thread, from /proc (field 19 of stat, after the command name in parentheses). */
const niceOf = (stat: string): number => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
const niceHere = () => niceOf(readFileSync('/proc/thread-self/stat', 'utf8'));

describe.runIf(existsSync('/proc/thread-self'))('lowerThreadPriority (Linux only: it needs /proc/thread-self)', () => {
  it('lowers the calling thread only: the engine thread yields, its host keeps its priority', async () => {
    const before = niceHere();
    const module = new URL('../../../electron/engine/thread-priority.ts', import.meta.url).href;
    const code = `
      const { parentPort } = require('node:worker_threads');
      const { readFileSync } = require('node:fs');
      const nice = () => (${niceOf.toString()})(readFileSync('/proc/thread-self/stat', 'utf8'));
      import(${JSON.stringify(module)}).then(({ lowerThreadPriority }) => {
        const was = nice();
        const done = lowerThreadPriority(3);
        parentPort.postMessage({ was, done, now: nice() });
      });`;
    const worker = new Worker(code, { eval: true });
    const answer = await new Promise<{ was: number; done: boolean; now: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(answer.done).toBe(true);
    expect(answer.now).toBe(Math.min(19, answer.was + 3));
    expect(niceHere()).toBe(before);
  });
});
