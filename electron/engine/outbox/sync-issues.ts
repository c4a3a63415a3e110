import type { SyncIssue } from '../../../shared/ipc/views.ts';
import { mutators, type MutationSummary } from '../../../shared/mutators/index.ts';
import type { EntityStore } from '../replica/entity-store.ts';
import type { RejectedMutation } from './outbox.ts';

/** A refused mutation as the Sync issues panel shows it: what it was, in words, and what the agent wrote. */
export function describeSyncIssue(store: EntityStore, m: RejectedMutation): SyncIssue {
  const summary = summaryOf(m);
  return {
    id: m.id,
    summary: summary.ticketId ? `${summary.action} on ${ticketLabel(store, summary.ticketId)}` : summary.action,
    reason: m.reason,
    createdAt: m.createdAt,
    text: summary.text ?? null,
    ticketId: summary.ticketId ?? null,
  };
}

function summaryOf(m: RejectedMutation): MutationSummary {
  const mutator = mutators.get(m.name);
  const args = mutator?.args.safeParse(m.args);
  if (!mutator?.describe || !args?.success) return { action: `A change this version of Orbit cannot describe (${m.name})` };
  return mutator.describe(args.data);
}

function ticketLabel(store: EntityStore, ticketId: string): string {
  const ticket = store.get('ticket', ticketId);
  if (!ticket) return 'a ticket no longer on this workstation';
  return `${ticket.number === null ? 'a new ticket' : `#${ticket.number}`} “${ticket.subject}”`;
}
