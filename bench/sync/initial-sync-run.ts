import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SNAPSHOT_PLAN } from '../../electron/engine/sync/snapshot-plan.ts';
import { caughtUp, Workstation } from './workstation.ts';

export interface InitialSync {
  /** Rows downloaded (all of them when finished). */
  rows: number;
  /** Rows the server said the snapshot holds. */
  total: number;
  finished: boolean;
  /** From sign-in until the first page of tickets is in the replica (null: not reached). */
  firstPageMs: number | null;
  /** Until the open tickets, their customers and their threads are in: what an agent works on. */
  usableMs: number | null;
  /** Until every row of the snapshot is in the replica, before the secondary and search indexes are built (null: not reached). */
  downloadedMs: number | null;
  /** Until the whole snapshot is in and the replica's indexes are built, or until stopped. */
  totalMs: number;
  /** Longest stall of this (the "main") process's event loop while the engine worker synced. */
  mainBlockedMs: number;
}

/** The first step after the open work (open tickets, customers, their threads) is in. */
const AFTER_OPEN_WORK = (SNAPSHOT_PLAN[SNAPSHOT_PLAN.findIndex((s) => s.kind === 'message' && s.part === 'open') + 1] as (typeof SNAPSHOT_PLAN)[number]).label;

/** Progress of the download itself; index builds after it report their own steps and units. */
const DOWNLOAD_LABELS = new Set(SNAPSHOT_PLAN.map((s) => s.label));

/**
 * Signs a fresh replica in (an engine in a worker, as the app runs it) and times its initial sync,
 * to the end or until `deadlineMs`, whichever comes first.
 */
export async function initialSync(serverUrl: string, dbFile: string, email: string, deadlineMs: number): Promise<InitialSync> {
  const station = await Workstation.open(dbFile);
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  try {
    let firstPageMs: number | null = null;
    let usableMs: number | null = null;
    let downloadedMs: number | null = null;
    let [rows, total] = [0, 0];
    const started = performance.now();
    station.desk.on('changed', ({ kinds }) => {
      if (firstPageMs === null && kinds.includes('ticket')) firstPageMs = performance.now() - started;
    });
    station.desk.on('sync.status', ({ progress }) => {
      if (!progress || !DOWNLOAD_LABELS.has(progress.label)) return;
      [rows, total] = [Math.max(rows, progress.done), progress.total];
      if (usableMs === null && progress.label === AFTER_OPEN_WORK) usableMs = performance.now() - started;
      if (total > 0 && rows >= total) downloadedMs = performance.now() - started;
    });
    stalls.enable();
    let timer: NodeJS.Timeout | undefined;
    const stopped = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs)));
    const syncing = station.signIn(serverUrl, email).then(() => station.until(caughtUp)).then(() => true);
    // Once stopped, the sync's failure when its engine closes is expected.
    syncing.catch(() => undefined);
    const finished = await Promise.race([syncing, stopped]);
    clearTimeout(timer);
    const totalMs = performance.now() - started;
    stalls.disable();
    return { rows: finished ? total : rows, total, finished, firstPageMs, usableMs, downloadedMs, totalMs, mainBlockedMs: stalls.max / 1e6 };
  } finally {
    await station.close();
  }
}
