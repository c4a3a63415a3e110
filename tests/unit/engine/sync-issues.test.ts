import { afterEach, describe, expect, it } from 'vitest';
import { messageAdd, ticketCreate, ticketSetPriority, type Mutator } from '../../../shared/mutators/index.ts';
import { Replica } from '../../../electron/engine/replica/replica.ts';
import { describeSyncIssue } from '../../../electron/engine/outbox/sync-issues.ts';
import { agentAlex, contact, T1, ticket } from '../shared/fixtures.ts';
import { baseRows, putRows, tempFiles } from './support.ts';

const newFile = tempFiles();
const replicas: Replica[] = [];
afterEach(async () => {
  await Promise.all(replicas.splice(0).map((r) => r.close()));
});

const TICKET = ticket({ status: 'open' });
const REPLY_ID = '0195f0a0-0000-7000-8000-0000000000b1';
const NEW_TICKET = '0195f0a0-0000-7000-8000-0000000000b2';

async function replica(): Promise<Replica> {
  const r = await Replica.open(newFile());
  replicas.push(r);
  await putRows(r, [...baseRows.filter((row) => row.kind !== 'ticket'), { kind: 'ticket', row: TICKET }]);
  return r;
}

/** Records a mutation and has the server refuse it, as a push answer does (no pull since). */
async function refused(r: Replica, mutator: Mutator, args: unknown, reason: string): Promise<number> {
  return r.writer.transaction(async () => {
    await r.outbox.record(mutator, mutator.args.parse(args), { actorId: agentAlex.id, role: 'agent', now: T1 });
    const id = Number(r.meta.get('last_mutation_id'));
    r.outbox.reject(id, reason);
    return id;
  });
}

describe('sync issues in the outbox', () => {
  it('describe each refused change in words, with the ticket it is about and the text written', async () => {
    const r = await replica();
    await refused(r, messageAdd, { id: REPLY_ID, ticketId: TICKET.id, kind: 'reply', body: 'Line one\nLine two' }, 'Closed.');
    await refused(r, ticketSetPriority, { ticketId: TICKET.id, priority: 'urgent' }, 'Nope.');
    await refused(r, ticketCreate, { id: NEW_TICKET, subject: 'Printer on fire', requesterId: contact.id }, 'No contact.');
    const issues = r.outbox.rejected().map((m) => describeSyncIssue(r.store, m));
    expect(issues).toEqual([
      { id: 1, summary: `Public reply on #${TICKET.number} “${TICKET.subject}”`, reason: 'Closed.', createdAt: T1, text: 'Line one\nLine two', ticketId: TICKET.id },
      { id: 2, summary: `Priority: Urgent on #${TICKET.number} “${TICKET.subject}”`, reason: 'Nope.', createdAt: T1, text: null, ticketId: TICKET.id },
      { id: 3, summary: 'New ticket “Printer on fire”', reason: 'No contact.', createdAt: T1, text: null, ticketId: null },
    ]);
  });

  it('say so when a change cannot be described (a mutator this version does not know)', async () => {
    const r = await replica();
    expect(describeSyncIssue(r.store, { id: 9, name: 'ticket.merge@7', args: {}, createdAt: T1, reason: 'Unknown.' })).toMatchObject({
      summary: 'A change this version of Orbit cannot describe (ticket.merge@7)',
      text: null,
    });
  });

  it('resolving one takes its effect off the replica at once, and keeps the pending changes after it', async () => {
    const r = await replica();
    const id = await refused(r, ticketSetPriority, { ticketId: TICKET.id, priority: 'urgent' }, 'Nope.');
    await r.writer.transaction(() => r.outbox.record(messageAdd, { id: REPLY_ID, ticketId: TICKET.id, kind: 'note', body: 'Still pending' }, { actorId: agentAlex.id, role: 'agent', now: T1 }));
    expect(r.store.get('ticket', TICKET.id)?.priority).toBe('urgent');

    const changed = await r.writer.transaction(() => r.outbox.resolveRejected(id));
    expect(changed).toEqual(new Set(['ticket', 'message']));
    expect(r.store.get('ticket', TICKET.id)?.priority).toBe(TICKET.priority);
    expect(r.store.get('message', REPLY_ID)).toMatchObject({ body: 'Still pending' });
    expect(r.outbox.counts()).toEqual({ pending: 1, rejected: 0 });
    // Only refused mutations can be resolved: a pending one is not an issue.
    expect(await r.writer.transaction(() => r.outbox.resolveRejected(id + 1))).toBeUndefined();
  });
});
