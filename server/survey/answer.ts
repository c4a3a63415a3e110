import type { Kysely } from 'kysely';
import { newId } from '../../shared/ids.ts';
import type { Satisfaction, SurveyEvent } from '../../shared/model/index.ts';
import { takesSurvey, type SurveyAnswer } from '../../shared/sync/survey.ts';
import type { Bus } from '../realtime/bus.ts';
import { publishCommit } from '../realtime/commits.ts';
import type { Database } from '../store/schema.ts';
import { writeAsServer } from '../sync/server-write.ts';

export type AnswerOutcome = { status: 'recorded'; replaced: boolean } | { status: 'not_found' } | { status: 'not_solved' };

/** The timeline line, plain text: "Customer rated 4/5 (effort 6/7, NPS 9): “comment”". */
export function surveyEventBody(answer: Pick<Satisfaction, 'csat' | 'ces' | 'nps' | 'comment'>, replaced: boolean): string {
  const scores = [answer.ces === null ? '' : `effort ${answer.ces}/7`, answer.nps === null ? '' : `NPS ${answer.nps}`].filter(Boolean).join(', ');
  const comment = answer.comment ? answer.comment.replace(/\s+/g, ' ').trim() : '';
  const quoted = comment ? `: “${comment.length > 280 ? `${comment.slice(0, 279)}…` : comment}”` : '';
  return `Customer ${replaced ? 'changed their rating to' : 'rated'} ${answer.csat}/5${scores ? ` (${scores})` : ''}${quoted}`;
}

/**
 * Writes the customer's answer on the ticket as a change the server makes itself (writeAsServer):
 * through the server's MutationTx, so it is logged with the ticket's scopes, versioned, counted in the
 * checksums and announced to the replicas holding the ticket; with an event in the thread, written as
 * the requester's. A later answer replaces the earlier one.
 */
export async function recordSurveyAnswer(db: Kysely<Database>, bus: Bus, ticketId: string, answer: SurveyAnswer): Promise<AnswerOutcome> {
  const { result, effect } = await writeAsServer(db, async (tx): Promise<AnswerOutcome> => {
    const ticket = await tx.get('ticket', ticketId);
    if (!ticket) return { status: 'not_found' };
    if (!takesSurvey(ticket)) return { status: 'not_solved' };
    const replaced = ticket.satisfaction !== null;
    const comment = answer.comment?.trim() ? answer.comment : null;
    const satisfaction: Satisfaction = { csat: answer.csat, ces: answer.ces, nps: answer.nps, comment, ratedAt: tx.ctx.now };
    await tx.put('ticket', { ...ticket, satisfaction, updatedAt: tx.ctx.now });
    const event: SurveyEvent = { type: 'survey', csat: answer.csat, ces: answer.ces, nps: answer.nps, replaced };
    await tx.put('message', {
      id: newId(),
      ticketId,
      kind: 'event',
      authorType: 'contact',
      authorId: ticket.requesterId,
      body: surveyEventBody(satisfaction, replaced),
      event,
      bodyHtml: null,
      attachments: [],
      mentionIds: [],
      createdAt: tx.ctx.now,
    });
    return { status: 'recorded', replaced };
  });
  if (effect.lastSeq) void publishCommit(bus, { seq: effect.lastSeq, scopes: [...effect.scopes] });
  return result;
}
