import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { DeskError } from '../../shared/ipc/contract.ts';
import { toDeskResultError } from '../../shared/ipc/envelope.ts';
import { Engine } from './engine.ts';
import { log } from './log.ts';
import type { SecretCodec } from './secret-codec.ts';
import { lowerThreadPriority } from './thread-priority.ts';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.ts';

/** Secrets are sealed by the parent (Electron's safeStorage exists only in the main process). */
function parentSecrets(post: (m: FromWorker) => void, replies: Map<number, (reply: ToWorker & { t: 'secret-result' }) => void>): SecretCodec {
  let nextId = 1;
  const ask = (op: 'encrypt' | 'decrypt', value: string) =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      replies.set(id, (reply) => (reply.ok ? resolve(reply.value) : reject(new DeskError(reply.error.code, reply.error.message))));
      post({ t: 'secret', id, op, value });
    });
  return { encrypt: (plain) => ask('encrypt', plain), decrypt: (sealed) => ask('decrypt', sealed) };
}

/** Hosts one Engine in this worker thread and speaks worker-protocol.ts with the parent. */
async function serve(port: MessagePort, init: WorkerInit): Promise<void> {
  if (init.niceness > 0) lowerThreadPriority(init.niceness);
  const post = (m: FromWorker) => port.postMessage(m);
  const secretReplies = new Map<number, (reply: ToWorker & { t: 'secret-result' }) => void>();
  let engine: Engine | null = null;

  port.on('message', (message: ToWorker) => {
    switch (message.t) {
      case 'secret-result':
        secretReplies.get(message.id)?.(message);
        secretReplies.delete(message.id);
        return;
      case 'invoke': {
        const answer = engine
          ? engine.invoke(message.name, message.input)
          : Promise.resolve(toDeskResultError(new DeskError('unavailable', 'The workstation engine is still starting.')));
        void answer.then((result) => post({ t: 'result', id: message.id, result }));
        return;
      }
      case 'close':
        void (engine?.close() ?? Promise.resolve())
          .catch((err: unknown) => log.error('closing the engine failed', err))
          .finally(() => {
            post({ t: 'closed' });
            port.close();
          });
        return;
    }
  });

  try {
    engine = await Engine.open({ dbFile: init.dbFile, pollIntervalMs: init.pollIntervalMs, secrets: parentSecrets(post, secretReplies) });
  } catch (err) {
    post({ t: 'failed', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  engine.on((name, payload) => post({ t: 'event', name, payload }));
  post({ t: 'ready' });
}

if (!parentPort) throw new Error('electron/engine/worker.ts runs as a worker thread; use startEngineWorker() from worker-client.ts.');
void serve(parentPort, workerData as WorkerInit);
