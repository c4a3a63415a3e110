import { Worker } from 'node:worker_threads';
import { DeskError } from '../../shared/ipc/contract.ts';
import type { DeskResult, DeskTransport } from '../../shared/ipc/envelope.ts';
import type { EngineListener } from './events.ts';
import { log } from './log.ts';
import { plainSecrets, type SecretCodec } from './secret-codec.ts';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.ts';

export type { SecretCodec } from './secret-codec.ts';

/** An engine running in a worker thread, seen from its parent. */
export interface EngineHandle extends DeskTransport {
  close(): Promise<void>;
}

export interface EngineWorkerOptions {
  dbFile: string;
  /** The worker entry: electron/engine/worker.ts by default (Node 24 runs it as is); Electron passes its bundled engine-worker.js. */
  workerFile?: string | URL;
  /** Owned here, in the parent: the worker asks it to seal and open the session token. */
  secrets?: SecretCodec;
  pollIntervalMs?: number;
  /**
   * How many nice steps below the host the engine's thread runs (Linux; default ENGINE_NICENESS):
   * an initial sync or an index build keeps both cores busy, and the host's event loop must still
   * get a core within a frame. 0 leaves it as the host.
   */
  niceness?: number;
}

/** See EngineWorkerOptions.niceness. */
export const ENGINE_NICENESS = 5;

/** How long a closing engine may take before its thread is stopped anyway (a quit must not hang). */
const CLOSE_TIMEOUT_MS = 10_000;

const unavailable = (message: string): DeskResult => ({ ok: false, error: new DeskError('unavailable', message).toBody() });

/** Starts an engine in a worker thread; resolves once its replica is open, rejects with the reason if it cannot open. */
export function startEngineWorker(opts: EngineWorkerOptions): Promise<EngineHandle> {
  const init: WorkerInit = { dbFile: opts.dbFile, pollIntervalMs: opts.pollIntervalMs, niceness: opts.niceness ?? ENGINE_NICENESS };
  const worker = new Worker(opts.workerFile ?? new URL('./worker.ts', import.meta.url), { workerData: init });
  const secrets = opts.secrets ?? plainSecrets;
  const pending = new Map<number, (result: DeskResult) => void>();
  const listeners = new Set<EngineListener>();
  let nextId = 1;
  /** Why calls cannot be answered any more; null while the worker is alive. */
  let gone: string | null = null;
  let settleStart: { resolve: () => void; reject: (err: Error) => void } | null = null;

  const send = (message: ToWorker) => worker.postMessage(message);

  const fail = (reason: string) => {
    gone ??= reason;
    for (const resolve of pending.values()) resolve(unavailable(gone));
    pending.clear();
    settleStart?.reject(new Error(gone));
    settleStart = null;
  };

  const answerSecret = async (message: FromWorker & { t: 'secret' }) => {
    try {
      const value = message.op === 'encrypt' ? await secrets.encrypt(message.value) : await secrets.decrypt(message.value);
      send({ t: 'secret-result', id: message.id, ok: true, value });
    } catch (err) {
      const error = err instanceof DeskError ? err.toBody() : { code: 'internal' as const, message: err instanceof Error ? err.message : String(err) };
      send({ t: 'secret-result', id: message.id, ok: false, error });
    }
  };

  worker.on('message', (message: FromWorker) => {
    switch (message.t) {
      case 'ready':
        settleStart?.resolve();
        settleStart = null;
        return;
      case 'failed':
        fail(message.message);
        void worker.terminate();
        return;
      case 'result':
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
        return;
      case 'event':
        for (const listener of listeners) listener(message.name, message.payload);
        return;
      case 'secret':
        void answerSecret(message);
        return;
      case 'closed':
        fail('The workstation engine has been closed.');
        return;
    }
  });
  worker.on('error', (err) => {
    log.error('the engine worker crashed', err);
    fail('The workstation engine stopped unexpectedly. Restart Orbit; changes already shown as sent or pending are kept.');
  });
  worker.on('exit', (code) => fail(`The workstation engine exited (code ${code}). Restart Orbit; changes already shown as sent or pending are kept.`));

  const handle: EngineHandle = {
    invoke(name, input) {
      if (gone) return Promise.resolve(unavailable(gone));
      const id = nextId++;
      return new Promise<DeskResult>((resolve) => {
        pending.set(id, resolve);
        try {
          send({ t: 'invoke', id, name, input });
        } catch {
          // Input that cannot be copied to the worker (functions, class instances) is not valid input.
          pending.delete(id);
          resolve({ ok: false, error: { code: 'invalid_input', message: `Invalid input for ${String(name).slice(0, 100)}: it cannot be sent to the engine.` } });
        }
      });
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (gone) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      send({ t: 'close' });
      const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };

  return new Promise<EngineHandle>((resolve, reject) => {
    settleStart = { resolve: () => resolve(handle), reject };
  });
}
