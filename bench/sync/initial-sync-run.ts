import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SNAPSHOT_PLAN } from '../../electron/engine/sync/snapshot-plan.ts';
import { caughtUp, Workstation } from './workstation.ts';

export interface InitialSync {
  rows: number;
  /** From sign-in until the first page of tickets is in the replica. */
  firstPageMs: number;
  /** Until the open tickets, their customers and their threads are in: what an agent works on. */
  usableMs: number;
  /** Until the whole snapshot is in and the replica's indexes are built. */
  totalMs: number;
  /** Longest stall of this (the "main") process's event loop while the engine worker synced. */
  mainBlockedMs: number;
}

/** The first step after the open work (open tickets, customers, their threads) is in. */
const AFTER_OPEN_WORK = (SNAPSHOT_PLAN[SNAPSHOT_PLAN.findIndex((s) => s.kind === 'message' && s.part === 'open') + 1] as (typeof SNAPSHOT_PLAN)[number]).label;

/** Signs a fresh replica in (an engine in a worker, as the app runs it) and times its initial sync to the end. */
export async function initialSync(serverUrl: string, dbFile: string, email: string): Promise<InitialSync> {
  const station = await Workstation.open(dbFile);
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  try {
    let firstPageMs = NaN;
    let usableMs = NaN;
    let rows = 0;
    const started = performance.now();
    const offRows = station.desk.on('changed', ({ kinds }) => {
      if (Number.isNaN(firstPageMs) && kinds.includes('ticket')) firstPageMs = performance.now() - started;
    });
    const offStatus = station.desk.on('sync.status', ({ progress }) => {
      if (!progress) return;
      rows = Math.max(rows, progress.done);
      if (Number.isNaN(usableMs) && progress.label === AFTER_OPEN_WORK) usableMs = performance.now() - started;
    });
    stalls.enable();
    await station.signIn(serverUrl, email);
    await station.until(caughtUp);
    const totalMs = performance.now() - started;
    stalls.disable();
    offRows();
    offStatus();
    return { rows, firstPageMs, usableMs, totalMs, mainBlockedMs: stalls.max / 1e6 };
  } finally {
    await station.close();
  }
}
