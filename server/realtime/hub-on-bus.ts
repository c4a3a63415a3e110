import type { Bus } from './bus.ts';
import { onCommit } from './commits.ts';
import type { RealtimeHub } from './hub.ts';
import { onPresence } from './presence-topic.ts';

/**
 * The hub tells its sockets what any instance announces on the bus: commits and presence. `head`
 * is the store's last seq, for the catch-up poke after a gap in what other instances said.
 */
export function hubOnBus(bus: Bus, hub: RealtimeHub, head: () => Promise<number>): void {
  onCommit(bus, head, (notice) => hub.deliver(notice));
  onPresence(bus, (notice) => hub.deliverPresence(notice));
}
