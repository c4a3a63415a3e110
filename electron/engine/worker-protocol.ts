import type { DeskErrorBody } from '../../shared/ipc/contract.ts';
import type { DeskResult } from '../../shared/ipc/envelope.ts';

/** Starts the worker (as `workerData`). */
export interface WorkerInit {
  dbFile: string;
  pollIntervalMs?: number;
  /** How many nice steps below its host the engine's thread runs (see thread-priority.ts). */
  niceness: number;
}

/** Parent -> worker. */
export type ToWorker =
  | { t: 'invoke'; id: number; name: string; input: unknown }
  | { t: 'secret-result'; id: number; ok: true; value: string }
  /** The codec's refusal keeps its DeskError code, so the agent sees why (e.g. no keychain). */
  | { t: 'secret-result'; id: number; ok: false; error: DeskErrorBody }
  | { t: 'close' };

/** Worker -> parent. The worker asks the parent to seal and open secrets: only Electron main has the keychain. */
export type FromWorker =
  | { t: 'ready' }
  | { t: 'failed'; message: string }
  | { t: 'result'; id: number; result: DeskResult }
  | { t: 'event'; name: string; payload: unknown }
  | { t: 'secret'; id: number; op: 'encrypt' | 'decrypt'; value: string }
  | { t: 'closed' };
