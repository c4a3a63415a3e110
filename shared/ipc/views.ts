import { z } from 'zod';
import { Agent, Account, Channel, Contact, EntityKind, Id, IsoTime, Message, Priority, Team, Ticket, TicketStatus } from '../model/index.ts';

/**
 * Built-in queues: mine, unassigned (in my teams), my teams' open work, pending (my teams' and mine),
 * SLA at risk (running deadline breached or within the policy's at-risk window, soonest first),
 * recently updated (last 24 h), all.
 */
export const QueueView = z.enum(['mine', 'unassigned', 'team', 'pending', 'sla_at_risk', 'recent', 'all']);
export type QueueView = z.infer<typeof QueueView>;

/** One line of a queue: what a list shows without opening the ticket. */
export const QueueRow = z.object({
  id: Id,
  number: z.number().int().nullable(),
  subject: z.string(),
  status: TicketStatus,
  priority: Priority,
  channel: Channel,
  requesterName: z.string(),
  accountName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  assigneeId: Id.nullable(),
  teamName: z.string().nullable(),
  tags: z.array(z.string()),
  /** The earliest running SLA deadline; null when none runs (solved, or no target). */
  slaDueAt: IsoTime.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** A local change to this ticket has not reached the server yet. */
  pendingSync: z.boolean(),
  /** SLA: what the row's timer badge needs (shared/rules/sla.ts slaTimers). */
  ...Ticket.pick({ firstResponseDueAt: true, resolutionDueAt: true, firstResponseAt: true, solvedAt: true }).shape,
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueuePage = z.object({
  rows: z.array(QueueRow),
  /** Opaque keyset cursor for the next page; null at the end. */
  next: z.string().nullable(),
  total: z.number().int().nonnegative(),
});
export type QueuePage = z.infer<typeof QueuePage>;

export const TimelineMessage = Message.extend({
  authorName: z.string(),
  /** Written on this machine and not yet acknowledged by the server. */
  pendingSync: z.boolean(),
});
export type TimelineMessage = z.infer<typeof TimelineMessage>;

export const TicketDetail = z.object({
  ticket: Ticket,
  messages: z.array(TimelineMessage),
  requester: Contact,
  assignee: Agent.nullable(),
  team: Team.nullable(),
  pendingSync: z.boolean(),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const TicketSummary = Ticket.pick({
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  createdAt: true,
  updatedAt: true,
  solvedAt: true,
}).extend({ requesterName: z.string() });
export type TicketSummary = z.infer<typeof TicketSummary>;

/** Survey answers over a period: how many, how many gave a CSAT score, how many of those were satisfied (4–5), the average score. */
export const SatisfactionStats = z.object({
  answers: z.number().int().nonnegative(),
  csatAnswers: z.number().int().nonnegative(),
  satisfied: z.number().int().nonnegative(),
  /** Average CSAT (1–5); null without a CSAT answer. */
  average: z.number().nullable(),
});
export type SatisfactionStats = z.infer<typeof SatisfactionStats>;

/** One survey answer as the pane lists it; the comment is the customer's plain text. */
export const SatisfactionAnswer = z.object({
  ticketId: Id,
  number: z.number().int().nullable(),
  subject: z.string(),
  csat: z.number().int().nullable(),
  ces: z.number().int().nullable(),
  nps: z.number().int().nullable(),
  comment: z.string().nullable(),
  ratedAt: IsoTime,
});
export type SatisfactionAnswer = z.infer<typeof SatisfactionAnswer>;

/**
 * The satisfaction history of an account or a requester: the last 90 days and all time, the trend
 * (the last 90 days' CSAT share against the 90 days before: up, down or steady; null without answers
 * in both), and the latest answers, newest first.
 */
export const SatisfactionHistory = z.object({
  last90Days: SatisfactionStats,
  allTime: SatisfactionStats,
  trend: z.enum(['up', 'down', 'steady']).nullable(),
  latest: z.array(SatisfactionAnswer),
});
export type SatisfactionHistory = z.infer<typeof SatisfactionHistory>;

/** The 360° customer pane beside a ticket. */
export const CustomerPane = z.object({
  contact: Contact,
  account: Account.nullable(),
  /** The account's contacts by name, the first few (the requester alone without an account). */
  accountContacts: z.array(Contact),
  /** How many contacts the account has. */
  accountContactsTotal: z.number().int().nonnegative(),
  /** The account's newest tickets other than this one, newest first; `customer.tickets` pages through all of them. */
  accountTickets: z.array(TicketSummary),
  /** How many tickets the account has besides this one. */
  accountTicketsTotal: z.number().int().nonnegative(),
  /** The requester's own newest other tickets, newest first; `customer.tickets` pages through all of them. */
  contactTickets: z.array(TicketSummary),
  /** How many other tickets the requester has. */
  contactTicketsTotal: z.number().int().nonnegative(),
  stats: z.object({
    openTickets: z.number().int(),
    solvedTickets: z.number().int(),
  }),
  /** Survey answers of the account (null without one) and of the requester. */
  satisfaction: z.object({ account: SatisfactionHistory.nullable(), requester: SatisfactionHistory }),
});
export type CustomerPane = z.infer<typeof CustomerPane>;

/** Which ticket list of the customer pane: the account's or the requester's. */
export const CustomerTicketList = z.enum(['account', 'contact']);
export type CustomerTicketList = z.infer<typeof CustomerTicketList>;

/** A page of one of the pane's ticket lists ("show all"), newest first. */
export const CustomerTicketsPage = z.object({
  rows: z.array(TicketSummary),
  /** Opaque keyset cursor for the next page; null at the end. */
  next: z.string().nullable(),
});
export type CustomerTicketsPage = z.infer<typeof CustomerTicketsPage>;

export const SyncStatus = z.object({
  /** Connected to the server's realtime socket and last request succeeded. */
  online: z.boolean(),
  phase: z.enum(['signed_out', 'bootstrapping', 'syncing', 'idle', 'offline', 'error']),
  /** Mutations in the outbox not yet acknowledged by the server. */
  pending: z.number().int().nonnegative(),
  /** Mutations the server refused permanently and the agent has not dealt with yet. */
  rejected: z.number().int().nonnegative(),
  lastSyncedAt: IsoTime.nullable(),
  /** What went wrong and what to do, in words for the agent. */
  error: z.string().nullable(),
  progress: z.object({ label: z.string(), done: z.number().int(), total: z.number().int() }).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const Session = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed_out') }),
  z.object({ state: z.literal('signed_in'), serverUrl: z.string(), workspaceName: z.string(), agent: Agent }),
]);
export type Session = z.infer<typeof Session>;

export const ChangedEvent = z.object({ kinds: z.array(EntityKind) });

/** A change the server refused for good, kept so that nothing the agent did is dropped silently. */
export const SyncIssue = z.object({
  /** The mutation's id in the outbox. */
  id: z.number().int().positive(),
  /** What the change was, in words, e.g. "Public reply on #1042 Export fails". */
  summary: z.string(),
  /** The server's reason. */
  reason: z.string(),
  /** When the agent made the change. */
  createdAt: IsoTime,
  /** What the agent wrote in it (reply, note, article, notes), to copy out; null when nothing. */
  text: z.string().nullable(),
  ticketId: Id.nullable(),
});
export type SyncIssue = z.infer<typeof SyncIssue>;

export const SyncIssuesChanged = z.object({ count: z.number().int().nonnegative() });
