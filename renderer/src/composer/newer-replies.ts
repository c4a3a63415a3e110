import type { TimelineMessage } from '../../../shared/ipc/views.ts';

/** The newest public message of the thread (the baseline of a draft), or null when there is none. */
export function newestPublicId(messages: readonly TimelineMessage[]): string | null {
  return messages.findLast((m) => m.kind === 'reply')?.id ?? null;
}

/**
 * Public messages someone else (another agent, the customer) added after `baseId`, the newest public
 * message the agent had seen when starting the draft (null: there was none). Uses the thread order,
 * not clocks, so a skewed workstation clock cannot hide a reply.
 */
export function newerPublicReplies(messages: readonly TimelineMessage[], baseId: string | null, meId: string): TimelineMessage[] {
  const from = baseId === null ? 0 : messages.findIndex((m) => m.id === baseId) + 1;
  // A baseline that left the thread (a merge) says nothing; do not warn about everything.
  if (baseId !== null && from === 0) return [];
  return messages.slice(from).filter((m) => m.kind === 'reply' && !(m.authorType === 'agent' && m.authorId === meId));
}

/** "Lena replied 2 minutes ago": for the warning before sending. */
export function repliedAgo(message: TimelineMessage, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(message.createdAt)) / 60_000));
  const ago = minutes < 1 ? 'just now' : minutes === 1 ? '1 minute ago' : minutes < 120 ? `${minutes} minutes ago` : `${Math.round(minutes / 60)} hours ago`;
  const first = message.authorName.split(/\s+/)[0] ?? message.authorName;
  return `${first} replied ${ago}`;
}
