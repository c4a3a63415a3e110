import { newId } from '../ids.ts';
import type { ChangeEvent, ConflictField, FieldValue, LinkEvent, MergeEvent, MessageEvent, Ticket } from '../model/index.ts';
import { fieldValueLabel, type ConflictNames } from '../rules/conflicts.ts';
import type { MutationTx } from './types.ts';

/**
 * The activity timeline: every change of a ticket is a system event message in its thread, written
 * by the SERVER as it runs the mutation (never by the client, so a replay or a rebase cannot
 * duplicate it; the engine receives it like any other row). The actor is its author.
 */

/** A change as the mutators describe it; `added`/`removed` for sets (tags, followers). */
export interface ChangeNote {
  field: ChangeEvent['field'];
  key?: string;
  from?: FieldValue;
  to?: FieldValue;
  added?: string[];
  removed?: string[];
}

/** Writes one event message on `ticketId` (server only; no-op on the client). */
export async function writeEvent(tx: MutationTx, ticketId: string, event: MessageEvent, body: string): Promise<void> {
  if (tx.ctx.side !== 'server') return;
  await tx.put('message', {
    id: newId(),
    ticketId,
    kind: 'event',
    authorType: 'agent',
    authorId: tx.ctx.actorId,
    body,
    event,
    bodyHtml: null,
    attachments: [],
    mentionIds: [],
    createdAt: tx.ctx.now,
  });
}

/** Records a field change of `ticket` in its timeline (server only). Changes that change nothing write nothing. */
export async function noteChange(tx: MutationTx, ticket: Pick<Ticket, 'id'>, change: ChangeNote): Promise<void> {
  if (tx.ctx.side !== 'server') return;
  const event: ChangeEvent = {
    type: 'change',
    field: change.field,
    key: change.field === 'customFields' ? (change.key ?? null) : null,
    from: change.from ?? null,
    to: change.to ?? null,
    added: change.added ?? [],
    removed: change.removed ?? [],
  };
  const isSet = event.field === 'tags' || event.field === 'followers';
  if (isSet ? event.added.length + event.removed.length === 0 : event.from === event.to) return;
  const actor = await agentName(tx, tx.ctx.actorId);
  await writeEvent(tx, ticket.id, event, `${actor} ${await describeChange(tx, event)}`);
}

const agentName = async (tx: MutationTx, id: string) => (await tx.get('agent', id))?.name ?? 'A former agent';

async function names(tx: MutationTx, event: ChangeEvent): Promise<ConflictNames> {
  const agents = new Map<string, string>();
  const teams = new Map<string, string>();
  const values = [event.from, event.to, ...event.added, ...event.removed].filter((v): v is string => typeof v === 'string');
  if (event.field === 'assigneeId' || event.field === 'followers') for (const id of values) agents.set(id, await agentName(tx, id));
  if (event.field === 'teamId') for (const id of values) teams.set(id, (await tx.get('team', id))?.name ?? 'a former team');
  return { agent: (id) => agents.get(id) ?? id, team: (id) => teams.get(id) ?? id };
}

const FIELD_NAME: Record<ConflictField, string> = { status: 'status', priority: 'priority', assigneeId: 'assignee', teamId: 'team', customFields: 'field' };

/** The event's text after the actor's name, e.g. "changed status: Open → Pending". */
async function describeChange(tx: MutationTx, event: ChangeEvent): Promise<string> {
  const n = await names(tx, event);
  if (event.field === 'tags') {
    return [event.added.length ? `added tags ${event.added.join(', ')}` : '', event.removed.length ? `removed tags ${event.removed.join(', ')}` : ''].filter(Boolean).join('; ');
  }
  if (event.field === 'followers') {
    const self = (ids: string[]) => ids.length === 1 && ids[0] === tx.ctx.actorId;
    if (self(event.added) && event.removed.length === 0) return 'started following';
    if (self(event.removed) && event.added.length === 0) return 'stopped following';
    return [
      event.added.length ? `added followers ${event.added.map(n.agent).join(', ')}` : '',
      event.removed.length ? `removed followers ${event.removed.map(n.agent).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
  }
  const field = event.field;
  const label = field === 'customFields' ? `field "${event.key ?? ''}"` : FIELD_NAME[field];
  return `changed ${label}: ${fieldValueLabel(field, event.from, n)} → ${fieldValueLabel(field, event.to, n)}`;
}

/** A ticket's number as agents say it, or a stand-in before the server has numbered it. */
export const numberLabel = (n: number | null) => (n === null ? 'a new ticket' : `#${n}`);

/** The two sides of a merge: "Merged #12 into #34" on the source, "#12 was merged into this ticket" on the survivor. */
export async function noteMerge(tx: MutationTx, source: Pick<Ticket, 'id' | 'number'>, target: Pick<Ticket, 'id' | 'number'>): Promise<void> {
  const base = { type: 'merge', sourceId: source.id, targetId: target.id, sourceNumber: source.number, targetNumber: target.number } as const;
  await writeEvent(tx, source.id, { ...base, side: 'source' } satisfies MergeEvent, `Merged ${numberLabel(source.number)} into ${numberLabel(target.number)}`);
  await writeEvent(tx, target.id, { ...base, side: 'target' } satisfies MergeEvent, `${numberLabel(source.number)} was merged into this ticket`);
}

/** An incident linked to a problem (or unlinked): on the incident and on each problem concerned. */
export async function noteLink(tx: MutationTx, incident: Pick<Ticket, 'id' | 'number' | 'problemId'>, problem: Pick<Ticket, 'id' | 'number'> | null): Promise<void> {
  if (tx.ctx.side !== 'server') return;
  const previous = incident.problemId ? await tx.get('ticket', incident.problemId) : undefined;
  const base = { type: 'link', incidentId: incident.id, incidentNumber: incident.number, problemId: problem?.id ?? null, previousProblemId: incident.problemId } as const;
  const actor = await agentName(tx, tx.ctx.actorId);
  if (problem) {
    await writeEvent(tx, incident.id, { ...base, side: 'incident', problemNumber: problem.number } satisfies LinkEvent, `${actor} linked this ticket as an incident of problem ${numberLabel(problem.number)}`);
    await writeEvent(tx, problem.id, { ...base, side: 'problem', problemNumber: problem.number } satisfies LinkEvent, `${actor} linked ${numberLabel(incident.number)} as an incident of this problem`);
  } else {
    const number = previous?.number ?? null;
    await writeEvent(tx, incident.id, { ...base, side: 'incident', problemNumber: number } satisfies LinkEvent, `${actor} unlinked this ticket from problem ${numberLabel(number)}`);
  }
  if (previous) {
    await writeEvent(tx, previous.id, { ...base, side: 'problem', problemNumber: previous.number } satisfies LinkEvent, `${actor} unlinked incident ${numberLabel(incident.number)} from this problem`);
  }
}
