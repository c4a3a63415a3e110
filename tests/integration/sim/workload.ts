import type { Random } from '../../../server/demo/prng.ts';
import type { ProcedureInput, ProcedureName } from '../../../shared/ipc/contract.ts';
import type { Agent, Priority, Ticket, TicketStatus } from '../../../shared/model/index.ts';

/** One call an agent makes at the desk. */
export type Call = { [N in ProcedureName]: { name: N; input: ProcedureInput<N> } }[ProcedureName];

export interface IntentContext {
  random: Random;
  /** The shared ticket the agent works on, as the agent's replica shows it now. */
  ticket: Ticket;
  /** Everyone in the directory. */
  agents: readonly Agent[];
  /** A message body no one else wrote. */
  body(): string;
}

/** A kind of change agents make, and how often relative to the others. */
export interface IntentGenerator {
  name: string;
  weight: number;
  make(ctx: IntentContext): Call;
}

/** 'new' and 'closed' are there on purpose: the status machine refuses them now or, after others' changes, on the server. */
const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
/** Few tags, so agents add and remove the same ones concurrently. */
const TAGS = ['billing', 'bug', 'vip', 'sso'];

const STATUS_WEIGHTS: readonly (readonly [TicketStatus, number])[] = [
  ['open', 30],
  ['pending', 22],
  ['on_hold', 10],
  ['solved', 22],
  ['closed', 8],
  ['new', 3],
];

/**
 * The changes the simulated agents make. Now and then an assignee from another team moves the
 * ticket there: the old team's replicas must evict it, the new team's gain it with its thread.
 */
export const intentGenerators: readonly IntentGenerator[] = [
  { name: 'reply', weight: 30, make: ({ ticket, body }) => ({ name: 'ticket.reply', input: { ticketId: ticket.id, kind: 'reply', body: body() } }) },
  { name: 'note', weight: 15, make: ({ ticket, body }) => ({ name: 'ticket.reply', input: { ticketId: ticket.id, kind: 'note', body: body() } }) },
  {
    name: 'status',
    weight: 30,
    // `base` is what the agent saw, as the UI sends it: a concurrent change on the server becomes a conflict notice.
    make: ({ random, ticket }) => ({ name: 'ticket.setStatus', input: { ticketId: ticket.id, status: random.weighted(STATUS_WEIGHTS), base: ticket.status } }),
  },
  {
    // Closing is final, so whoever has not seen it yet gets their later changes to the ticket refused by the server.
    name: 'close',
    weight: 5,
    make: ({ ticket }) => ({ name: 'ticket.setStatus', input: { ticketId: ticket.id, status: ticket.status === 'solved' ? 'closed' : 'solved' } }),
  },
  {
    name: 'assign',
    weight: 25,
    make: ({ random, ticket, agents }) => {
      const team = agents.filter((a) => ticket.teamId !== null && a.teamIds.includes(ticket.teamId));
      const pool = team.length === 0 || random.chance(0.15) ? agents : team;
      return { name: 'ticket.assign', input: { ticketId: ticket.id, assigneeId: random.chance(0.25) ? null : random.pick(pool).id, base: ticket.assigneeId } };
    },
  },
  {
    name: 'priority',
    weight: 15,
    make: ({ random, ticket }) => ({ name: 'ticket.setPriority', input: { ticketId: ticket.id, priority: random.pick(PRIORITIES), base: ticket.priority } }),
  },
  {
    // Tags are sets: concurrent adds and removes of the same tag must converge without notices.
    name: 'tags',
    weight: 15,
    make: ({ random, ticket }) => {
      const tags = random.chance(0.3) ? [random.pick(TAGS), random.pick(TAGS)] : [random.pick(TAGS)];
      return random.chance(0.5) ? { name: 'ticket.addTags', input: { ticketId: ticket.id, tags } } : { name: 'ticket.removeTags', input: { ticketId: ticket.id, tags } };
    },
  },
];

export function makeIntent(ctx: IntentContext, generators: readonly IntentGenerator[] = intentGenerators): Call {
  return ctx.random.weighted(generators.map((g) => [g, g.weight] as const)).make(ctx);
}
