import type { Bus } from './bus.ts';
import { PresenceNotice } from './notices.ts';

export const PRESENCE_TOPIC = 'presence';

/** A presence notice travels as it is: a few hundred bytes, far under NOTIFY's limit. */
export function publishPresence(bus: Bus, notice: PresenceNotice): Promise<void> {
  return bus.publish(PRESENCE_TOPIC, notice);
}

/** Hears every presence, announced here or on another instance; a notice that does not parse is reported and dropped. */
export function onPresence(bus: Bus, handler: (notice: PresenceNotice) => void): () => void {
  return bus.subscribe(PRESENCE_TOPIC, (payload) => handler(PresenceNotice.parse(payload)));
}
