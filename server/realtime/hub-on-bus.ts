import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { headCursor } from '../store/workspace.ts';
import type { Bus } from './bus.ts';
import { onCommit } from './commits.ts';
import type { RealtimeHub } from './hub.ts';
import { onPresence } from './presence-topic.ts';

/**
 * The hub tells its sockets what any instance announces on the bus: commits and presence. After a
 * gap in what other instances said, it tells every socket about the store's head.
 */
export function hubOnBus(bus: Bus, hub: RealtimeHub, db: Kysely<Database>): void {
  onCommit(bus, async () => (await headCursor(db)).seq, (notice) => hub.deliver(notice));
  onPresence(bus, (notice) => hub.deliverPresence(notice));
}
