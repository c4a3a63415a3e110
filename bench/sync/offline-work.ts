import type { FaultProxy } from '../../tests/integration/sim/fault-proxy.ts';
import { priorityChange } from './priority-churn.ts';
import { caughtUp, type Workstation } from './workstation.ts';

/** Mutations sent to the engine at once while offline: its writer queues them, the IPC round trips overlap. */
const IN_FLIGHT = 100;

/** `count` priority changes made while the link is cut: they wait in the outbox. */
export async function changeOffline(station: Workstation, link: FaultProxy, tickets: readonly string[], count: number): Promise<void> {
  link.partition(true);
  for (let done = 0; done < count; done += IN_FLIGHT) {
    const batch = Array.from({ length: Math.min(IN_FLIGHT, count - done) }, (_, i) => priorityChange(tickets, done + i));
    await Promise.all(batch.map((change) => station.desk.invoke('ticket.setPriority', change)));
  }
  await station.until((s) => s.pending >= count);
}

export interface Reconnect {
  /** Until the server has acknowledged every pending mutation. */
  pushedMs: number;
  /** Until the outbox is empty and the replica caught up (their effects pulled back too). */
  totalMs: number;
}

/** Heals the link and times one sync from there. */
export async function reconnectAndSync(station: Workstation, link: FaultProxy): Promise<Reconnect> {
  await link.heal();
  const started = performance.now();
  const pushed = station.until((s) => s.pending === 0).then(() => performance.now() - started);
  await station.desk.invoke('sync.now');
  await station.until(caughtUp);
  return { pushedMs: await pushed, totalMs: performance.now() - started };
}
