import { z } from 'zod';
import { Id, type Ticket } from '../model/index.ts';
import { noteLink } from './activity.ts';
import { mustGet, mustGetEditableTicket } from './load.ts';
import { defineMutator, MutationRejected } from './types.ts';

const label = (t: Pick<Ticket, 'number'>) => (t.number === null ? 'That ticket' : `#${t.number}`);

/**
 * Links a ticket as an incident of a problem ticket (problemId null: unlinks it). One level only:
 * a problem is not itself an incident, and a ticket with incidents cannot become one.
 */
export const ticketLinkProblem = defineMutator({
  name: 'ticket.linkProblem@1',
  args: z.object({ ticketId: Id, problemId: Id.nullable() }),
  async run(tx, { ticketId, problemId }) {
    const incident = await mustGetEditableTicket(tx, ticketId);
    if (incident.problemId === problemId) return;
    let problem: Ticket | null = null;
    if (problemId !== null) {
      if (problemId === ticketId) throw new MutationRejected('A ticket cannot be an incident of itself.');
      problem = await mustGet(tx, 'ticket', problemId);
      if (problem.problemId !== null) throw new MutationRejected(`${label(problem)} is itself an incident of another problem; link to that problem instead.`);
      if (problem.status === 'closed' || problem.mergedIntoId !== null) throw new MutationRejected(`${label(problem)} is closed; it cannot take incidents.`);
      const incidents = tx.incidentsOf ? await tx.incidentsOf(ticketId) : [];
      if (incidents.length > 0) throw new MutationRejected('This ticket is a problem with incidents of its own, so it cannot be an incident.');
    }
    await noteLink(tx, incident, problem);
    await tx.put('ticket', { ...incident, problemId, updatedAt: tx.ctx.now });
  },
  describe: ({ ticketId, problemId }) => ({ action: problemId ? 'Link to a problem' : 'Unlink from its problem', ticketId }),
});
