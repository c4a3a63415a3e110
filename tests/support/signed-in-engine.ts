import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngineWorker } from '../../electron/engine/worker-client.ts';
import { createDeskApi, type DeskApi, type SyncStatus } from '../../shared/ipc/index.ts';

export interface SignedInEngine {
  desk: DeskApi;
  close(): Promise<void>;
}

/** Resolves once a signed-in replica has caught up with the server, its outbox empty; rejects when sync stops with an error. */
export function untilSynced(desk: DeskApi): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (status: SyncStatus) => {
      if (status.phase === 'idle' && status.lastSyncedAt !== null && status.pending === 0) {
        off();
        resolve();
      } else if (status.phase === 'error' || status.phase === 'signed_out') {
        off();
        reject(new Error(`Sync stopped (${status.phase}): ${status.error ?? 'no reason given'}`));
      }
    };
    const off = desk.on('sync.status', check);
    desk.invoke('sync.status').then(check, reject);
  });
}

/**
 * A second workstation, as a real engine in its own worker on a fresh replica, signed in and
 * synced: the honest way for a test to see what the server holds.
 */
export async function signedInEngine(opts: { serverUrl: string; email: string; password: string }): Promise<SignedInEngine> {
  const dir = await mkdtemp(join(tmpdir(), 'orbit-replica-'));
  const engine = await startEngineWorker({ dbFile: join(dir, 'replica.sqlite') });
  const desk = createDeskApi(engine);
  const close = async () => {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await desk.invoke('session.login', opts);
    await untilSynced(desk);
  } catch (err) {
    await close();
    throw err;
  }
  return { desk, close };
}
