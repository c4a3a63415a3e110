import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the scheduling priority of the calling thread by `by` nice steps, so that when the cores
 * are busy the kernel runs the process's other threads first (the engine's worker thread yields
 * to the Electron main thread that hosts it). Linux only, where a thread has a nice value of its
 * own, named by its id (/proc/thread-self); elsewhere, or when refused, nothing changes.
 * Returns whether it did. Raising it back needs a privilege, so it is for the thread's lifetime.
 */
export function lowerThreadPriority(by: number): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.min(19, getPriority(tid) + by));
    return true;
  } catch {
    return false;
  }
}
