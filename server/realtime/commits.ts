import { ORG_SCOPE } from '../sync/scopes.ts';
import { reportBusError, type Bus } from './bus.ts';
import { CommitNotice } from './notices.ts';

export const COMMIT_TOPIC = 'commit';

/**
 * Every agent reads the org scope, so a notice for it reaches every socket, which then gets what it
 * missed (a delta or a poke): what other instances get when a notice is too big to travel (a
 * socket told of nothing new only costs a pull).
 */
const pokeEveryone = (seq: number): CommitNotice => ({ seq, scopes: [ORG_SCOPE] });

export function publishCommit(bus: Bus, notice: CommitNotice): Promise<void> {
  return bus.publish(COMMIT_TOPIC, notice, pokeEveryone(notice.seq));
}

/**
 * Hears every commit, made here or on another instance. After a gap in what other instances said,
 * it hears a notice for the head that pokes every socket, so each client pulls what it missed.
 * A notice that does not parse is reported and dropped.
 */
export function onCommit(bus: Bus, head: () => Promise<number>, handler: (notice: CommitNotice) => void): () => void {
  const offCommit = bus.subscribe(COMMIT_TOPIC, (payload) => handler(CommitNotice.parse(payload)));
  const offGap = bus.onGap(() => void head().then((seq) => seq > 0 && handler(pokeEveryone(seq)), reportBusError));
  return () => {
    offCommit();
    offGap();
  };
}
