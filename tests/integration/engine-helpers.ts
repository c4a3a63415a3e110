export { tempFiles as replicaFiles } from '../unit/engine/support.ts';
import { createDeskApi, type DeskApi, type DeskTransport, type SyncStatus } from '../../shared/ipc/index.ts';

/** Resolves with the first sync status (current or announced later) that satisfies `wanted`. */
export function untilStatus(desk: DeskApi, wanted: (s: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = (status: SyncStatus) => {
      if (done || !wanted(status)) return;
      done = true;
      off();
      resolve(status);
    };
    const off = desk.on('sync.status', check);
    desk.invoke('sync.status').then(check, reject);
  });
}

/** Resolves once `probe` answers something other than undefined; re-asks after every `changed` event. */
export function untilChanged<T>(desk: DeskApi, probe: () => Promise<T | undefined>): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = () =>
      probe().then((value) => {
        if (done || value === undefined) return;
        done = true;
        off();
        resolve(value);
      }, reject);
    const off = desk.on('changed', () => void check());
    void check();
  });
}

export const idleAndOnline = (s: SyncStatus) => s.phase === 'idle' && s.online && s.pending === 0;

export function deskOf(transport: DeskTransport): DeskApi {
  return createDeskApi(transport);
}
