import { startEngineWorker, type EngineHandle } from '../../electron/engine/worker-client.ts';
import { DEMO_PASSWORD } from '../../server/demo/credentials.ts';
import { createDeskApi, type DeskApi, type SyncStatus } from '../../shared/ipc/index.ts';
import { untilSynced } from '../../tests/support/signed-in-engine.ts';

/** How long a bench waits for a sync state before it gives up on the figure. */
const WAIT_MS = 30 * 60_000;

/** A workstation engine in its own worker thread (as the desktop app runs it), with waits on its sync status. */
export class Workstation {
  readonly desk: DeskApi;
  readonly #engine: EngineHandle;

  private constructor(engine: EngineHandle) {
    this.#engine = engine;
    this.desk = createDeskApi(engine);
  }

  /** No poll timer: only pokes, deltas and explicit syncs move it, so timings are not polluted by a timer. */
  static async open(dbFile: string): Promise<Workstation> {
    return new Workstation(await startEngineWorker({ dbFile, pollIntervalMs: 0 }));
  }

  /** Signs in with the demo password and waits until the replica has caught up. */
  async signIn(serverUrl: string, email: string): Promise<void> {
    await this.desk.invoke('session.login', { serverUrl, email, password: DEMO_PASSWORD });
    await untilSynced(this.desk);
  }

  /** The first status (now or later) that satisfies `wanted`. */
  until(wanted: (s: SyncStatus) => boolean): Promise<SyncStatus> {
    return new Promise((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => finish(() => reject(new Error(`No such sync status within ${WAIT_MS / 60_000} min.`))), WAIT_MS);
      const finish = (settle: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        off();
        settle();
      };
      const check = (s: SyncStatus) => wanted(s) && finish(() => resolve(s));
      const off = this.desk.on('sync.status', check);
      this.desk.invoke('sync.status').then(check, (err: unknown) => finish(() => reject(err as Error)));
    });
  }

  close(): Promise<void> {
    return this.#engine.close();
  }
}

export const caughtUp = (s: SyncStatus) => s.phase === 'idle' && s.pending === 0 && s.lastSyncedAt !== null;
