import { z } from 'zod';
import { Contact, Id } from '../../model/index.ts';
import { MessageBody } from '../../mutators/message-add.ts';
import { ticketFollow } from '../../mutators/ticket-follow.ts';
import { ticketLinkProblem } from '../../mutators/ticket-link-problem.ts';
import { ticketMerge } from '../../mutators/ticket-merge.ts';
import { TicketSummary } from '../views.ts';

/** A ticket's relations: the problem it is an incident of, its own incidents, the survivor it was merged into. */
export const TicketLinks = z.object({
  problem: TicketSummary.nullable(),
  incidents: z.array(TicketSummary),
  mergedInto: TicketSummary.nullable(),
});
export type TicketLinks = z.infer<typeof TicketLinks>;

/** What a type-ahead searches with: a few characters of a name, an email, a number or a subject. */
const FindText = z.string().max(200);

/** Procedures and events of the agent workspace: follow, merge, problem/incident links, activity. Spread into shared/ipc/contract.ts. */
export const ticketActionProcedures = {
  /** The agent follows (or stops following) a ticket. */
  'ticket.follow': { input: ticketFollow.args, output: z.null() },
  /** Merges tickets into a survivor (messages carried over, sources closed pointing to it). */
  'ticket.merge': { input: ticketMerge.args, output: z.null() },
  /** Links a ticket as an incident of a problem ticket; null unlinks it. */
  'ticket.linkProblem': { input: ticketLinkProblem.args, output: z.null() },
  /**
   * Solves a problem ticket: one public reply sent to each of its unsolved incidents (each solved too
   * when `solveIncidents`), then the problem solved. One mutation per change, through the outbox, so
   * it works offline. Answers how many incidents got the reply. `body` may be null only when no incident is unsolved.
   */
  'ticket.solveProblem': {
    input: z.object({ problemId: Id, body: MessageBody.nullable(), solveIncidents: z.boolean() }),
    output: z.object({ replied: z.number().int().nonnegative() }),
  },
  /** The ticket's problem, incidents and merge survivor, as far as this replica holds them. */
  'ticket.links': { input: z.object({ ticketId: Id }), output: TicketLinks },
  /** Tickets by number ("#12", "12") or by words of their subject, most recently updated first (at most 20). */
  'tickets.find': { input: z.object({ text: FindText }), output: z.array(TicketSummary) },
  /** Contacts whose name or email contains the text, by name (at most 20): the requester picker. */
  'contacts.find': { input: z.object({ text: FindText }), output: z.array(Contact) },
} as const;

export const ticketActionEvents = {} as const;
